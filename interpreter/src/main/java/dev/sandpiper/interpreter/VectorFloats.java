package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.VectorCodes.*;
import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.interpreter.numeric.Numerics;

/**
 * Float lane arithmetic, comparisons and conversions on one 64-bit half of a v128 at a time (two
 * f32 lanes, or one f64 lane), with the engine's NaN policy (see {@link Numerics}): an arithmetic
 * operator that produces a NaN produces the canonical NaN; {@code abs} and {@code neg} are bit
 * operations and keep payloads; {@code pmin} and {@code pmax} select one of their operands, bits
 * and all, as the spec defines them ({@code pmin(a, b) = b < a ? b : a}). Comparisons give all-ones
 * or zero lanes.
 *
 * <p>Spec: 2.0, Execution > Numerics > Floating-Point Operations and Conversions, and Execution >
 * Instructions > Vector Instructions.
 */
final class VectorFloats {
    private static final long MASK32 = 0xFFFFFFFFL;

    private VectorFloats() {}

    private static long pack(int lane0, int lane1) {
        return (lane0 & MASK32) | ((long) lane1 << 32);
    }

    // ---- f32x4 ----

    /** Binary operator or comparison {@code sub} on the two f32 lanes of a half of each operand. */
    static long f32Binary(int sub, long a, long b) {
        return pack(f32Lane(sub, (int) a, (int) b), f32Lane(sub, (int) (a >>> 32), (int) (b >>> 32)));
    }

    private static int f32Lane(int sub, int i, int j) {
        float x = asF32(i);
        float y = asF32(j);
        return switch (sub) {
            case F32X4_ADD -> f32(x + y);
            case F32X4_SUB -> f32(x - y);
            case F32X4_MUL -> f32(x * y);
            case F32X4_DIV -> f32(x / y);
            case F32X4_MIN -> Numerics.f32Min(i, j);
            case F32X4_MAX -> Numerics.f32Max(i, j);
            case F32X4_PMIN -> y < x ? j : i;
            case F32X4_PMAX -> x < y ? j : i;
            case F32X4_EQ -> x == y ? -1 : 0;
            case F32X4_NE -> x != y ? -1 : 0;
            case F32X4_LT -> x < y ? -1 : 0;
            case F32X4_GT -> x > y ? -1 : 0;
            case F32X4_LE -> x <= y ? -1 : 0;
            case F32X4_GE -> x >= y ? -1 : 0;
            default -> throw new IllegalStateException("not an f32x4 binary operator: 0xFD " + sub);
        };
    }

    /** Unary operator or same-shape conversion {@code sub} on the two 32-bit lanes of a half. */
    static long f32Unary(int sub, long a) {
        return pack(f32UnaryLane(sub, (int) a), f32UnaryLane(sub, (int) (a >>> 32)));
    }

    private static int f32UnaryLane(int sub, int i) {
        return switch (sub) {
            case F32X4_ABS -> i & 0x7FFFFFFF;
            case F32X4_NEG -> i ^ 0x80000000;
            case F32X4_SQRT -> Numerics.f32Sqrt(i);
            case F32X4_CEIL -> Numerics.f32Ceil(i);
            case F32X4_FLOOR -> Numerics.f32Floor(i);
            case F32X4_TRUNC -> Numerics.f32Trunc(i);
            case F32X4_NEAREST -> Numerics.f32Nearest(i);
            case I32X4_TRUNC_SAT_F32X4_S -> Numerics.i32TruncSatS(asF32(i));
            case I32X4_TRUNC_SAT_F32X4_U -> Numerics.i32TruncSatU(asF32(i));
            // Java's int and long to float conversions round to nearest, ties to even.
            case F32X4_CONVERT_I32X4_S -> Float.floatToRawIntBits((float) i);
            case F32X4_CONVERT_I32X4_U -> Float.floatToRawIntBits((float) (i & MASK32));
            default -> throw new IllegalStateException("not an f32x4 unary operator: 0xFD " + sub);
        };
    }

    // ---- f64x2 ----

    /** Binary operator or comparison {@code sub} on the f64 lane in a half of each operand. */
    static long f64Binary(int sub, long i, long j) {
        double x = asF64(i);
        double y = asF64(j);
        return switch (sub) {
            case F64X2_ADD -> f64(x + y);
            case F64X2_SUB -> f64(x - y);
            case F64X2_MUL -> f64(x * y);
            case F64X2_DIV -> f64(x / y);
            case F64X2_MIN -> Numerics.f64Min(i, j);
            case F64X2_MAX -> Numerics.f64Max(i, j);
            case F64X2_PMIN -> y < x ? j : i;
            case F64X2_PMAX -> x < y ? j : i;
            case F64X2_EQ -> x == y ? -1 : 0;
            case F64X2_NE -> x != y ? -1 : 0;
            case F64X2_LT -> x < y ? -1 : 0;
            case F64X2_GT -> x > y ? -1 : 0;
            case F64X2_LE -> x <= y ? -1 : 0;
            case F64X2_GE -> x >= y ? -1 : 0;
            default -> throw new IllegalStateException("not an f64x2 binary operator: 0xFD " + sub);
        };
    }

    /** Unary operator {@code sub} on the f64 lane in a half. */
    static long f64Unary(int sub, long i) {
        return switch (sub) {
            case F64X2_ABS -> i & 0x7FFFFFFFFFFFFFFFL;
            case F64X2_NEG -> i ^ 0x8000000000000000L;
            case F64X2_SQRT -> Numerics.f64Sqrt(i);
            case F64X2_CEIL -> Numerics.f64Ceil(i);
            case F64X2_FLOOR -> Numerics.f64Floor(i);
            case F64X2_TRUNC -> Numerics.f64Trunc(i);
            case F64X2_NEAREST -> Numerics.f64Nearest(i);
            default -> throw new IllegalStateException("not an f64x2 unary operator: 0xFD " + sub);
        };
    }

    // ---- conversions between shapes: the result as two halves, low first ----

    /**
     * {@code f32x4.demote_f64x2_zero}, {@code i32x4.trunc_sat_f64x2_s/u_zero}: the two f64 lanes
     * {@code lo}, {@code hi} become 32-bit lanes 0 and 1; lanes 2 and 3 are zero. Returns the low
     * half (the high half is 0).
     */
    static long fromF64x2(int sub, long lo, long hi) {
        return pack(fromF64(sub, asF64(lo)), fromF64(sub, asF64(hi)));
    }

    private static int fromF64(int sub, double x) {
        return switch (sub) {
            case F32X4_DEMOTE_F64X2_ZERO -> f32((float) x);
            case I32X4_TRUNC_SAT_F64X2_S_ZERO -> Numerics.i32TruncSatS(x);
            case I32X4_TRUNC_SAT_F64X2_U_ZERO -> Numerics.i32TruncSatU(x);
            default -> throw new IllegalStateException("not a conversion from f64x2: 0xFD " + sub);
        };
    }

    /**
     * {@code f64x2.promote_low_f32x4}, {@code f64x2.convert_low_i32x4_s/u}: 32-bit lane {@code i}
     * (lane 0 or 1 of the operand) to an f64 lane.
     */
    static long toF64(int sub, int i) {
        return switch (sub) {
            case F64X2_PROMOTE_LOW_F32X4 -> f64(asF32(i));
            case F64X2_CONVERT_LOW_I32X4_S -> Double.doubleToRawLongBits(i);
            case F64X2_CONVERT_LOW_I32X4_U -> Double.doubleToRawLongBits(i & MASK32);
            default -> throw new IllegalStateException("not a conversion to f64x2: 0xFD " + sub);
        };
    }
}
