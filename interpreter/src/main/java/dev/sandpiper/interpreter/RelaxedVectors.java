package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.decoder.code.Opcode;

/**
 * The relaxed vector instructions (0xFD 0x100-0x113), with the deterministic profile's choice for
 * every one: each relaxed operator is {@code relaxed(R)[A_0, ..., A_n]} over a global parameter R,
 * and the deterministic profile fixes every R to 0 (spec 3.0, Execution > Numerics > Relaxed
 * Operations). With R = 0, fourteen of the twenty instructions are exactly a 2.0 instruction
 * ({@link #deterministic}), which both tiers then run in its place; the other six have their own
 * arithmetic here, one 64-bit half of a v128 at a time, called by {@link VectorOps} and by the
 * compiled tier. Multiply-add is the unfused {@code fadd(fmul(a, b), c)}: two roundings, Java's
 * float and double arithmetic (never {@link Math#fma}, which the JIT could not change anyway), so
 * the bits are the same on every JVM and tier. The interpreter README has the table of choices.
 */
public final class RelaxedVectors {
    /** {@code f32x4.relaxed_madd}. */
    static final int F32X4_RELAXED_MADD = 0x105;
    /** {@code f32x4.relaxed_nmadd}. */
    static final int F32X4_RELAXED_NMADD = 0x106;
    /** {@code f64x2.relaxed_madd}. */
    static final int F64X2_RELAXED_MADD = 0x107;
    /** {@code f64x2.relaxed_nmadd}. */
    static final int F64X2_RELAXED_NMADD = 0x108;
    /** {@code i16x8.relaxed_dot_i8x16_i7x16_s}. */
    static final int I16X8_RELAXED_DOT = 0x112;
    /** {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}. */
    static final int I32X4_RELAXED_DOT_ADD = 0x113;

    private static final long MASK32 = 0xFFFFFFFFL;

    private RelaxedVectors() {}

    /**
     * The 2.0 instruction a relaxed instruction is with every parameter 0, or null when it has
     * arithmetic of its own (multiply-add and the dot products) or is not relaxed. Spec 3.0,
     * Execution > Numerics > Relaxed Operations: relaxed_swizzle is swizzle (an index of 16 or more
     * selects 0); relaxed_trunc is trunc_sat (NaN 0, out of range saturated); relaxed_laneselect is
     * bitselect (the mask bit by bit); relaxed_min/max are fmin/fmax; relaxed_q15mulr_s is
     * q15mulr_sat_s.
     */
    public static Opcode deterministic(Opcode op) {
        return switch (op) {
            case I8X16_RELAXED_SWIZZLE -> Opcode.I8X16_SWIZZLE;
            case I32X4_RELAXED_TRUNC_F32X4_S -> Opcode.I32X4_TRUNC_SAT_F32X4_S;
            case I32X4_RELAXED_TRUNC_F32X4_U -> Opcode.I32X4_TRUNC_SAT_F32X4_U;
            case I32X4_RELAXED_TRUNC_F64X2_S_ZERO -> Opcode.I32X4_TRUNC_SAT_F64X2_S_ZERO;
            case I32X4_RELAXED_TRUNC_F64X2_U_ZERO -> Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO;
            case I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT,
                    I64X2_RELAXED_LANESELECT -> Opcode.V128_BITSELECT;
            case F32X4_RELAXED_MIN -> Opcode.F32X4_MIN;
            case F32X4_RELAXED_MAX -> Opcode.F32X4_MAX;
            case F64X2_RELAXED_MIN -> Opcode.F64X2_MIN;
            case F64X2_RELAXED_MAX -> Opcode.F64X2_MAX;
            case I16X8_RELAXED_Q15MULR_S -> Opcode.I16X8_Q15MULR_SAT_S;
            default -> null;
        };
    }

    /** Executes {@code sub} (one of this class's codes) on the stack; returns the new top. */
    static int execute(int sub, long[] stack, int sp) {
        switch (sub) {
            case F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD, F64X2_RELAXED_MADD, F64X2_RELAXED_NMADD -> {
                stack[sp - 6] = madd(sub, stack[sp - 6], stack[sp - 4], stack[sp - 2]);
                stack[sp - 5] = madd(sub, stack[sp - 5], stack[sp - 3], stack[sp - 1]);
                return sp - 4;
            }
            case I16X8_RELAXED_DOT -> {
                stack[sp - 4] = dot(stack[sp - 4], stack[sp - 2]);
                stack[sp - 3] = dot(stack[sp - 3], stack[sp - 1]);
                return sp - 2;
            }
            case I32X4_RELAXED_DOT_ADD -> {
                stack[sp - 6] = dotAdd(stack[sp - 6], stack[sp - 4], stack[sp - 2]);
                stack[sp - 5] = dotAdd(stack[sp - 5], stack[sp - 3], stack[sp - 1]);
                return sp - 4;
            }
            default -> throw new IllegalStateException("not a relaxed vector instruction: 0xFD " + sub);
        }
    }

    /**
     * One half of {@code f32x4/f64x2.relaxed_madd} ({@code a * b + c}) or {@code relaxed_nmadd}
     * ({@code -a * b + c}), unfused: the product rounded, then the sum (spec 3.0, frelaxed_madd with
     * R_fmadd = 0). A NaN result is the canonical NaN, as for every arithmetic float operator here.
     */
    public static long madd(int sub, long a, long b, long c) {
        return switch (sub) {
            case F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD -> {
                boolean negate = sub == F32X4_RELAXED_NMADD;
                int lo = f32Madd((int) a, (int) b, (int) c, negate);
                int hi = f32Madd((int) (a >>> 32), (int) (b >>> 32), (int) (c >>> 32), negate);
                yield (lo & MASK32) | ((long) hi << 32);
            }
            case F64X2_RELAXED_MADD -> f64(asF64(a) * asF64(b) + asF64(c));
            case F64X2_RELAXED_NMADD -> f64(-asF64(a) * asF64(b) + asF64(c));
            default -> throw new IllegalStateException("not a relaxed multiply-add: 0xFD " + sub);
        };
    }

    private static int f32Madd(int a, int b, int c, boolean negate) {
        float x = asF32(a);
        float product = (negate ? -x : x) * asF32(b);
        return f32(product + asF32(c));
    }

    /** The signed 8-bit lane {@code i} (0-7) of a half. */
    private static int i8(long half, int i) {
        return (byte) (half >>> (i * 8));
    }

    /**
     * The i16 lane made of 8-bit lanes {@code 2k} and {@code 2k + 1} of each operand's half: both
     * products signed (spec 3.0, irelaxed_dot_mul with R_idot = 0), their sum saturated to i16
     * (the one sum that overflows is (-128 * -128) * 2 = 32768, which becomes 32767).
     */
    private static int pair(long a, long b, int k) {
        int sum = i8(a, 2 * k) * i8(b, 2 * k) + i8(a, 2 * k + 1) * i8(b, 2 * k + 1);
        return Math.min(Short.MAX_VALUE, sum);
    }

    /** One half of {@code i16x8.relaxed_dot_i8x16_i7x16_s}: four i16 lanes. */
    public static long dot(long a, long b) {
        long r = 0;
        for (int k = 0; k < 4; k++) {
            r |= (pair(a, b, k) & 0xFFFFL) << (k * 16);
        }
        return r;
    }

    /**
     * One half of {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}: each i32 lane is the corresponding
     * lane of {@code c} plus two adjacent i16 lanes of the relaxed dot product, modulo 2^32.
     */
    public static long dotAdd(long a, long b, long c) {
        int lo = (int) c + pair(a, b, 0) + pair(a, b, 1);
        int hi = (int) (c >>> 32) + pair(a, b, 2) + pair(a, b, 3);
        return (lo & MASK32) | ((long) hi << 32);
    }
}
