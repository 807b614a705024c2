package dev.sandpiper.interpreter;

/**
 * A function the host provides for modules to import. It receives the arguments' raw bits (i32 and
 * f32 in the low 32 bits; a v128 takes two entries, low half first) and writes its results' bits
 * into {@code results}. Throwing a {@link TrapException} traps the calling WebAssembly code; any
 * other exception becomes a trap of kind {@link TrapKind#HOST_FAILURE} carrying it as the cause.
 */
@FunctionalInterface
public interface HostFunction {
    void call(HostContext context, long[] args, long[] results);
}
