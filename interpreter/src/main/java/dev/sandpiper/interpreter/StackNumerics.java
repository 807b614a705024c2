package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.interpreter.numeric.Numerics;

/**
 * Every numeric instruction (opcodes 0x45 to 0xC4 and the saturating truncations) in stack form:
 * the operands are the slots just below {@code sp}, the result replaces them; returns the new top.
 * The interpreter loop runs the frequent ones itself in register form and hands the rest here
 * ({@link dev.sandpiper.interpreter.code.Op#NUMERIC}), which keeps the loop under the JIT's size
 * limit. Sign operations are bit operations and keep NaN payloads; float results follow
 * {@link Numerics}' NaN policy.
 */
final class StackNumerics {
    private static final Opcode[] OPCODES = Opcode.values();

    private StackNumerics() {}

    /** Runs the numeric instruction whose {@link Opcode#ordinal()} is {@code opcode}. */
    static int execute(int opcode, long[] stack, int sp) {
        switch (OPCODES[opcode]) {
            case I32_EQZ -> {
                stack[sp - 1] = (int) stack[sp - 1] == 0 ? 1 : 0;
                return sp;
            }
            case I32_EQ -> {
                stack[sp - 2] = (int) stack[sp - 2] == (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_NE -> {
                stack[sp - 2] = (int) stack[sp - 2] != (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_LT_S -> {
                stack[sp - 2] = (int) stack[sp - 2] < (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_LT_U -> {
                stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[sp - 1]) < 0 ? 1 : 0;
                return sp - 1;
            }
            case I32_GT_S -> {
                stack[sp - 2] = (int) stack[sp - 2] > (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_GT_U -> {
                stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[sp - 1]) > 0 ? 1 : 0;
                return sp - 1;
            }
            case I32_LE_S -> {
                stack[sp - 2] = (int) stack[sp - 2] <= (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_LE_U -> {
                stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[sp - 1]) <= 0 ? 1 : 0;
                return sp - 1;
            }
            case I32_GE_S -> {
                stack[sp - 2] = (int) stack[sp - 2] >= (int) stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I32_GE_U -> {
                stack[sp - 2] = Integer.compareUnsigned((int) stack[sp - 2], (int) stack[sp - 1]) >= 0 ? 1 : 0;
                return sp - 1;
            }
            case I64_EQZ -> {
                stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                return sp;
            }
            case I64_EQ -> {
                stack[sp - 2] = stack[sp - 2] == stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_NE -> {
                stack[sp - 2] = stack[sp - 2] != stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_LT_S -> {
                stack[sp - 2] = stack[sp - 2] < stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_LT_U -> {
                stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[sp - 1]) < 0 ? 1 : 0;
                return sp - 1;
            }
            case I64_GT_S -> {
                stack[sp - 2] = stack[sp - 2] > stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_GT_U -> {
                stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[sp - 1]) > 0 ? 1 : 0;
                return sp - 1;
            }
            case I64_LE_S -> {
                stack[sp - 2] = stack[sp - 2] <= stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_LE_U -> {
                stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[sp - 1]) <= 0 ? 1 : 0;
                return sp - 1;
            }
            case I64_GE_S -> {
                stack[sp - 2] = stack[sp - 2] >= stack[sp - 1] ? 1 : 0;
                return sp - 1;
            }
            case I64_GE_U -> {
                stack[sp - 2] = Long.compareUnsigned(stack[sp - 2], stack[sp - 1]) >= 0 ? 1 : 0;
                return sp - 1;
            }
            case F32_EQ -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) == asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F32_NE -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) != asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F32_LT -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) < asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F32_GT -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) > asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F32_LE -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) <= asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F32_GE -> {
                stack[sp - 2] = asF32((int) stack[sp - 2]) >= asF32((int) stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_EQ -> {
                stack[sp - 2] = asF64(stack[sp - 2]) == asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_NE -> {
                stack[sp - 2] = asF64(stack[sp - 2]) != asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_LT -> {
                stack[sp - 2] = asF64(stack[sp - 2]) < asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_GT -> {
                stack[sp - 2] = asF64(stack[sp - 2]) > asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_LE -> {
                stack[sp - 2] = asF64(stack[sp - 2]) <= asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case F64_GE -> {
                stack[sp - 2] = asF64(stack[sp - 2]) >= asF64(stack[sp - 1]) ? 1 : 0;
                return sp - 1;
            }
            case I32_CLZ -> {
                stack[sp - 1] = Integer.numberOfLeadingZeros((int) stack[sp - 1]);
                return sp;
            }
            case I32_CTZ -> {
                stack[sp - 1] = Integer.numberOfTrailingZeros((int) stack[sp - 1]);
                return sp;
            }
            case I32_POPCNT -> {
                stack[sp - 1] = Integer.bitCount((int) stack[sp - 1]);
                return sp;
            }
            case I32_ADD -> {
                stack[sp - 2] = (int) stack[sp - 2] + (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_SUB -> {
                stack[sp - 2] = (int) stack[sp - 2] - (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_MUL -> {
                stack[sp - 2] = (int) stack[sp - 2] * (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_DIV_S -> {
                stack[sp - 2] = Numerics.i32DivS((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I32_DIV_U -> {
                stack[sp - 2] = Numerics.i32DivU((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I32_REM_S -> {
                stack[sp - 2] = Numerics.i32RemS((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I32_REM_U -> {
                stack[sp - 2] = Numerics.i32RemU((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I32_AND -> {
                stack[sp - 2] = (int) stack[sp - 2] & (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_OR -> {
                stack[sp - 2] = (int) stack[sp - 2] | (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_XOR -> {
                stack[sp - 2] = (int) stack[sp - 2] ^ (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_SHL -> {
                stack[sp - 2] = (int) stack[sp - 2] << (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_SHR_S -> {
                stack[sp - 2] = (int) stack[sp - 2] >> (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_SHR_U -> {
                stack[sp - 2] = (int) stack[sp - 2] >>> (int) stack[sp - 1];
                return sp - 1;
            }
            case I32_ROTL -> {
                stack[sp - 2] = Integer.rotateLeft((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I32_ROTR -> {
                stack[sp - 2] = Integer.rotateRight((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I64_CLZ -> {
                stack[sp - 1] = Long.numberOfLeadingZeros(stack[sp - 1]);
                return sp;
            }
            case I64_CTZ -> {
                stack[sp - 1] = Long.numberOfTrailingZeros(stack[sp - 1]);
                return sp;
            }
            case I64_POPCNT -> {
                stack[sp - 1] = Long.bitCount(stack[sp - 1]);
                return sp;
            }
            case I64_ADD -> {
                stack[sp - 2] = stack[sp - 2] + stack[sp - 1];
                return sp - 1;
            }
            case I64_SUB -> {
                stack[sp - 2] = stack[sp - 2] - stack[sp - 1];
                return sp - 1;
            }
            case I64_MUL -> {
                stack[sp - 2] = stack[sp - 2] * stack[sp - 1];
                return sp - 1;
            }
            case I64_DIV_S -> {
                stack[sp - 2] = Numerics.i64DivS(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case I64_DIV_U -> {
                stack[sp - 2] = Numerics.i64DivU(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case I64_REM_S -> {
                stack[sp - 2] = Numerics.i64RemS(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case I64_REM_U -> {
                stack[sp - 2] = Numerics.i64RemU(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case I64_AND -> {
                stack[sp - 2] = stack[sp - 2] & stack[sp - 1];
                return sp - 1;
            }
            case I64_OR -> {
                stack[sp - 2] = stack[sp - 2] | stack[sp - 1];
                return sp - 1;
            }
            case I64_XOR -> {
                stack[sp - 2] = stack[sp - 2] ^ stack[sp - 1];
                return sp - 1;
            }
            case I64_SHL -> {
                stack[sp - 2] = stack[sp - 2] << stack[sp - 1];
                return sp - 1;
            }
            case I64_SHR_S -> {
                stack[sp - 2] = stack[sp - 2] >> stack[sp - 1];
                return sp - 1;
            }
            case I64_SHR_U -> {
                stack[sp - 2] = stack[sp - 2] >>> stack[sp - 1];
                return sp - 1;
            }
            case I64_ROTL -> {
                stack[sp - 2] = Long.rotateLeft(stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case I64_ROTR -> {
                stack[sp - 2] = Long.rotateRight(stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case F32_ABS -> {
                stack[sp - 1] = (int) stack[sp - 1] & 0x7FFFFFFF;
                return sp;
            }
            case F32_NEG -> {
                stack[sp - 1] = (int) stack[sp - 1] ^ 0x80000000;
                return sp;
            }
            case F32_CEIL -> {
                stack[sp - 1] = Numerics.f32Ceil((int) stack[sp - 1]);
                return sp;
            }
            case F32_FLOOR -> {
                stack[sp - 1] = Numerics.f32Floor((int) stack[sp - 1]);
                return sp;
            }
            case F32_TRUNC -> {
                stack[sp - 1] = Numerics.f32Trunc((int) stack[sp - 1]);
                return sp;
            }
            case F32_NEAREST -> {
                stack[sp - 1] = Numerics.f32Nearest((int) stack[sp - 1]);
                return sp;
            }
            case F32_SQRT -> {
                stack[sp - 1] = Numerics.f32Sqrt((int) stack[sp - 1]);
                return sp;
            }
            case F32_ADD -> {
                stack[sp - 2] = f32(asF32((int) stack[sp - 2]) + asF32((int) stack[sp - 1]));
                return sp - 1;
            }
            case F32_SUB -> {
                stack[sp - 2] = f32(asF32((int) stack[sp - 2]) - asF32((int) stack[sp - 1]));
                return sp - 1;
            }
            case F32_MUL -> {
                stack[sp - 2] = f32(asF32((int) stack[sp - 2]) * asF32((int) stack[sp - 1]));
                return sp - 1;
            }
            case F32_DIV -> {
                stack[sp - 2] = f32(asF32((int) stack[sp - 2]) / asF32((int) stack[sp - 1]));
                return sp - 1;
            }
            case F32_MIN -> {
                stack[sp - 2] = Numerics.f32Min((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case F32_MAX -> {
                stack[sp - 2] = Numerics.f32Max((int) stack[sp - 2], (int) stack[sp - 1]);
                return sp - 1;
            }
            case F32_COPYSIGN -> {
                stack[sp - 2] = ((int) stack[sp - 2] & 0x7FFFFFFF) | ((int) stack[sp - 1] & 0x80000000);
                return sp - 1;
            }
            case F64_ABS -> {
                stack[sp - 1] = stack[sp - 1] & 0x7FFFFFFFFFFFFFFFL;
                return sp;
            }
            case F64_NEG -> {
                stack[sp - 1] = stack[sp - 1] ^ 0x8000000000000000L;
                return sp;
            }
            case F64_CEIL -> {
                stack[sp - 1] = Numerics.f64Ceil(stack[sp - 1]);
                return sp;
            }
            case F64_FLOOR -> {
                stack[sp - 1] = Numerics.f64Floor(stack[sp - 1]);
                return sp;
            }
            case F64_TRUNC -> {
                stack[sp - 1] = Numerics.f64Trunc(stack[sp - 1]);
                return sp;
            }
            case F64_NEAREST -> {
                stack[sp - 1] = Numerics.f64Nearest(stack[sp - 1]);
                return sp;
            }
            case F64_SQRT -> {
                stack[sp - 1] = Numerics.f64Sqrt(stack[sp - 1]);
                return sp;
            }
            case F64_ADD -> {
                stack[sp - 2] = f64(asF64(stack[sp - 2]) + asF64(stack[sp - 1]));
                return sp - 1;
            }
            case F64_SUB -> {
                stack[sp - 2] = f64(asF64(stack[sp - 2]) - asF64(stack[sp - 1]));
                return sp - 1;
            }
            case F64_MUL -> {
                stack[sp - 2] = f64(asF64(stack[sp - 2]) * asF64(stack[sp - 1]));
                return sp - 1;
            }
            case F64_DIV -> {
                stack[sp - 2] = f64(asF64(stack[sp - 2]) / asF64(stack[sp - 1]));
                return sp - 1;
            }
            case F64_MIN -> {
                stack[sp - 2] = Numerics.f64Min(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case F64_MAX -> {
                stack[sp - 2] = Numerics.f64Max(stack[sp - 2], stack[sp - 1]);
                return sp - 1;
            }
            case F64_COPYSIGN -> {
                stack[sp - 2] = (stack[sp - 2] & 0x7FFFFFFFFFFFFFFFL) | (stack[sp - 1] & 0x8000000000000000L);
                return sp - 1;
            }
            case I32_WRAP_I64 -> {
                stack[sp - 1] = (int) stack[sp - 1];
                return sp;
            }
            case I32_TRUNC_F32_S -> {
                stack[sp - 1] = Numerics.i32TruncS(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_F32_U -> {
                stack[sp - 1] = Numerics.i32TruncU(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_F64_S -> {
                stack[sp - 1] = Numerics.i32TruncS(asF64(stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_F64_U -> {
                stack[sp - 1] = Numerics.i32TruncU(asF64(stack[sp - 1]));
                return sp;
            }
            case I64_EXTEND_I32_S -> {
                stack[sp - 1] = (int) stack[sp - 1];
                return sp;
            }
            case I64_EXTEND_I32_U -> {
                stack[sp - 1] = stack[sp - 1] & 0xFFFFFFFFL;
                return sp;
            }
            case I64_TRUNC_F32_S -> {
                stack[sp - 1] = Numerics.i64TruncS(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_F32_U -> {
                stack[sp - 1] = Numerics.i64TruncU(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_F64_S -> {
                stack[sp - 1] = Numerics.i64TruncS(asF64(stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_F64_U -> {
                stack[sp - 1] = Numerics.i64TruncU(asF64(stack[sp - 1]));
                return sp;
            }
            case F32_CONVERT_I32_S -> {
                stack[sp - 1] = Float.floatToRawIntBits((float) (int) stack[sp - 1]);
                return sp;
            }
            case F32_CONVERT_I32_U -> {
                stack[sp - 1] = Float.floatToRawIntBits((float) (stack[sp - 1] & 0xFFFFFFFFL));
                return sp;
            }
            case F32_CONVERT_I64_S -> {
                stack[sp - 1] = Float.floatToRawIntBits((float) stack[sp - 1]);
                return sp;
            }
            case F32_CONVERT_I64_U -> {
                stack[sp - 1] = Numerics.f32ConvertI64U(stack[sp - 1]);
                return sp;
            }
            case F32_DEMOTE_F64 -> {
                stack[sp - 1] = f32((float) asF64(stack[sp - 1]));
                return sp;
            }
            case F64_CONVERT_I32_S -> {
                stack[sp - 1] = Double.doubleToRawLongBits((int) stack[sp - 1]);
                return sp;
            }
            case F64_CONVERT_I32_U -> {
                stack[sp - 1] = Double.doubleToRawLongBits(stack[sp - 1] & 0xFFFFFFFFL);
                return sp;
            }
            case F64_CONVERT_I64_S -> {
                stack[sp - 1] = Double.doubleToRawLongBits((double) stack[sp - 1]);
                return sp;
            }
            case F64_CONVERT_I64_U -> {
                stack[sp - 1] = Numerics.f64ConvertI64U(stack[sp - 1]);
                return sp;
            }
            case F64_PROMOTE_F32 -> {
                stack[sp - 1] = f64(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I32_REINTERPRET_F32 -> {
                stack[sp - 1] = stack[sp - 1];
                return sp;
            }
            case I64_REINTERPRET_F64 -> {
                stack[sp - 1] = stack[sp - 1];
                return sp;
            }
            case F32_REINTERPRET_I32 -> {
                stack[sp - 1] = stack[sp - 1];
                return sp;
            }
            case F64_REINTERPRET_I64 -> {
                stack[sp - 1] = stack[sp - 1];
                return sp;
            }
            case I32_EXTEND8_S -> {
                stack[sp - 1] = (byte) stack[sp - 1];
                return sp;
            }
            case I32_EXTEND16_S -> {
                stack[sp - 1] = (short) stack[sp - 1];
                return sp;
            }
            case I64_EXTEND8_S -> {
                stack[sp - 1] = (byte) stack[sp - 1];
                return sp;
            }
            case I64_EXTEND16_S -> {
                stack[sp - 1] = (short) stack[sp - 1];
                return sp;
            }
            case I64_EXTEND32_S -> {
                stack[sp - 1] = (int) stack[sp - 1];
                return sp;
            }
            case I32_TRUNC_SAT_F32_S -> {
                stack[sp - 1] = Numerics.i32TruncSatS(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_SAT_F32_U -> {
                stack[sp - 1] = Numerics.i32TruncSatU(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_SAT_F64_S -> {
                stack[sp - 1] = Numerics.i32TruncSatS(asF64(stack[sp - 1]));
                return sp;
            }
            case I32_TRUNC_SAT_F64_U -> {
                stack[sp - 1] = Numerics.i32TruncSatU(asF64(stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_SAT_F32_S -> {
                stack[sp - 1] = Numerics.i64TruncSatS(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_SAT_F32_U -> {
                stack[sp - 1] = Numerics.i64TruncSatU(asF32((int) stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_SAT_F64_S -> {
                stack[sp - 1] = Numerics.i64TruncSatS(asF64(stack[sp - 1]));
                return sp;
            }
            case I64_TRUNC_SAT_F64_U -> {
                stack[sp - 1] = Numerics.i64TruncSatU(asF64(stack[sp - 1]));
                return sp;
            }
            default -> throw new IllegalStateException("not a numeric instruction: " + OPCODES[opcode]);
        }
    }
}
