package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, it tail-calls a function no trampoline can reach ({@link TailCalls}), or it uses an
 * instruction of typed function references.
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
}
