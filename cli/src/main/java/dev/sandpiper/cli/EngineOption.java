package dev.sandpiper.cli;

import dev.sandpiper.compiler.Engine;

/**
 * The {@code --engine interpreter|compiler|auto} option of every command that runs WebAssembly code
 * ({@code invoke}, {@code transform}, {@code run}, {@code spec}); {@code auto} by default.
 */
final class EngineOption {
    /** The option's name. */
    static final String NAME = "--engine";
    /** How usage texts show it. */
    static final String SYNOPSIS = "[--engine interpreter|compiler|auto]";
    /** The engine when the option is not given. */
    static final Engine DEFAULT = Engine.AUTO;

    private EngineOption() {}

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException naming the value and the choices, for a usage error
     */
    static Engine parse(String value) {
        try {
            return Engine.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage());
        }
    }
}
