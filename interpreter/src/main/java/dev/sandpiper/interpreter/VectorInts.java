package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.VectorCodes.*;

/**
 * Integer lane arithmetic on one 64-bit half of a v128 at a time (lane 0 in the lowest bits, as
 * lanes are laid out in memory). Most operators work lane by lane, so they apply to each half
 * separately; the ones that move lanes between halves (narrow, extend, extmul, bitmask) take the
 * parts they need. Each operator is chosen once per half, never per lane. Where a bit trick on the
 * whole half is short and clearly right (add, sub, neg, abs, eq/ne, avgr, popcnt, shifts) it is
 * used, each commented; otherwise a loop over the lanes extracts each sign-extended to a
 * {@code long}, computes exactly and masks the result back to the lane's width, so wrapping
 * arithmetic wraps and saturating arithmetic clamps to the lane's range.
 *
 * <p>Spec: 2.0, Execution > Numerics > Integer Operations ({@code iadd}, {@code iadd_sat_s/u},
 * {@code imin}, {@code iavgr_u}, {@code iq15mulr_sat_s}, {@code ishl}, ...) and Execution >
 * Instructions > Vector Instructions ({@code narrow}, {@code extend}, {@code extmul},
 * {@code extadd_pairwise}, {@code dot}, {@code bitmask}, {@code all_true}).
 */
final class VectorInts {
    private VectorInts() {}

    /** Lane of {@code bits} bits starting at bit {@code shift} of {@code half}, sign-extended. */
    static long lane(long half, int shift, int bits) {
        return (half << (64 - shift - bits)) >> (64 - bits);
    }

    /** {@code half} with its {@code bits}-bit lane at bit {@code shift} replaced by the low bits of {@code x}. */
    static long replace(long half, int shift, int bits, long x) {
        long m = mask(bits) << shift;
        return (half & ~m) | ((x << shift) & m);
    }

    /** A half whose every {@code bits}-bit lane is the low bits of {@code x} ({@code splat}). */
    static long splat(long x, int bits) {
        return (x & mask(bits)) * lowBits(bits);
    }

    /**
     * Lane {@code lane} of {@code bits} bits of the v128 {@code lo}, {@code hi}: sign-extended, or
     * zero-extended when {@code unsigned} ({@code extract_lane}).
     */
    static long extract(long lo, long hi, int lane, int bits, boolean unsigned) {
        int bit = lane * bits;
        long v = lane(bit < 64 ? lo : hi, bit & 63, bits);
        return unsigned ? v & mask(bits) : v;
    }

    /** All-ones in each of a lane's {@code bits} bits (every bit for 64). */
    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** The top bit of every lane of a half. */
    private static long highBits(int bits) {
        return switch (bits) {
            case 8 -> 0x8080808080808080L;
            case 16 -> 0x8000800080008000L;
            case 32 -> 0x8000000080000000L;
            default -> 0x8000000000000000L;
        };
    }

    /** The bottom bit of every lane of a half (times a lane value, that value in every lane). */
    private static long lowBits(int bits) {
        return switch (bits) {
            case 8 -> 0x0101010101010101L;
            case 16 -> 0x0001000100010001L;
            case 32 -> 0x0000000100000001L;
            default -> 1L;
        };
    }

    /** Lanes whose top bit is set in {@code tops} (and no other bits) become all ones. */
    private static long spread(long tops, int bits) {
        return tops | (tops - (tops >>> (bits - 1)));
    }

    /** Per lane, {@code a} where {@code m} is all ones, else {@code b}. */
    private static long select(long m, long a, long b) {
        return (a & m) | (b & ~m);
    }

    /** {@code v} clamped to the signed range of {@code bits}-bit integers. */
    private static long saturate(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        return Math.max(Math.min(v, max), -max - 1);
    }

    // ---- lane-wise binary operators and comparisons ----

    /**
     * Binary operator or comparison {@code sub} on the lanes of one half of each operand. The
     * operator is chosen once; the lane loops below are each one operator's.
     */
    static long binary(int sub, int bits, long a, long b) {
        return switch (sub) {
            case I8X16_ADD, I16X8_ADD, I32X4_ADD, I64X2_ADD -> add(a, b, bits);
            case I8X16_SUB, I16X8_SUB, I32X4_SUB, I64X2_SUB -> sub(a, b, bits);
            case I16X8_MUL, I32X4_MUL -> mul(a, b, bits);
            case I64X2_MUL -> a * b;
            case I8X16_ADD_SAT_S, I16X8_ADD_SAT_S, I8X16_SUB_SAT_S, I16X8_SUB_SAT_S -> saturatingS(sub, a, b, bits);
            case I8X16_ADD_SAT_U, I16X8_ADD_SAT_U, I8X16_SUB_SAT_U, I16X8_SUB_SAT_U -> saturatingU(sub, a, b, bits);
            case I8X16_MIN_S, I16X8_MIN_S, I32X4_MIN_S -> select(lessS(a, b, bits), a, b);
            case I8X16_MAX_S, I16X8_MAX_S, I32X4_MAX_S -> select(lessS(b, a, bits), a, b);
            case I8X16_MIN_U, I16X8_MIN_U, I32X4_MIN_U -> select(lessU(a, b, bits), a, b);
            case I8X16_MAX_U, I16X8_MAX_U, I32X4_MAX_U -> select(lessU(b, a, bits), a, b);
            // ceil((a + b) / 2) = (a | b) - floor((a ^ b) / 2), lane by lane, without carries between lanes.
            case I8X16_AVGR_U, I16X8_AVGR_U -> (a | b) - ((a ^ b) >>> 1 & ~highBits(bits));
            case I16X8_Q15MULR_SAT_S -> q15mulr(a, b);
            case I8X16_EQ, I16X8_EQ, I32X4_EQ, I64X2_EQ -> ~notEqual(a, b, bits);
            case I8X16_NE, I16X8_NE, I32X4_NE, I64X2_NE -> notEqual(a, b, bits);
            case I8X16_LT_S, I16X8_LT_S, I32X4_LT_S, I64X2_LT_S -> lessS(a, b, bits);
            case I8X16_GT_S, I16X8_GT_S, I32X4_GT_S, I64X2_GT_S -> lessS(b, a, bits);
            case I8X16_LE_S, I16X8_LE_S, I32X4_LE_S, I64X2_LE_S -> ~lessS(b, a, bits);
            case I8X16_GE_S, I16X8_GE_S, I32X4_GE_S, I64X2_GE_S -> ~lessS(a, b, bits);
            case I8X16_LT_U, I16X8_LT_U, I32X4_LT_U -> lessU(a, b, bits);
            case I8X16_GT_U, I16X8_GT_U, I32X4_GT_U -> lessU(b, a, bits);
            case I8X16_LE_U, I16X8_LE_U, I32X4_LE_U -> ~lessU(b, a, bits);
            case I8X16_GE_U, I16X8_GE_U, I32X4_GE_U -> ~lessU(a, b, bits);
            default -> throw new IllegalStateException("not a lane-wise integer operator: 0xFD " + sub);
        };
    }

    /** Lane-wise wrapping add: add the low bits of each lane, then set each lane's top bit. */
    private static long add(long a, long b, int bits) {
        long h = highBits(bits);
        return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
    }

    /** Lane-wise wrapping subtract: each lane's top bit set first absorbs its borrow. */
    private static long sub(long a, long b, int bits) {
        long h = highBits(bits);
        return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
    }

    /** All-ones lanes where {@code a} and {@code b} differ. */
    private static long notEqual(long a, long b, int bits) {
        long h = highBits(bits);
        long x = a ^ b;
        // A lane's top bit ends up set iff any of its bits is: the low bits plus all-ones low bits carry.
        return spread((((x & ~h) + ~h) | x) & h, bits);
    }

    /** All-ones lanes where {@code a < b}, signed. */
    private static long lessS(long a, long b, int bits) {
        long mask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += bits) {
            if (lane(a, s, bits) < lane(b, s, bits)) {
                r |= mask << s;
            }
        }
        return r;
    }

    /** All-ones lanes where {@code a < b}, unsigned. */
    private static long lessU(long a, long b, int bits) {
        long mask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += bits) {
            if (Long.compareUnsigned((a >>> s) & mask, (b >>> s) & mask) < 0) {
                r |= mask << s;
            }
        }
        return r;
    }

    private static long mul(long a, long b, int bits) {
        long mask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += bits) {
            r |= (((a >>> s) * (b >>> s)) & mask) << s; // the low bits of a product depend only on the low bits
        }
        return r;
    }

    /** {@code add_sat_s}, {@code sub_sat_s}: exact sums of sign-extended lanes, clamped. */
    private static long saturatingS(int sub, long a, long b, int bits) {
        boolean add = sub == I8X16_ADD_SAT_S || sub == I16X8_ADD_SAT_S;
        long mask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += bits) {
            long x = lane(a, s, bits);
            long y = lane(b, s, bits);
            r |= (saturate(add ? x + y : x - y, bits) & mask) << s;
        }
        return r;
    }

    /** {@code add_sat_u}, {@code sub_sat_u}: exact sums of zero-extended lanes, clamped to 0..max. */
    private static long saturatingU(int sub, long a, long b, int bits) {
        boolean add = sub == I8X16_ADD_SAT_U || sub == I16X8_ADD_SAT_U;
        long mask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += bits) {
            long x = (a >>> s) & mask;
            long y = (b >>> s) & mask;
            r |= (add ? Math.min(x + y, mask) : Math.max(x - y, 0)) << s;
        }
        return r;
    }

    /** {@code i16x8.q15mulr_sat_s}: (x * y + 2^14) >> 15, saturated. */
    private static long q15mulr(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 16) {
            r |= (saturate((lane(a, s, 16) * lane(b, s, 16) + 0x4000) >> 15, 16) & 0xFFFF) << s;
        }
        return r;
    }

    // ---- lane-wise unary operators and shifts ----

    /** {@code abs}, {@code neg} or {@code popcnt} on the lanes of one half. */
    static long unary(int sub, int bits, long a) {
        return switch (sub) {
            case I8X16_NEG, I16X8_NEG, I32X4_NEG, I64X2_NEG -> sub(0, a, bits);
            // Negative lanes negated; the minimum stays put, as in the spec (wrapping).
            case I8X16_ABS, I16X8_ABS, I32X4_ABS, I64X2_ABS -> select(spread(a & highBits(bits), bits), sub(0, a, bits), a);
            case I8X16_POPCNT -> {
                // Bit counts of pairs, then nibbles, then bytes: no sum leaves its byte.
                long x = a - ((a >>> 1) & 0x5555555555555555L);
                x = (x & 0x3333333333333333L) + ((x >>> 2) & 0x3333333333333333L);
                yield (x + (x >>> 4)) & 0x0F0F0F0F0F0F0F0FL;
            }
            default -> throw new IllegalStateException("not a lane-wise unary operator: 0xFD " + sub);
        };
    }

    /** {@code shl}, {@code shr_s} or {@code shr_u} by {@code count} modulo the lane width. */
    static long shift(int sub, int bits, long a, int count) {
        int n = count & (bits - 1);
        long mask = mask(bits);
        return switch (sub) {
            // Shift the whole half, then clear the bits that crossed into the next lane.
            case I8X16_SHL, I16X8_SHL, I32X4_SHL, I64X2_SHL -> (a << n) & (((mask << n) & mask) * lowBits(bits));
            case I8X16_SHR_U, I16X8_SHR_U, I32X4_SHR_U, I64X2_SHR_U -> (a >>> n) & ((mask >>> n) * lowBits(bits));
            case I8X16_SHR_S, I16X8_SHR_S, I32X4_SHR_S, I64X2_SHR_S -> {
                long kept = (mask >>> n) * lowBits(bits);
                // The logical shift, then the top n bits of each negative lane set.
                yield ((a >>> n) & kept) | (spread(a & highBits(bits), bits) & ~kept);
            }
            default -> throw new IllegalStateException("not a shift: 0xFD " + sub);
        };
    }

    /** {@code extadd_pairwise}: adjacent pairs of {@code bits}-bit lanes summed into lanes twice as wide. */
    static long extaddPairwise(long a, int bits, boolean signed) {
        int wide = bits * 2;
        long narrowMask = mask(bits);
        long r = 0;
        for (int s = 0; s < 64; s += wide) {
            long x = lane(a, s, bits);
            long y = lane(a, s + bits, bits);
            if (!signed) {
                x &= narrowMask;
                y &= narrowMask;
            }
            r |= ((x + y) & mask(wide)) << s;
        }
        return r;
    }

    /** {@code i32x4.dot_i16x8_s} on one half: two i32 lanes, each the sum of two i16 products. */
    static long dot(long a, long b) {
        long r = 0;
        for (int s = 0; s < 64; s += 32) {
            long sum = lane(a, s, 16) * lane(b, s, 16) + lane(a, s + 16, 16) * lane(b, s + 16, 16);
            r |= (sum & 0xFFFFFFFFL) << s;
        }
        return r;
    }

    // ---- operators that change the lane width ----

    /**
     * The {@code bits}-bit lanes of a 32-bit {@code part} extended (sign or zero) to lanes twice as
     * wide: one half of the result of {@code extend_low/high} and of the extending loads.
     */
    static long extend(int part, int bits, boolean signed) {
        int wide = bits * 2;
        long wideMask = mask(wide);
        long r = 0;
        for (int i = 0; i * bits < 32; i++) {
            long x = lane(part, i * bits, bits);
            if (!signed) {
                x &= mask(bits);
            }
            r |= (x & wideMask) << (i * wide);
        }
        return r;
    }

    /** {@code extmul}: lane-wise products of two 32-bit parts' {@code bits}-bit lanes, in lanes twice as wide. */
    static long extmul(int a, int b, int bits, boolean signed) {
        int wide = bits * 2;
        long narrowMask = mask(bits);
        long r = 0;
        for (int i = 0; i * bits < 32; i++) {
            long x = lane(a, i * bits, bits);
            long y = lane(b, i * bits, bits);
            if (!signed) {
                x &= narrowMask;
                y &= narrowMask;
            }
            r |= (x * y & mask(wide)) << (i * wide);
        }
        return r;
    }

    /**
     * {@code narrow}: the signed {@code bits}-bit lanes of {@code lo}, then of {@code hi}, saturated
     * to lanes half as wide (signed, or unsigned from signed input), making one half of the result.
     */
    static long narrow(long lo, long hi, int bits, boolean signed) {
        int half = bits / 2;
        long max = signed ? (1L << (half - 1)) - 1 : (1L << half) - 1;
        long min = signed ? -max - 1 : 0;
        long narrowMask = mask(half);
        long r = 0;
        int out = 0;
        for (int s = 0; s < 64; s += bits, out += half) {
            r |= (Math.max(Math.min(lane(lo, s, bits), max), min) & narrowMask) << out;
        }
        for (int s = 0; s < 64; s += bits, out += half) {
            r |= (Math.max(Math.min(lane(hi, s, bits), max), min) & narrowMask) << out;
        }
        return r;
    }

    // ---- reductions to an i32 ----

    /** {@code bitmask}: the top bit of each lane, lane 0 in bit 0. */
    static int bitmask(long lo, long hi, int bits) {
        int r = 0;
        int i = 0;
        for (int s = 0; s < 64; s += bits, i++) {
            r |= (int) ((lo >>> (s + bits - 1)) & 1) << i;
        }
        for (int s = 0; s < 64; s += bits, i++) {
            r |= (int) ((hi >>> (s + bits - 1)) & 1) << i;
        }
        return r;
    }

    /** {@code all_true}: 1 if no lane is zero. */
    static int allTrue(long lo, long hi, int bits) {
        long mask = mask(bits);
        for (int s = 0; s < 64; s += bits) {
            if (((lo >>> s) & mask) == 0 || ((hi >>> s) & mask) == 0) {
                return 0;
            }
        }
        return 1;
    }
}
