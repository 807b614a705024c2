package dev.sandpiper.cli;

import dev.sandpiper.decoder.Features;

/**
 * The {@code --features LIST} option of {@code validate} and {@code spec}: which WebAssembly
 * proposals a module may use ({@link Features#parse}: {@code all}, {@code 2.0}, proposal names,
 * {@code -name} to leave one out); every implemented feature by default.
 */
final class FeaturesOption {
    /** The option's name. */
    static final String NAME = "--features";
    /** How usage texts show it. */
    static final String SYNOPSIS = "[--features all|2.0|NAME,-NAME...]";

    private FeaturesOption() {}

    /**
     * Parses the option's value.
     *
     * @throws IllegalArgumentException naming the value and the known features, for a usage error
     */
    static Features parse(String value) {
        try {
            return Features.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NAME + ": " + e.getMessage());
        }
    }
}
