package dev.sandpiper.decoder.model;

/**
 * Size limits of a table or memory: a minimum and an optional maximum, and the address type of the
 * memory or table they belong to. The bounds are u32 for address type {@code i32}, u64 for
 * {@code i64} (3.0's memory64), kept as the bits of a long and compared unsigned.
 *
 * <p>Spec: 2.0, Structure > Types > Limits, {@code syntax/types.html#limits}; 3.0, Types > Address
 * Types and Limits.
 *
 * @param hasMax whether there is a maximum ({@code max} is then its bits, possibly 2^64-1)
 * @param address64 whether the address type is {@code i64}
 */
public record Limits(long min, long max, boolean hasMax, boolean address64) {
    /** Marker for "no maximum" in the two-argument form. */
    public static final long NO_MAX = -1;

    /** Limits of address type {@code i32}: {@code max} is {@link #NO_MAX} for none. */
    public Limits(long min, long max) {
        this(min, max, max != NO_MAX, false);
    }

    /** These limits with a new minimum, the maximum and address type kept. */
    public Limits withMin(long newMin) {
        return new Limits(newMin, max, hasMax, address64);
    }

    /**
     * Import subtyping of limits (spec 2.0, Execution > Modules > Import Matching > Limits):
     * this (the actual) matches {@code required} if its minimum is at least as large and, when a
     * maximum is required, it has one no larger; and (3.0, Validation > Matching > Memory Types and
     * Table Types) the address types are equal.
     */
    public boolean matches(Limits required) {
        if (address64 != required.address64) {
            return false;
        }
        if (Long.compareUnsigned(min, required.min) < 0) {
            return false;
        }
        if (!required.hasMax()) {
            return true;
        }
        return hasMax() && Long.compareUnsigned(max, required.max) <= 0;
    }

    @Override
    public String toString() {
        String bounds = hasMax ? Long.toUnsignedString(min) + ".." + Long.toUnsignedString(max)
                : Long.toUnsignedString(min) + "..";
        return address64 ? "i64 " + bounds : bounds;
    }
}
