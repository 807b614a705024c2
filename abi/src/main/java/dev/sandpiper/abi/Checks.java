package dev.sandpiper.abi;

import java.util.List;

/**
 * Argument checks for the model's constructors. Each failure is an {@link IllegalArgumentException} whose message
 * starts with the field's wire path ({@code "transaction.event_index: ..."}), like {@link EventFormatException}.
 */
final class Checks {
    static final long U32_MAX = 0xFFFF_FFFFL;
    static final int U16_MAX = 0xFFFF;

    private Checks() {
    }

    /** Requires a non-null string made of well-formed UTF-16 (the wire form is UTF-8). */
    static String text(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must not be null");
        }
        int bad = JsonValues.unpairedSurrogate(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(field + ": " + JsonValues.surrogateProblem(value.charAt(bad)));
        }
        return value;
    }

    /** Requires 0 <= value <= 2^32-1. */
    static long u32(long value, String field) {
        if (value < 0 || value > U32_MAX) {
            throw new IllegalArgumentException(field + ": must be an unsigned 32-bit integer, got " + value);
        }
        return value;
    }

    /** Requires 0 <= value <= 65535. */
    static int u16(int value, String field) {
        if (value < 0 || value > U16_MAX) {
            throw new IllegalArgumentException(field + ": must be an unsigned 16-bit integer, got " + value);
        }
        return value;
    }

    /**
     * An immutable copy of a list of column names (no copy when the list is already an immutable JDK list), every
     * element a non-null well-formed string.
     */
    static List<String> names(List<String> names, String field) {
        int i = 0;
        for (Object name : names) {
            if (!(name instanceof String)) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a string, got "
                        + (name == null ? "null" : name.getClass().getName()));
            }
            String text = (String) name;
            int bad = JsonValues.unpairedSurrogate(text);
            if (bad >= 0) {
                throw new IllegalArgumentException(
                        field + "[" + i + "]: " + JsonValues.surrogateProblem(text.charAt(bad)));
            }
            i++;
        }
        return List.copyOf(names);
    }
}
