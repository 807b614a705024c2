package dev.sandpiper.interpreter.numeric;

import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;

/**
 * The numeric operators whose semantics need more than one Java operator: trapping integer
 * division and float-to-integer truncation, saturating truncation, unsigned conversions, and float
 * operators with the spec's NaN rules. Floats travel as raw bits ({@code int} for f32, {@code long}
 * for f64).
 *
 * <p><b>NaN policy.</b> Every float operator that produces a NaN here produces the canonical NaN
 * (positive, only the top fraction bit set). The spec allows a canonical NaN wherever it allows an
 * arithmetic NaN (spec 2.0, Execution > Numerics > Floating-Point Operations, NaN propagation), so
 * this is always conformant, and it makes results bit-identical whatever the JIT does. The
 * operators that are bit manipulations ({@code neg}, {@code abs}, {@code copysign}, loads, stores,
 * {@code reinterpret}) keep payloads and live with the interpreter, not here.
 *
 * <p>Spec: 2.0, Execution > Numerics, {@code exec/numerics.html}.
 */
public final class Numerics {
    /** Canonical f32 NaN bits. */
    public static final int F32_NAN = 0x7FC00000;
    /** Canonical f64 NaN bits. */
    public static final long F64_NAN = 0x7FF8000000000000L;

    private static final double TWO_63 = 9223372036854775808.0;
    private static final double TWO_64 = 18446744073709551616.0;

    private Numerics() {}

    // ---- results with the NaN policy ----

    /** Bits of {@code v}, or the canonical NaN when {@code v} is NaN. */
    public static int f32(float v) {
        return v != v ? F32_NAN : Float.floatToRawIntBits(v);
    }

    /** Bits of {@code v}, or the canonical NaN when {@code v} is NaN. */
    public static long f64(double v) {
        return v != v ? F64_NAN : Double.doubleToRawLongBits(v);
    }

    public static float asF32(int bits) {
        return Float.intBitsToFloat(bits);
    }

    public static double asF64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    // ---- integer division (spec: idiv_s, idiv_u, irem_s, irem_u) ----

    public static int i32DivS(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static int i32DivU(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    public static int i32RemS(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b; // Java gives 0 for MIN_VALUE % -1, as the spec does
    }

    public static int i32RemU(int a, int b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    public static long i64DivS(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return a / b;
    }

    public static long i64DivU(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    public static long i64RemS(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return a % b;
    }

    public static long i64RemU(long a, long b) {
        if (b == 0) {
            throw new TrapException(TrapKind.INTEGER_DIVIDE_BY_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // ---- float operators (spec: fmin, fmax, fnearest, fceil, ffloor, ftrunc, fsqrt) ----

    /** f32.min: NaN if either is NaN; -0 below +0. */
    public static int f32Min(int a, int b) {
        return f32(Math.min(asF32(a), asF32(b)));
    }

    public static int f32Max(int a, int b) {
        return f32(Math.max(asF32(a), asF32(b)));
    }

    public static long f64Min(long a, long b) {
        return f64(Math.min(asF64(a), asF64(b)));
    }

    public static long f64Max(long a, long b) {
        return f64(Math.max(asF64(a), asF64(b)));
    }

    public static int f32Ceil(int a) {
        return f32((float) Math.ceil(asF32(a)));
    }

    public static int f32Floor(int a) {
        return f32((float) Math.floor(asF32(a)));
    }

    /** Rounds toward zero; keeps the sign of zero ({@code trunc(-0.5) = -0}). */
    public static int f32Trunc(int a) {
        float x = asF32(a);
        return f32((float) (x < 0 ? Math.ceil(x) : Math.floor(x)));
    }

    /** Rounds to nearest, ties to even. */
    public static int f32Nearest(int a) {
        return f32((float) Math.rint(asF32(a)));
    }

    /** Correctly rounded: the double square root rounds once more to float without error. */
    public static int f32Sqrt(int a) {
        return f32((float) Math.sqrt(asF32(a)));
    }

    public static long f64Ceil(long a) {
        return f64(Math.ceil(asF64(a)));
    }

    public static long f64Floor(long a) {
        return f64(Math.floor(asF64(a)));
    }

    public static long f64Trunc(long a) {
        double x = asF64(a);
        return f64(x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    public static long f64Nearest(long a) {
        return f64(Math.rint(asF64(a)));
    }

    public static long f64Sqrt(long a) {
        return f64(Math.sqrt(asF64(a)));
    }

    // ---- float to integer, trapping (spec: trunc) ----

    public static int i32TruncS(double x) {
        if (x != x) {
            throw new TrapException(TrapKind.INVALID_CONVERSION);
        }
        if (!(x > -2147483649.0 && x < 2147483648.0)) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return (int) x;
    }

    public static int i32TruncU(double x) {
        if (x != x) {
            throw new TrapException(TrapKind.INVALID_CONVERSION);
        }
        if (!(x > -1.0 && x < 4294967296.0)) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return (int) (long) x;
    }

    public static long i64TruncS(double x) {
        if (x != x) {
            throw new TrapException(TrapKind.INVALID_CONVERSION);
        }
        if (!(x >= -TWO_63 && x < TWO_63)) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return (long) x;
    }

    public static long i64TruncU(double x) {
        if (x != x) {
            throw new TrapException(TrapKind.INVALID_CONVERSION);
        }
        if (!(x > -1.0 && x < TWO_64)) {
            throw new TrapException(TrapKind.INTEGER_OVERFLOW);
        }
        return x < TWO_63 ? (long) x : (long) (x - TWO_63) + Long.MIN_VALUE;
    }

    // ---- float to integer, saturating (spec: trunc_sat) ----

    /** NaN gives 0, out-of-range values clamp: exactly Java's narrowing conversion. */
    public static int i32TruncSatS(double x) {
        return (int) x;
    }

    public static int i32TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0; // NaN too
        }
        if (x >= 4294967296.0) {
            return -1;
        }
        return (int) (long) x;
    }

    public static long i64TruncSatS(double x) {
        return (long) x;
    }

    public static long i64TruncSatU(double x) {
        if (!(x > -1.0)) {
            return 0;
        }
        if (x >= TWO_64) {
            return -1L;
        }
        return x < TWO_63 ? (long) x : (long) (x - TWO_63) + Long.MIN_VALUE;
    }

    // ---- integer to float (spec: convert), correctly rounded ----

    public static int f32ConvertI64U(long v) {
        if (v >= 0) {
            return Float.floatToRawIntBits((float) v);
        }
        // Halve, keeping the lost bit as a sticky bit, so the one rounding is the right one.
        float half = (float) ((v >>> 1) | (v & 1));
        return Float.floatToRawIntBits(half * 2f);
    }

    public static long f64ConvertI64U(long v) {
        if (v >= 0) {
            return Double.doubleToRawLongBits((double) v);
        }
        double half = (double) ((v >>> 1) | (v & 1));
        return Double.doubleToRawLongBits(half * 2.0);
    }
}
