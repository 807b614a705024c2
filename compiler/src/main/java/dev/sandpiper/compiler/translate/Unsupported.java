package dev.sandpiper.compiler.translate;

/**
 * A function this tier does not compile (it runs in the interpreter instead): its bytecode would be
 * too large for HotSpot to compile and it cannot be split ({@link Outliner}), it needs more JVM locals or parameter slots than a method may
 * have, or it tail-calls a function no trampoline can reach ({@link TailCalls}). The instructions of
 * 3.0 all compile: GC ({@link GcInstructions}) and exception handling ({@link ExceptionInstructions})
 * included.
 */
public final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unsupported(String reason) {
        super(reason, null, false, false);
    }
}
