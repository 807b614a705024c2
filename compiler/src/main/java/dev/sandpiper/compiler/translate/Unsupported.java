package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile, it needs more JVM locals or parameter slots than a method may
 * have, it tail-calls a function no trampoline can reach ({@link TailCalls}), or it uses an
 * instruction of exception handling. (The GC instructions compile, {@link GcInstructions}.)
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses the instructions of exception handling (spec 3.0: {@code try_table}, {@code throw},
     * {@code throw_ref}; the appendix's legacy {@code try}, {@code catch}, {@code catch_all},
     * {@code delegate}, {@code rethrow}): a function using them runs in the interpreter, which
     * catches exceptions, while an exception passes through compiled frames like a trap (refunding
     * the rest of their blocks). Values of type exnref compile as any reference.
     */
    static void checkExceptions(Opcode op) {
        if (op.feature() == Feature.EXCEPTIONS || op.feature() == Feature.LEGACY_EXCEPTIONS) {
            throw new Unsupported("uses exception handling (" + op + ")");
        }
    }
}
