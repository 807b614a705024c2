package dev.sandpiper.decoder.model;

/**
 * Size limits of a table or memory: a minimum and an optional maximum, both u32 (kept in a long).
 *
 * <p>Spec: 2.0, Structure > Types > Limits, {@code syntax/types.html#limits}.
 */
public record Limits(long min, long max) {
    /** Marker for "no maximum". */
    public static final long NO_MAX = -1;

    public boolean hasMax() {
        return max != NO_MAX;
    }

    /**
     * Import subtyping of limits (spec 2.0, Execution > Modules > Import Matching > Limits):
     * this (the actual) matches {@code required} if its minimum is at least as large and, when a
     * maximum is required, it has one no larger.
     */
    public boolean matches(Limits required) {
        if (min < required.min) {
            return false;
        }
        if (!required.hasMax()) {
            return true;
        }
        return hasMax() && max <= required.max;
    }

    @Override
    public String toString() {
        return hasMax() ? min + ".." + max : min + "..";
    }
}
