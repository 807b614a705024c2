package dev.sandpiper.compiler.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines a module's generated class as a hidden class in this package (so it reads
 * {@link Context}'s fields) and makes its one instance. Hidden classes are unloaded with their
 * {@link ModuleCode} once nothing refers to it.
 */
public final class Definer {
    private Definer() {}

    /**
     * Defines the class and returns its instance.
     *
     * @throws ReflectiveOperationException, SecurityException, UnsupportedOperationException, LinkageError
     *     when the JVM refuses to define classes at run time or the class is malformed
     */
    public static ModuleCode define(byte[] classBytes) throws Throwable {
        MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(classBytes, true);
        return (ModuleCode) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
