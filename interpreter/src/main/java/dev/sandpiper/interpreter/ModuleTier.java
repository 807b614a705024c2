package dev.sandpiper.interpreter;

/**
 * A second execution tier attached to a {@link CompiledModule} (see
 * {@link CompiledModule#attachTier}): code that runs some or all of the module's defined functions
 * instead of the interpreter. The interpreter module defines no such tier itself; the
 * {@code compiler} module provides one that turns functions into JVM bytecode. Immutable and shared
 * by every instance and thread, like the module.
 */
public interface ModuleTier {
    /** The tier's state for one instance; called once per instance, on the instance's thread. */
    InstanceTier bind(Instance instance);

    /** A short name for diagnostics ("compiled"). */
    String name();
}
