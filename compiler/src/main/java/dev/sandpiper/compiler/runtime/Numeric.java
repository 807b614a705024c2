package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.numeric.Numerics;

/**
 * The WebAssembly numeric instructions as static methods, one per instruction, for compiled code
 * to call with {@code invokestatic}. HotSpot inlines them at the call site, so a call costs what
 * the Java operator inside costs.
 *
 * <p><b>Naming rule.</b> For every {@link dev.sandpiper.decoder.code.Opcode} whose
 * {@code family()} is {@code NUMERIC}, whose {@code prefix()} is not {@code 0xFD} (no vector
 * instructions) and which {@code hasFixedSignature()}, there is a method named exactly as the enum
 * constant (e.g. {@code F32_ADD}, {@code I32_TRUNC_SAT_F64_U}). Its parameters are the opcode's
 * {@code pops()} in order (the deepest operand first) and its return type is {@code push(0)}, with
 * i32 and f32 mapped to {@code int} and i64 and f64 to {@code long}; a code generator derives the
 * descriptor from the opcode alone, e.g. {@code F64_PROMOTE_F32} is {@code (I)J}. The four
 * {@code *.const} instructions match the rule but carry an immediate and have no operand to
 * compute from, so they have no method: compiled code pushes the constant itself.
 *
 * <p><b>Raw bits.</b> Values are the raw bits the interpreter keeps: an f32 is its IEEE 754 bit
 * pattern in an {@code int}, an f64 in a {@code long}. Comparisons and tests return {@code int} 1
 * or 0.
 *
 * <p><b>Same semantics as the interpreter, bit for bit.</b> Every method does what the
 * interpreter does for the instruction, mostly by calling the same {@link Numerics} helper: traps
 * throw {@link dev.sandpiper.interpreter.TrapException} with the same
 * {@link dev.sandpiper.interpreter.TrapKind} (integer division by zero and overflow, invalid
 * conversion); every float operator that produces a NaN produces the canonical NaN (see
 * {@link Numerics}), while {@code neg}, {@code abs}, {@code copysign} and the
 * {@code reinterpret}s are pure bit operations that keep NaN payloads.
 *
 * <p>Methods stay tiny (well under HotSpot's 35-byte always-inline limit) and loop-free.
 *
 * <p>Spec: 2.0, Execution > Numerics, {@code exec/numerics.html}; and Execution > Instructions >
 * Numeric Instructions, {@code exec/instructions.html}.
 */
public final class Numeric {
    private static final int F32_SIGN = 0x80000000;
    private static final int F32_MAGNITUDE = 0x7FFFFFFF;
    private static final long F64_SIGN = 0x8000000000000000L;
    private static final long F64_MAGNITUDE = 0x7FFFFFFFFFFFFFFFL;
    private static final long U32_MASK = 0xFFFFFFFFL;

    private Numeric() {}

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    // I32_CONST, I64_CONST, F32_CONST, F64_CONST: skipped, they carry an immediate
    // (ImmediateKind I32, I64, F32, F64) and pop nothing; compiled code pushes the constant.

    // ------------------------------------------------------------------ i32 tests and comparisons
    // Unsigned: both sign bits flipped, then a signed compare (Comparisons.flippedUnsigned says why).

    public static int I32_EQZ(int a) {
        return a == 0 ? 1 : 0;
    }

    public static int I32_EQ(int a, int b) {
        return a == b ? 1 : 0;
    }

    public static int I32_NE(int a, int b) {
        return a != b ? 1 : 0;
    }

    public static int I32_LT_S(int a, int b) {
        return a < b ? 1 : 0;
    }

    public static int I32_LT_U(int a, int b) {
        return a + Integer.MIN_VALUE < b + Integer.MIN_VALUE ? 1 : 0;
    }

    public static int I32_GT_S(int a, int b) {
        return a > b ? 1 : 0;
    }

    public static int I32_GT_U(int a, int b) {
        return a + Integer.MIN_VALUE > b + Integer.MIN_VALUE ? 1 : 0;
    }

    public static int I32_LE_S(int a, int b) {
        return a <= b ? 1 : 0;
    }

    public static int I32_LE_U(int a, int b) {
        return a + Integer.MIN_VALUE <= b + Integer.MIN_VALUE ? 1 : 0;
    }

    public static int I32_GE_S(int a, int b) {
        return a >= b ? 1 : 0;
    }

    public static int I32_GE_U(int a, int b) {
        return a + Integer.MIN_VALUE >= b + Integer.MIN_VALUE ? 1 : 0;
    }

    // ------------------------------------------------------------------ i64 tests and comparisons

    public static int I64_EQZ(long a) {
        return a == 0 ? 1 : 0;
    }

    public static int I64_EQ(long a, long b) {
        return a == b ? 1 : 0;
    }

    public static int I64_NE(long a, long b) {
        return a != b ? 1 : 0;
    }

    public static int I64_LT_S(long a, long b) {
        return a < b ? 1 : 0;
    }

    public static int I64_LT_U(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE ? 1 : 0;
    }

    public static int I64_GT_S(long a, long b) {
        return a > b ? 1 : 0;
    }

    public static int I64_GT_U(long a, long b) {
        return a + Long.MIN_VALUE > b + Long.MIN_VALUE ? 1 : 0;
    }

    public static int I64_LE_S(long a, long b) {
        return a <= b ? 1 : 0;
    }

    public static int I64_LE_U(long a, long b) {
        return a + Long.MIN_VALUE <= b + Long.MIN_VALUE ? 1 : 0;
    }

    public static int I64_GE_S(long a, long b) {
        return a >= b ? 1 : 0;
    }

    public static int I64_GE_U(long a, long b) {
        return a + Long.MIN_VALUE >= b + Long.MIN_VALUE ? 1 : 0;
    }

    // ------------------------------------------------------------------ f32 comparisons (NaN: all false but ne)

    public static int F32_EQ(int a, int b) {
        return f(a) == f(b) ? 1 : 0;
    }

    public static int F32_NE(int a, int b) {
        return f(a) != f(b) ? 1 : 0;
    }

    public static int F32_LT(int a, int b) {
        return f(a) < f(b) ? 1 : 0;
    }

    public static int F32_GT(int a, int b) {
        return f(a) > f(b) ? 1 : 0;
    }

    public static int F32_LE(int a, int b) {
        return f(a) <= f(b) ? 1 : 0;
    }

    public static int F32_GE(int a, int b) {
        return f(a) >= f(b) ? 1 : 0;
    }

    // ------------------------------------------------------------------ f64 comparisons

    public static int F64_EQ(long a, long b) {
        return d(a) == d(b) ? 1 : 0;
    }

    public static int F64_NE(long a, long b) {
        return d(a) != d(b) ? 1 : 0;
    }

    public static int F64_LT(long a, long b) {
        return d(a) < d(b) ? 1 : 0;
    }

    public static int F64_GT(long a, long b) {
        return d(a) > d(b) ? 1 : 0;
    }

    public static int F64_LE(long a, long b) {
        return d(a) <= d(b) ? 1 : 0;
    }

    public static int F64_GE(long a, long b) {
        return d(a) >= d(b) ? 1 : 0;
    }

    // ------------------------------------------------------------------ i32 arithmetic

    public static int I32_CLZ(int a) {
        return Integer.numberOfLeadingZeros(a);
    }

    public static int I32_CTZ(int a) {
        return Integer.numberOfTrailingZeros(a);
    }

    public static int I32_POPCNT(int a) {
        return Integer.bitCount(a);
    }

    public static int I32_ADD(int a, int b) {
        return a + b;
    }

    public static int I32_SUB(int a, int b) {
        return a - b;
    }

    public static int I32_MUL(int a, int b) {
        return a * b;
    }

    /** Traps on a zero divisor and on {@code MIN_VALUE / -1}. */
    public static int I32_DIV_S(int a, int b) {
        return Numerics.i32DivS(a, b);
    }

    public static int I32_DIV_U(int a, int b) {
        return Numerics.i32DivU(a, b);
    }

    public static int I32_REM_S(int a, int b) {
        return Numerics.i32RemS(a, b);
    }

    public static int I32_REM_U(int a, int b) {
        return Numerics.i32RemU(a, b);
    }

    public static int I32_AND(int a, int b) {
        return a & b;
    }

    public static int I32_OR(int a, int b) {
        return a | b;
    }

    public static int I32_XOR(int a, int b) {
        return a ^ b;
    }

    /** Java masks the count to 5 bits, as the spec does (shift modulo 32). */
    public static int I32_SHL(int a, int b) {
        return a << b;
    }

    public static int I32_SHR_S(int a, int b) {
        return a >> b;
    }

    public static int I32_SHR_U(int a, int b) {
        return a >>> b;
    }

    public static int I32_ROTL(int a, int b) {
        return Integer.rotateLeft(a, b);
    }

    public static int I32_ROTR(int a, int b) {
        return Integer.rotateRight(a, b);
    }

    // ------------------------------------------------------------------ i64 arithmetic

    public static long I64_CLZ(long a) {
        return Long.numberOfLeadingZeros(a);
    }

    public static long I64_CTZ(long a) {
        return Long.numberOfTrailingZeros(a);
    }

    public static long I64_POPCNT(long a) {
        return Long.bitCount(a);
    }

    public static long I64_ADD(long a, long b) {
        return a + b;
    }

    public static long I64_SUB(long a, long b) {
        return a - b;
    }

    public static long I64_MUL(long a, long b) {
        return a * b;
    }

    public static long I64_DIV_S(long a, long b) {
        return Numerics.i64DivS(a, b);
    }

    public static long I64_DIV_U(long a, long b) {
        return Numerics.i64DivU(a, b);
    }

    public static long I64_REM_S(long a, long b) {
        return Numerics.i64RemS(a, b);
    }

    public static long I64_REM_U(long a, long b) {
        return Numerics.i64RemU(a, b);
    }

    public static long I64_AND(long a, long b) {
        return a & b;
    }

    public static long I64_OR(long a, long b) {
        return a | b;
    }

    public static long I64_XOR(long a, long b) {
        return a ^ b;
    }

    /** Java masks the count to 6 bits, as the spec does (shift modulo 64). */
    public static long I64_SHL(long a, long b) {
        return a << b;
    }

    public static long I64_SHR_S(long a, long b) {
        return a >> b;
    }

    public static long I64_SHR_U(long a, long b) {
        return a >>> b;
    }

    public static long I64_ROTL(long a, long b) {
        return Long.rotateLeft(a, (int) b);
    }

    public static long I64_ROTR(long a, long b) {
        return Long.rotateRight(a, (int) b);
    }

    // ------------------------------------------------------------------ f32 arithmetic

    /** Clears the sign bit; keeps a NaN's payload. */
    public static int F32_ABS(int a) {
        return a & F32_MAGNITUDE;
    }

    /** Flips the sign bit; keeps a NaN's payload. */
    public static int F32_NEG(int a) {
        return a ^ F32_SIGN;
    }

    public static int F32_CEIL(int a) {
        return Numerics.f32Ceil(a);
    }

    public static int F32_FLOOR(int a) {
        return Numerics.f32Floor(a);
    }

    public static int F32_TRUNC(int a) {
        return Numerics.f32Trunc(a);
    }

    public static int F32_NEAREST(int a) {
        return Numerics.f32Nearest(a);
    }

    public static int F32_SQRT(int a) {
        return Numerics.f32Sqrt(a);
    }

    public static int F32_ADD(int a, int b) {
        return Numerics.f32(f(a) + f(b));
    }

    public static int F32_SUB(int a, int b) {
        return Numerics.f32(f(a) - f(b));
    }

    public static int F32_MUL(int a, int b) {
        return Numerics.f32(f(a) * f(b));
    }

    public static int F32_DIV(int a, int b) {
        return Numerics.f32(f(a) / f(b));
    }

    public static int F32_MIN(int a, int b) {
        return Numerics.f32Min(a, b);
    }

    public static int F32_MAX(int a, int b) {
        return Numerics.f32Max(a, b);
    }

    /** Magnitude of {@code a}, sign of {@code b}; pure bits. */
    public static int F32_COPYSIGN(int a, int b) {
        return (a & F32_MAGNITUDE) | (b & F32_SIGN);
    }

    // ------------------------------------------------------------------ f64 arithmetic

    public static long F64_ABS(long a) {
        return a & F64_MAGNITUDE;
    }

    public static long F64_NEG(long a) {
        return a ^ F64_SIGN;
    }

    public static long F64_CEIL(long a) {
        return Numerics.f64Ceil(a);
    }

    public static long F64_FLOOR(long a) {
        return Numerics.f64Floor(a);
    }

    public static long F64_TRUNC(long a) {
        return Numerics.f64Trunc(a);
    }

    public static long F64_NEAREST(long a) {
        return Numerics.f64Nearest(a);
    }

    public static long F64_SQRT(long a) {
        return Numerics.f64Sqrt(a);
    }

    public static long F64_ADD(long a, long b) {
        return Numerics.f64(d(a) + d(b));
    }

    public static long F64_SUB(long a, long b) {
        return Numerics.f64(d(a) - d(b));
    }

    public static long F64_MUL(long a, long b) {
        return Numerics.f64(d(a) * d(b));
    }

    public static long F64_DIV(long a, long b) {
        return Numerics.f64(d(a) / d(b));
    }

    public static long F64_MIN(long a, long b) {
        return Numerics.f64Min(a, b);
    }

    public static long F64_MAX(long a, long b) {
        return Numerics.f64Max(a, b);
    }

    public static long F64_COPYSIGN(long a, long b) {
        return (a & F64_MAGNITUDE) | (b & F64_SIGN);
    }

    // ------------------------------------------------------------------ conversions

    public static int I32_WRAP_I64(long a) {
        return (int) a;
    }

    /** Traps on NaN (invalid conversion) and out of range (integer overflow). */
    public static int I32_TRUNC_F32_S(int a) {
        return Numerics.i32TruncS(f(a));
    }

    public static int I32_TRUNC_F32_U(int a) {
        return Numerics.i32TruncU(f(a));
    }

    public static int I32_TRUNC_F64_S(long a) {
        return Numerics.i32TruncS(d(a));
    }

    public static int I32_TRUNC_F64_U(long a) {
        return Numerics.i32TruncU(d(a));
    }

    public static long I64_EXTEND_I32_S(int a) {
        return a;
    }

    public static long I64_EXTEND_I32_U(int a) {
        return a & U32_MASK;
    }

    public static long I64_TRUNC_F32_S(int a) {
        return Numerics.i64TruncS(f(a));
    }

    public static long I64_TRUNC_F32_U(int a) {
        return Numerics.i64TruncU(f(a));
    }

    public static long I64_TRUNC_F64_S(long a) {
        return Numerics.i64TruncS(d(a));
    }

    public static long I64_TRUNC_F64_U(long a) {
        return Numerics.i64TruncU(d(a));
    }

    /** Integers never convert to NaN, so the raw bits are the result. */
    public static int F32_CONVERT_I32_S(int a) {
        return Float.floatToRawIntBits((float) a);
    }

    public static int F32_CONVERT_I32_U(int a) {
        return Float.floatToRawIntBits((float) (a & U32_MASK));
    }

    public static int F32_CONVERT_I64_S(long a) {
        return Float.floatToRawIntBits((float) a);
    }

    public static int F32_CONVERT_I64_U(long a) {
        return Numerics.f32ConvertI64U(a);
    }

    /** A NaN demotes to the canonical NaN. */
    public static int F32_DEMOTE_F64(long a) {
        return Numerics.f32((float) d(a));
    }

    public static long F64_CONVERT_I32_S(int a) {
        return Double.doubleToRawLongBits(a);
    }

    public static long F64_CONVERT_I32_U(int a) {
        return Double.doubleToRawLongBits(a & U32_MASK);
    }

    public static long F64_CONVERT_I64_S(long a) {
        return Double.doubleToRawLongBits((double) a);
    }

    public static long F64_CONVERT_I64_U(long a) {
        return Numerics.f64ConvertI64U(a);
    }

    /** A NaN promotes to the canonical NaN. */
    public static long F64_PROMOTE_F32(int a) {
        return Numerics.f64(f(a));
    }

    /** Raw bits already: the identity. */
    public static int I32_REINTERPRET_F32(int a) {
        return a;
    }

    public static long I64_REINTERPRET_F64(long a) {
        return a;
    }

    public static int F32_REINTERPRET_I32(int a) {
        return a;
    }

    public static long F64_REINTERPRET_I64(long a) {
        return a;
    }

    // ------------------------------------------------------------------ sign extension

    public static int I32_EXTEND8_S(int a) {
        return (byte) a;
    }

    public static int I32_EXTEND16_S(int a) {
        return (short) a;
    }

    public static long I64_EXTEND8_S(long a) {
        return (byte) a;
    }

    public static long I64_EXTEND16_S(long a) {
        return (short) a;
    }

    public static long I64_EXTEND32_S(long a) {
        return (int) a;
    }

    // ------------------------------------------------------------------ saturating truncation (0xFC prefix)

    /** NaN gives 0, out-of-range values clamp; never traps. */
    public static int I32_TRUNC_SAT_F32_S(int a) {
        return Numerics.i32TruncSatS(f(a));
    }

    public static int I32_TRUNC_SAT_F32_U(int a) {
        return Numerics.i32TruncSatU(f(a));
    }

    public static int I32_TRUNC_SAT_F64_S(long a) {
        return Numerics.i32TruncSatS(d(a));
    }

    public static int I32_TRUNC_SAT_F64_U(long a) {
        return Numerics.i32TruncSatU(d(a));
    }

    public static long I64_TRUNC_SAT_F32_S(int a) {
        return Numerics.i64TruncSatS(f(a));
    }

    public static long I64_TRUNC_SAT_F32_U(int a) {
        return Numerics.i64TruncSatU(f(a));
    }

    public static long I64_TRUNC_SAT_F64_S(long a) {
        return Numerics.i64TruncSatS(d(a));
    }

    public static long I64_TRUNC_SAT_F64_U(long a) {
        return Numerics.i64TruncSatU(d(a));
    }
}
