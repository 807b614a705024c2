package dev.sandpiper.compiler;

import java.util.Locale;

/** Which tier runs a module's functions. */
public enum Engine {
    /** The interpreter only: no class is defined at run time. */
    INTERPRETER,
    /** Compiled to JVM bytecode when loaded; fails when the JVM refuses to define classes. */
    COMPILER,
    /**
     * Starts in the interpreter and moves the module to compiled code on a background thread once it
     * is hot; stays in the interpreter (and says so once) where classes cannot be defined.
     */
    AUTO;

    /** Parses {@code interpreter}, {@code compiler} or {@code auto}. */
    public static Engine parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + name + "': use interpreter, compiler or auto");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
