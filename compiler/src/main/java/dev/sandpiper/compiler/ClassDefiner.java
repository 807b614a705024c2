package dev.sandpiper.compiler;

import dev.sandpiper.compiler.runtime.ModuleCode;

/**
 * Defines a generated class and returns its instance. The default defines a hidden class through
 * {@code MethodHandles.Lookup}; a JVM that forbids it (a restrictive security policy, Android,
 * native-image) throws, and the compiler reports the tier as unavailable.
 */
@FunctionalInterface
public interface ClassDefiner {
    ModuleCode define(byte[] classBytes) throws Throwable;
}
