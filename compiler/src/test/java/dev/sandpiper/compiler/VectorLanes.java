package dev.sandpiper.compiler;

import java.util.Random;

/**
 * Random operand bits for vector tests, weighted towards the values lane arithmetic gets wrong:
 * NaNs with payloads and either sign (f32 and f64 lanes), infinities, signed zeros, float values at
 * the edges of integer conversion and halfway between integers, and integer lanes at the edges of
 * their signed and unsigned ranges.
 */
final class VectorLanes {
    private static final int[] F32 = {
        0x7FC00000, 0xFFC00000, 0x7F800001, 0x7FA5A5A5, 0xFF800123, 0x7F800000, 0xFF800000, 0x00000000,
        0x80000000, 0x3F800000, 0xBF800000, 0x3FC00000, 0x40200000, 0xC0200000, 0x4F000000, 0xCF000000,
        0x4F800000, 0x00000001, 0x7F7FFFFF, 0x3F000000,
    };
    private static final long[] F64 = {
        0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF0000000000001L, 0x7FF4DEADBEEF0001L, 0xFFF0000000012345L,
        0x7FF0000000000000L, 0xFFF0000000000000L, 0L, 0x8000000000000000L, 0x3FF0000000000000L,
        0xBFF8000000000000L, 0x4004000000000000L, 0x41E0000000000000L, 0xC1E0000000000000L, 0x41F0000000000000L,
        0x43E0000000000000L, 0x0000000000000001L, 0x3FE0000000000000L,
    };
    private static final int[] BYTES = {0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, 0xFE, 0x40};
    private static final int[] SHORTS = {0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0x4000, 0xC000};

    private VectorLanes() {}

    /** One 64-bit half of a v128. */
    static long half(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> r.nextLong();
            case 1 -> (f32(r) & 0xFFFFFFFFL) | ((long) f32(r) << 32);
            case 2 -> f64(r);
            case 3 -> {
                long v = 0;
                for (int i = 0; i < 8; i++) {
                    v |= (long) BYTES[r.nextInt(BYTES.length)] << (i * 8);
                }
                yield v;
            }
            case 4 -> {
                long v = 0;
                for (int i = 0; i < 4; i++) {
                    v |= (long) SHORTS[r.nextInt(SHORTS.length)] << (i * 16);
                }
                yield v;
            }
            case 5 -> (r.nextInt(5) - 2) & 0xFFFFFFFFL | (long) (r.nextInt(5) - 2) << 32;
            default -> r.nextBoolean() ? 0 : -1;
        };
    }

    /** The bits of an f32, special more often than not. */
    static int f32(Random r) {
        return r.nextInt(4) == 0 ? r.nextInt() : F32[r.nextInt(F32.length)] ^ (r.nextInt(8) == 0 ? 1 << r.nextInt(22) : 0);
    }

    /** The bits of an f64, special more often than not. */
    static long f64(Random r) {
        return r.nextInt(4) == 0 ? r.nextLong() : F64[r.nextInt(F64.length)] ^ (r.nextInt(8) == 0 ? 1L << r.nextInt(51) : 0);
    }

    /** An i32: small (lane indices, shift counts past the lane width), at the edges, or any. */
    static int i32(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(140) - 4;
            case 1 -> BYTES[r.nextInt(BYTES.length)] | (r.nextBoolean() ? 0xFFFFFF00 : 0);
            case 2 -> r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            default -> r.nextInt();
        };
    }
}
