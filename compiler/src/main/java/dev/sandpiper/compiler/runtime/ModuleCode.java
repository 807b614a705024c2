package dev.sandpiper.compiler.runtime;

/**
 * The superclass of each module's generated class. The generated class holds one static method per
 * compiled function, {@code f<index>(params..., Context, int room, int left)} ({@code room}: the call-depth
 * limit minus the frame's depth, negative past the limit), and implements
 * {@link #invoke} as a switch over them. One instance per module, immutable, shared by threads.
 */
public abstract class ModuleCode {
    /**
     * Runs compiled function {@code funcIndex}: reads its arguments from {@code stack} at {@code base}
     * and writes its results there (raw bits, i32 and f32 sign-extended); the fuel left afterwards is
     * in {@code ctx.left}.
     */
    public abstract void invoke(int funcIndex, Context ctx, long[] stack, int base, int room, int left);
}
