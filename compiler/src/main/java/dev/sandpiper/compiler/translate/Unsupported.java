package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, it tail-calls a function no trampoline can reach ({@link TailCalls}), it uses an
 * instruction of typed function references, or it accesses a 64-bit memory or table.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the instructions of typed function references (spec 3.0: {@code call_ref},
     * {@code return_call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}),
     * which this tier leaves to the interpreter for now. Values of the typed reference types
     * themselves compile as any funcref.
     */
    static void checkFunctionReferences(Opcode op) {
        if (op.feature() == Feature.FUNCTION_REFERENCES) {
            throw new Unsupported("uses function references (" + op + ")");
        }
    }

    /**
     * Which memories and tables of a module have address type i64 (3.0 memory64): this tier leaves
     * the functions that access them to the interpreter for now. Null when none does.
     */
    static boolean[][] address64(Module module) {
        int memories = module.memorySpace().size();
        int tables = module.tableSpace().size();
        boolean[] mem = new boolean[memories];
        boolean[] tab = new boolean[tables];
        boolean any = false;
        for (int i = 0; i < memories; i++) {
            mem[i] = module.memorySpace().get(i).limits().address64();
            any |= mem[i];
        }
        for (int i = 0; i < tables; i++) {
            tab[i] = module.tableSpace().get(i).limits().address64();
            any |= tab[i];
        }
        return any ? new boolean[][] {mem, tab} : null;
    }

    /**
     * Refuses a memory instruction on a 64-bit memory, a table instruction on a 64-bit table, and
     * {@code call_indirect} through one (spec 3.0: their addresses and indices are i64), given
     * {@link #address64}'s flags (null: nothing to refuse).
     */
    static void checkAddress64(Opcode op, CodeReader r, boolean[][] address64) {
        if (address64 == null) {
            return;
        }
        boolean[] mem = address64[0];
        boolean[] tab = address64[1];
        boolean wide;
        if (op.family() == Family.MEMORY) {
            wide = switch (op.immediate()) {
                case MEMARG, MEMARG_LANE, MEMORY_INDEX, MEMORY_INIT -> mem[r.memoryIndex()];
                case MEMORY_COPY -> mem[r.memoryIndex()] || mem[r.memoryIndex2()];
                default -> false;
            };
        } else if (op.family() == Family.TABLE && op != Opcode.ELEM_DROP) {
            wide = switch (op) {
                case TABLE_COPY -> tab[r.index()] || tab[r.index2()];
                case TABLE_INIT -> tab[r.index2()];
                default -> tab[r.index()];
            };
        } else {
            wide = op.immediate() == ImmediateKind.CALL_INDIRECT && tab[r.index2()];
        }
        if (wide) {
            throw new Unsupported("uses a 64-bit memory or table (" + op + ")");
        }
    }
}
