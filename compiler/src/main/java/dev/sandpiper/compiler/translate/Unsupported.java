package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, it tail-calls a function no trampoline can reach ({@link TailCalls}), or it uses a GC
 * instruction. Exception handling (3.0) compiles ({@link ExceptionInstructions}).
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the GC instructions (spec 3.0: structures, arrays, i31, casts, {@code ref.eq},
     * {@code br_on_cast}), which this tier leaves to the interpreter for now; values of the GC
     * reference types themselves compile as 64-bit references like any other.
     */
    static void checkGc(Opcode op) {
        if (op.feature() == Feature.GC) {
            throw new Unsupported("uses GC instructions (" + op + ")");
        }
    }
}
