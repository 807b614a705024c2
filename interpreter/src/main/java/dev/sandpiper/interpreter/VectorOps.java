package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.VectorCodes.*;

/**
 * Executes vector (SIMD, 0xFD) instructions for the interpreter loop: {@code code[at]} is the
 * 0xFD sub-opcode, its immediates follow (as {@link dev.sandpiper.interpreter.code.VectorTranslation}
 * lays them out). A v128 takes two stack slots, low half first, lane 0 in the lowest bits of the low
 * half. Returns the new stack top.
 *
 * <p>This class moves operands and results; the arithmetic is in {@link VectorInts} (integer
 * lanes), {@link VectorFloats} (float lanes and conversions) and {@link VectorMemory} (loads and
 * stores). Most lane operators act on each 64-bit half alone, so they run once per half. Nothing
 * here allocates.
 */
final class VectorOps {
    private static final long MASK32 = 0xFFFFFFFFL;

    private VectorOps() {}

    static int execute(int[] code, int at, long[] stack, int sp, Instance inst) {
        int sub = code[at];
        if (VectorMemory.isMemory(sub)) {
            Memory m = inst.memories[code[at + VectorMemory.memoryWord(sub)]];
            return VectorMemory.execute(sub, code, at, stack, sp, m);
        }
        switch (sub) {
            case V128_CONST -> {
                stack[sp] = (code[at + 1] & MASK32) | ((long) code[at + 2] << 32);
                stack[sp + 1] = (code[at + 3] & MASK32) | ((long) code[at + 4] << 32);
                return sp + 2;
            }
            case I8X16_SHUFFLE -> {
                return shuffle(code, at, stack, sp);
            }
            case I8X16_SWIZZLE -> {
                return swizzle(stack, sp);
            }
            // ---- splat: a scalar (one slot) to a v128 (two) ----
            case I8X16_SPLAT -> {
                return splat(stack, sp, VectorInts.splat(stack[sp - 1], 8));
            }
            case I16X8_SPLAT -> {
                return splat(stack, sp, VectorInts.splat(stack[sp - 1], 16));
            }
            case I32X4_SPLAT, F32X4_SPLAT -> {
                return splat(stack, sp, VectorInts.splat(stack[sp - 1], 32));
            }
            case I64X2_SPLAT, F64X2_SPLAT -> {
                return splat(stack, sp, stack[sp - 1]);
            }
            // ---- lanes ----
            case I8X16_EXTRACT_LANE_S -> {
                return extract(stack, sp, code[at + 1], 8, false);
            }
            case I8X16_EXTRACT_LANE_U -> {
                return extract(stack, sp, code[at + 1], 8, true);
            }
            case I16X8_EXTRACT_LANE_S -> {
                return extract(stack, sp, code[at + 1], 16, false);
            }
            case I16X8_EXTRACT_LANE_U -> {
                return extract(stack, sp, code[at + 1], 16, true);
            }
            case I32X4_EXTRACT_LANE, F32X4_EXTRACT_LANE -> {
                return extract(stack, sp, code[at + 1], 32, false);
            }
            case I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE -> {
                return extract(stack, sp, code[at + 1], 64, false);
            }
            case I8X16_REPLACE_LANE -> {
                return replace(stack, sp, code[at + 1], 8);
            }
            case I16X8_REPLACE_LANE -> {
                return replace(stack, sp, code[at + 1], 16);
            }
            case I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> {
                return replace(stack, sp, code[at + 1], 32);
            }
            case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> {
                return replace(stack, sp, code[at + 1], 64);
            }
            // ---- bitwise ----
            case V128_NOT -> {
                stack[sp - 2] = ~stack[sp - 2];
                stack[sp - 1] = ~stack[sp - 1];
                return sp;
            }
            case V128_AND -> {
                stack[sp - 4] &= stack[sp - 2];
                stack[sp - 3] &= stack[sp - 1];
                return sp - 2;
            }
            case V128_ANDNOT -> {
                stack[sp - 4] &= ~stack[sp - 2];
                stack[sp - 3] &= ~stack[sp - 1];
                return sp - 2;
            }
            case V128_OR -> {
                stack[sp - 4] |= stack[sp - 2];
                stack[sp - 3] |= stack[sp - 1];
                return sp - 2;
            }
            case V128_XOR -> {
                stack[sp - 4] ^= stack[sp - 2];
                stack[sp - 3] ^= stack[sp - 1];
                return sp - 2;
            }
            case V128_BITSELECT -> {
                // [v1 v2 c]: bits of v1 where c is 1, of v2 where it is 0.
                long cLo = stack[sp - 2];
                long cHi = stack[sp - 1];
                stack[sp - 6] = (stack[sp - 6] & cLo) | (stack[sp - 4] & ~cLo);
                stack[sp - 5] = (stack[sp - 5] & cHi) | (stack[sp - 3] & ~cHi);
                return sp - 4;
            }
            case V128_ANY_TRUE -> {
                stack[sp - 2] = (stack[sp - 2] | stack[sp - 1]) != 0 ? 1 : 0;
                return sp - 1;
            }
            // ---- integer lanes: binary operators and comparisons, each half on its own ----
            case I8X16_EQ, I8X16_NE, I8X16_LT_S, I8X16_LT_U, I8X16_GT_S, I8X16_GT_U, I8X16_LE_S, I8X16_LE_U,
                    I8X16_GE_S, I8X16_GE_U, I8X16_ADD, I8X16_ADD_SAT_S, I8X16_ADD_SAT_U, I8X16_SUB,
                    I8X16_SUB_SAT_S, I8X16_SUB_SAT_U, I8X16_MIN_S, I8X16_MIN_U, I8X16_MAX_S, I8X16_MAX_U,
                    I8X16_AVGR_U -> {
                return intBinary(stack, sp, sub, 8);
            }
            case I16X8_EQ, I16X8_NE, I16X8_LT_S, I16X8_LT_U, I16X8_GT_S, I16X8_GT_U, I16X8_LE_S, I16X8_LE_U,
                    I16X8_GE_S, I16X8_GE_U, I16X8_ADD, I16X8_ADD_SAT_S, I16X8_ADD_SAT_U, I16X8_SUB,
                    I16X8_SUB_SAT_S, I16X8_SUB_SAT_U, I16X8_MUL, I16X8_MIN_S, I16X8_MIN_U, I16X8_MAX_S,
                    I16X8_MAX_U, I16X8_AVGR_U, I16X8_Q15MULR_SAT_S -> {
                return intBinary(stack, sp, sub, 16);
            }
            case I32X4_EQ, I32X4_NE, I32X4_LT_S, I32X4_LT_U, I32X4_GT_S, I32X4_GT_U, I32X4_LE_S, I32X4_LE_U,
                    I32X4_GE_S, I32X4_GE_U, I32X4_ADD, I32X4_SUB, I32X4_MUL, I32X4_MIN_S, I32X4_MIN_U,
                    I32X4_MAX_S, I32X4_MAX_U -> {
                return intBinary(stack, sp, sub, 32);
            }
            case I64X2_EQ, I64X2_NE, I64X2_LT_S, I64X2_GT_S, I64X2_LE_S, I64X2_GE_S, I64X2_ADD, I64X2_SUB,
                    I64X2_MUL -> {
                return intBinary(stack, sp, sub, 64);
            }
            case I32X4_DOT_I16X8_S -> {
                stack[sp - 4] = VectorInts.dot(stack[sp - 4], stack[sp - 2]);
                stack[sp - 3] = VectorInts.dot(stack[sp - 3], stack[sp - 1]);
                return sp - 2;
            }
            // ---- integer lanes: unary operators and shifts ----
            case I8X16_ABS, I8X16_NEG, I8X16_POPCNT -> {
                return intUnary(stack, sp, sub, 8);
            }
            case I16X8_ABS, I16X8_NEG -> {
                return intUnary(stack, sp, sub, 16);
            }
            case I32X4_ABS, I32X4_NEG -> {
                return intUnary(stack, sp, sub, 32);
            }
            case I64X2_ABS, I64X2_NEG -> {
                return intUnary(stack, sp, sub, 64);
            }
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U -> {
                return shift(stack, sp, sub, 8);
            }
            case I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U -> {
                return shift(stack, sp, sub, 16);
            }
            case I32X4_SHL, I32X4_SHR_S, I32X4_SHR_U -> {
                return shift(stack, sp, sub, 32);
            }
            case I64X2_SHL, I64X2_SHR_S, I64X2_SHR_U -> {
                return shift(stack, sp, sub, 64);
            }
            case I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_EXTADD_PAIRWISE_I8X16_U, I32X4_EXTADD_PAIRWISE_I16X8_S,
                    I32X4_EXTADD_PAIRWISE_I16X8_U -> {
                // 0x7C/0x7D from i8 lanes, 0x7E/0x7F from i16 lanes; even codes are signed.
                int bits = sub < I32X4_EXTADD_PAIRWISE_I16X8_S ? 8 : 16;
                boolean signed = (sub & 1) == 0;
                stack[sp - 2] = VectorInts.extaddPairwise(stack[sp - 2], bits, signed);
                stack[sp - 1] = VectorInts.extaddPairwise(stack[sp - 1], bits, signed);
                return sp;
            }
            // ---- integer lanes: reductions ----
            case I8X16_ALL_TRUE, I16X8_ALL_TRUE, I32X4_ALL_TRUE, I64X2_ALL_TRUE -> {
                stack[sp - 2] = VectorInts.allTrue(stack[sp - 2], stack[sp - 1], laneBits(sub));
                return sp - 1;
            }
            case I8X16_BITMASK, I16X8_BITMASK, I32X4_BITMASK, I64X2_BITMASK -> {
                stack[sp - 2] = VectorInts.bitmask(stack[sp - 2], stack[sp - 1], laneBits(sub));
                return sp - 1;
            }
            // ---- integer lanes: width changes ----
            case I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U, I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U -> {
                // 0x65/0x66 from i16 lanes, 0x85/0x86 from i32 lanes; odd codes are signed.
                int bits = sub < I16X8_NARROW_I32X4_S ? 16 : 32;
                boolean signed = (sub & 1) == 1;
                stack[sp - 4] = VectorInts.narrow(stack[sp - 4], stack[sp - 3], bits, signed);
                stack[sp - 3] = VectorInts.narrow(stack[sp - 2], stack[sp - 1], bits, signed);
                return sp - 2;
            }
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S, I16X8_EXTEND_LOW_I8X16_U,
                    I16X8_EXTEND_HIGH_I8X16_U -> {
                return extend(stack, sp, sub - I16X8_EXTEND_LOW_I8X16_S, 8);
            }
            case I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S, I32X4_EXTEND_LOW_I16X8_U,
                    I32X4_EXTEND_HIGH_I16X8_U -> {
                return extend(stack, sp, sub - I32X4_EXTEND_LOW_I16X8_S, 16);
            }
            case I64X2_EXTEND_LOW_I32X4_S, I64X2_EXTEND_HIGH_I32X4_S, I64X2_EXTEND_LOW_I32X4_U,
                    I64X2_EXTEND_HIGH_I32X4_U -> {
                return extend(stack, sp, sub - I64X2_EXTEND_LOW_I32X4_S, 32);
            }
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S, I16X8_EXTMUL_LOW_I8X16_U,
                    I16X8_EXTMUL_HIGH_I8X16_U -> {
                return extmul(stack, sp, sub - I16X8_EXTMUL_LOW_I8X16_S, 8);
            }
            case I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S, I32X4_EXTMUL_LOW_I16X8_U,
                    I32X4_EXTMUL_HIGH_I16X8_U -> {
                return extmul(stack, sp, sub - I32X4_EXTMUL_LOW_I16X8_S, 16);
            }
            case I64X2_EXTMUL_LOW_I32X4_S, I64X2_EXTMUL_HIGH_I32X4_S, I64X2_EXTMUL_LOW_I32X4_U,
                    I64X2_EXTMUL_HIGH_I32X4_U -> {
                return extmul(stack, sp, sub - I64X2_EXTMUL_LOW_I32X4_S, 32);
            }
            // ---- float lanes ----
            case F32X4_EQ, F32X4_NE, F32X4_LT, F32X4_GT, F32X4_LE, F32X4_GE, F32X4_ADD, F32X4_SUB, F32X4_MUL,
                    F32X4_DIV, F32X4_MIN, F32X4_MAX, F32X4_PMIN, F32X4_PMAX -> {
                stack[sp - 4] = VectorFloats.f32Binary(sub, stack[sp - 4], stack[sp - 2]);
                stack[sp - 3] = VectorFloats.f32Binary(sub, stack[sp - 3], stack[sp - 1]);
                return sp - 2;
            }
            case F64X2_EQ, F64X2_NE, F64X2_LT, F64X2_GT, F64X2_LE, F64X2_GE, F64X2_ADD, F64X2_SUB, F64X2_MUL,
                    F64X2_DIV, F64X2_MIN, F64X2_MAX, F64X2_PMIN, F64X2_PMAX -> {
                stack[sp - 4] = VectorFloats.f64Binary(sub, stack[sp - 4], stack[sp - 2]);
                stack[sp - 3] = VectorFloats.f64Binary(sub, stack[sp - 3], stack[sp - 1]);
                return sp - 2;
            }
            case F32X4_ABS, F32X4_NEG, F32X4_SQRT, F32X4_CEIL, F32X4_FLOOR, F32X4_TRUNC, F32X4_NEAREST,
                    I32X4_TRUNC_SAT_F32X4_S, I32X4_TRUNC_SAT_F32X4_U, F32X4_CONVERT_I32X4_S,
                    F32X4_CONVERT_I32X4_U -> {
                stack[sp - 2] = VectorFloats.f32Unary(sub, stack[sp - 2]);
                stack[sp - 1] = VectorFloats.f32Unary(sub, stack[sp - 1]);
                return sp;
            }
            case F64X2_ABS, F64X2_NEG, F64X2_SQRT, F64X2_CEIL, F64X2_FLOOR, F64X2_TRUNC, F64X2_NEAREST -> {
                stack[sp - 2] = VectorFloats.f64Unary(sub, stack[sp - 2]);
                stack[sp - 1] = VectorFloats.f64Unary(sub, stack[sp - 1]);
                return sp;
            }
            case F32X4_DEMOTE_F64X2_ZERO, I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_TRUNC_SAT_F64X2_U_ZERO -> {
                stack[sp - 2] = VectorFloats.fromF64x2(sub, stack[sp - 2], stack[sp - 1]);
                stack[sp - 1] = 0;
                return sp;
            }
            case F64X2_PROMOTE_LOW_F32X4, F64X2_CONVERT_LOW_I32X4_S, F64X2_CONVERT_LOW_I32X4_U -> {
                long lo = stack[sp - 2];
                stack[sp - 2] = VectorFloats.toF64(sub, (int) lo);
                stack[sp - 1] = VectorFloats.toF64(sub, (int) (lo >>> 32));
                return sp;
            }
            // ---- relaxed (3.0) instructions with arithmetic of their own ----
            case RelaxedVectors.F32X4_RELAXED_MADD, RelaxedVectors.F32X4_RELAXED_NMADD,
                    RelaxedVectors.F64X2_RELAXED_MADD, RelaxedVectors.F64X2_RELAXED_NMADD,
                    RelaxedVectors.I16X8_RELAXED_DOT, RelaxedVectors.I32X4_RELAXED_DOT_ADD -> {
                return RelaxedVectors.execute(sub, stack, sp);
            }
            default -> throw new IllegalStateException("no implementation for vector instruction 0xFD " + sub);
        }
    }

    /** Lane width of an {@code all_true} or {@code bitmask}: 0x63/0x64, 0x83/0x84, 0xA3/0xA4, 0xC3/0xC4. */
    private static int laneBits(int sub) {
        return 8 << ((sub - I8X16_ALL_TRUE) >> 5);
    }

    private static int splat(long[] stack, int sp, long half) {
        stack[sp - 1] = half;
        stack[sp] = half;
        return sp + 1;
    }

    /** {@code [v]} to {@code [lane]}: an i32 (or f32) slot holds its 32 bits sign-extended. */
    private static int extract(long[] stack, int sp, int lane, int bits, boolean unsigned) {
        stack[sp - 2] = VectorInts.extract(stack[sp - 2], stack[sp - 1], lane, bits, unsigned);
        return sp - 1;
    }

    /** {@code [v x]} to {@code [v']}: lane {@code lane} replaced by the low {@code bits} of {@code x}. */
    private static int replace(long[] stack, int sp, int lane, int bits) {
        int bit = lane * bits;
        int slot = sp - 3 + (bit >>> 6);
        stack[slot] = VectorInts.replace(stack[slot], bit & 63, bits, stack[sp - 1]);
        return sp - 1;
    }

    private static int intBinary(long[] stack, int sp, int sub, int bits) {
        stack[sp - 4] = VectorInts.binary(sub, bits, stack[sp - 4], stack[sp - 2]);
        stack[sp - 3] = VectorInts.binary(sub, bits, stack[sp - 3], stack[sp - 1]);
        return sp - 2;
    }

    private static int intUnary(long[] stack, int sp, int sub, int bits) {
        stack[sp - 2] = VectorInts.unary(sub, bits, stack[sp - 2]);
        stack[sp - 1] = VectorInts.unary(sub, bits, stack[sp - 1]);
        return sp;
    }

    /** {@code [v count]} to {@code [v']}. */
    private static int shift(long[] stack, int sp, int sub, int bits) {
        int count = (int) stack[sp - 1];
        stack[sp - 3] = VectorInts.shift(sub, bits, stack[sp - 3], count);
        stack[sp - 2] = VectorInts.shift(sub, bits, stack[sp - 2], count);
        return sp - 1;
    }

    /**
     * {@code extend_low/high_s/u}; {@code form} is the offset from the family's first code: 0 low
     * signed, 1 high signed, 2 low unsigned, 3 high unsigned.
     */
    private static int extend(long[] stack, int sp, int form, int bits) {
        long half = stack[sp - 2 + (form & 1)];
        boolean signed = form < 2;
        stack[sp - 2] = VectorInts.extend((int) half, bits, signed);
        stack[sp - 1] = VectorInts.extend((int) (half >>> 32), bits, signed);
        return sp;
    }

    /** {@code extmul_low/high_s/u}, {@code form} as for {@link #extend}. */
    private static int extmul(long[] stack, int sp, int form, int bits) {
        long a = stack[sp - 4 + (form & 1)];
        long b = stack[sp - 2 + (form & 1)];
        boolean signed = form < 2;
        stack[sp - 4] = VectorInts.extmul((int) a, (int) b, bits, signed);
        stack[sp - 3] = VectorInts.extmul((int) (a >>> 32), (int) (b >>> 32), bits, signed);
        return sp - 2;
    }

    /** {@code [a b]} to {@code [r]}: byte {@code i} of {@code r} is byte {@code s[i]} of a‖b. */
    private static int shuffle(int[] code, int at, long[] stack, int sp) {
        long aLo = stack[sp - 4];
        long aHi = stack[sp - 3];
        long bLo = stack[sp - 2];
        long bHi = stack[sp - 1];
        long sLo = (code[at + 1] & MASK32) | ((long) code[at + 2] << 32);
        long sHi = (code[at + 3] & MASK32) | ((long) code[at + 4] << 32);
        stack[sp - 4] = shuffle(aLo, aHi, bLo, bHi, sLo);
        stack[sp - 3] = shuffle(aLo, aHi, bLo, bHi, sHi);
        return sp - 2;
    }

    /** Eight bytes of a shuffle's result: byte {@code i} is byte {@code indices[i] & 31} of a‖b. */
    static long shuffle(long aLo, long aHi, long bLo, long bHi, long indices) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int index = (int) (indices >>> (i * 8)) & 0x1F;
            long word = index < 8 ? aLo : index < 16 ? aHi : index < 24 ? bLo : bHi;
            r |= ((word >>> ((index & 7) * 8)) & 0xFF) << (i * 8);
        }
        return r;
    }

    /** {@code [a s]} to {@code [r]}: byte {@code i} of {@code r} is byte {@code s[i]} of a, or 0 if s[i] > 15. */
    private static int swizzle(long[] stack, int sp) {
        long aLo = stack[sp - 4];
        long aHi = stack[sp - 3];
        stack[sp - 4] = swizzle(aLo, aHi, stack[sp - 2]);
        stack[sp - 3] = swizzle(aLo, aHi, stack[sp - 1]);
        return sp - 2;
    }

    /** Eight bytes of a swizzle's result, for eight index bytes {@code s}. */
    static long swizzle(long aLo, long aHi, long s) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            int index = (int) (s >>> (i * 8)) & 0xFF;
            long b = index < 16 ? ((index < 8 ? aLo : aHi) >>> ((index & 7) * 8)) & 0xFF : 0;
            r |= b << (i * 8);
        }
        return r;
    }
}
