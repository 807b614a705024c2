package dev.sandpiper.text.num;

/**
 * Integer literals (spec 6.3.1): {@code uN}, {@code sN} and {@code iN}, decimal or hex, with
 * {@code _} separators. An {@code iN} literal may be written signed or unsigned, so its range is
 * {@code -2^(N-1)} to {@code 2^N - 1}; the result is the N-bit two's complement pattern.
 */
public final class IntLiterals {
    public static final String OUT_OF_RANGE = "constant out of range";

    private IntLiterals() {}

    /** An {@code i32} literal's bits. */
    public static int i32(String text) {
        return (int) signed(text, 32, OUT_OF_RANGE);
    }

    /** An {@code i64} literal's bits. */
    public static long i64(String text) {
        return signed(text, 64, OUT_OF_RANGE);
    }

    /** An {@code iN} literal for N = 8, 16, 32 or 64, as its N-bit pattern (zero-extended). */
    public static long iN(String text, int bits) {
        long v = signed(text, bits, OUT_OF_RANGE);
        return bits == 64 ? v : v & ((1L << bits) - 1);
    }

    /**
     * A {@code u32} (indices, limits, {@code offset=}, {@code align=}): no sign allowed; out of range
     * reads {@code i32 constant out of range} as the suite words it.
     */
    public static long u32(String text) {
        if (!NumberSyntax.isNat(text)) {
            throw new LiteralException("unexpected token");
        }
        long mag = magnitude(text, "i32 constant out of range");
        if (Long.compareUnsigned(mag, 0xFFFF_FFFFL) > 0) {
            throw new LiteralException("i32 constant out of range");
        }
        return mag;
    }

    /**
     * A {@code u64} (3.0: limits and {@code offset=}, which validation then bounds by the address
     * type): no sign allowed, up to 2^64 - 1.
     */
    public static long u64(String text) {
        if (!NumberSyntax.isNat(text)) {
            throw new LiteralException("unexpected token");
        }
        return magnitude(text, "i64 constant out of range");
    }

    private static long signed(String text, int bits, String outOfRange) {
        if (!NumberSyntax.isInteger(text)) {
            throw new LiteralException("unexpected token");
        }
        boolean negative = text.charAt(0) == '-';
        long mag = magnitude(text, outOfRange);
        if (negative) {
            // magnitude at most 2^(N-1)
            if (bits == 64 ? Long.compareUnsigned(mag, Long.MIN_VALUE) > 0 : mag > (1L << (bits - 1))) {
                throw new LiteralException(outOfRange);
            }
            return -mag;
        }
        if (bits < 64 && Long.compareUnsigned(mag, (1L << bits) - 1) > 0) {
            throw new LiteralException(outOfRange);
        }
        return mag;
    }

    /** The unsigned magnitude of a well-formed integer literal, failing beyond 2^64 - 1. */
    static long magnitude(String text, String outOfRange) {
        int i = NumberSyntax.signLength(text);
        boolean hex = text.startsWith("0x", i);
        if (hex) {
            i += 2;
        }
        long v = 0;
        long limit = hex ? 0x0FFF_FFFF_FFFF_FFFFL : Long.divideUnsigned(-1L, 10);
        int base = hex ? 16 : 10;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, 16);
            if (Long.compareUnsigned(v, limit) > 0) {
                throw new LiteralException(outOfRange);
            }
            long next = v * base + d;
            if (Long.compareUnsigned(next, v * base) < 0) {
                throw new LiteralException(outOfRange);
            }
            v = next;
        }
        return v;
    }
}
