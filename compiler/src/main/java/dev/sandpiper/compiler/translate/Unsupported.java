package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, or it uses a 3.0 feature the tier does not compile yet (tail calls, a memory other than
 * memory 0, the function-reference instructions).
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the 3.0 instructions this tier leaves to the interpreter: {@code return_call},
     * {@code return_call_indirect} (the interpreter runs them in constant space), and memory
     * instructions naming a memory other than memory 0 (compiled code reaches only memory 0), and the
     * instructions of typed function references ({@code call_ref}, {@code return_call_ref},
     * {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}).
     */
    static void check30(Opcode op, CodeReader r) {
        if (op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT) {
            throw new Unsupported("uses tail calls");
        }
        if (op.feature() == Feature.FUNCTION_REFERENCES) {
            throw new Unsupported("uses function references (" + op + ")");
        }
        boolean otherMemory = switch (op.immediate()) {
            case MEMARG, MEMARG_LANE, MEMORY_INDEX, MEMORY_INIT -> r.memoryIndex() != 0;
            case MEMORY_COPY -> r.memoryIndex() != 0 || r.memoryIndex2() != 0;
            default -> false;
        };
        if (otherMemory) {
            throw new Unsupported("uses a memory other than memory 0");
        }
    }
}
