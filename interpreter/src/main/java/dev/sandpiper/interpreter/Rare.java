package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;
import static dev.sandpiper.interpreter.numeric.Numerics.f64;

import dev.sandpiper.interpreter.code.Op;
import dev.sandpiper.interpreter.numeric.Numerics;

/**
 * Ops without immediates that the interpreter loop hands off to keep its own bytecode under the JIT's
 * limit: i64 comparisons, bit counts and rotations, float unary and min/max/copysign operators, and
 * conversions. Returns the new stack top.
 */
final class Rare {
    private static final long MASK32 = 0xFFFFFFFFL;
    private static final int F32_SIGN = 0x80000000;
    private static final long F64_SIGN = 0x8000000000000000L;

    private Rare() {}

    static int execute(int op, long[] stack, int sp) {
        int top = sp - 1;
        long a = stack[top];
        switch (op) {
            case Op.I32_CLZ -> {
                stack[sp - 1] = Integer.numberOfLeadingZeros((int) stack[sp - 1]);
                return sp;
            }
            case Op.I32_CTZ -> {
                stack[sp - 1] = Integer.numberOfTrailingZeros((int) stack[sp - 1]);
                return sp;
            }
            case Op.I32_POPCNT -> {
                stack[sp - 1] = Integer.bitCount((int) stack[sp - 1]);
                return sp;
            }
            case Op.I32_ROTL -> {
                sp--;
                stack[sp - 1] = Integer.rotateLeft((int) stack[sp - 1], (int) stack[sp]);
                return sp;
            }
            case Op.I32_ROTR -> {
                sp--;
                stack[sp - 1] = Integer.rotateRight((int) stack[sp - 1], (int) stack[sp]);
                return sp;
            }
            case Op.I64_EQZ -> {
                stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0;
                return sp;
            }
            case Op.I64_EQ -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] == stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_NE -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] != stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_LT_S -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] < stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_LT_U -> {
                sp--;
                stack[sp - 1] = Long.compareUnsigned(stack[sp - 1], stack[sp]) < 0 ? 1 : 0;
                return sp;
            }
            case Op.I64_GT_S -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] > stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_GT_U -> {
                sp--;
                stack[sp - 1] = Long.compareUnsigned(stack[sp - 1], stack[sp]) > 0 ? 1 : 0;
                return sp;
            }
            case Op.I64_LE_S -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] <= stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_LE_U -> {
                sp--;
                stack[sp - 1] = Long.compareUnsigned(stack[sp - 1], stack[sp]) <= 0 ? 1 : 0;
                return sp;
            }
            case Op.I64_GE_S -> {
                sp--;
                stack[sp - 1] = stack[sp - 1] >= stack[sp] ? 1 : 0;
                return sp;
            }
            case Op.I64_GE_U -> {
                sp--;
                stack[sp - 1] = Long.compareUnsigned(stack[sp - 1], stack[sp]) >= 0 ? 1 : 0;
                return sp;
            }
            case Op.I64_CLZ -> {
                stack[sp - 1] = Long.numberOfLeadingZeros(stack[sp - 1]);
                return sp;
            }
            case Op.I64_CTZ -> {
                stack[sp - 1] = Long.numberOfTrailingZeros(stack[sp - 1]);
                return sp;
            }
            case Op.I64_POPCNT -> {
                stack[sp - 1] = Long.bitCount(stack[sp - 1]);
                return sp;
            }
            case Op.I64_ROTL -> {
                sp--;
                stack[sp - 1] = Long.rotateLeft(stack[sp - 1], (int) stack[sp]);
                return sp;
            }
            case Op.I64_ROTR -> {
                sp--;
                stack[sp - 1] = Long.rotateRight(stack[sp - 1], (int) stack[sp]);
                return sp;
            }
            // f32: sign operations are bit operations and keep NaN payloads (spec: fneg, fabs, fcopysign)
            case Op.F32_ABS -> stack[top] = (int) a & ~F32_SIGN;
            case Op.F32_NEG -> stack[top] = (int) a ^ F32_SIGN;
            case Op.F32_CEIL -> stack[top] = Numerics.f32Ceil((int) a);
            case Op.F32_FLOOR -> stack[top] = Numerics.f32Floor((int) a);
            case Op.F32_TRUNC -> stack[top] = Numerics.f32Trunc((int) a);
            case Op.F32_NEAREST -> stack[top] = Numerics.f32Nearest((int) a);
            case Op.F32_SQRT -> stack[top] = Numerics.f32Sqrt((int) a);
            case Op.F32_MIN -> {
                stack[top - 1] = Numerics.f32Min((int) stack[top - 1], (int) a);
                return top;
            }
            case Op.F32_MAX -> {
                stack[top - 1] = Numerics.f32Max((int) stack[top - 1], (int) a);
                return top;
            }
            case Op.F32_COPYSIGN -> {
                stack[top - 1] = ((int) stack[top - 1] & ~F32_SIGN) | ((int) a & F32_SIGN);
                return top;
            }
            case Op.F64_ABS -> stack[top] = a & ~F64_SIGN;
            case Op.F64_NEG -> stack[top] = a ^ F64_SIGN;
            case Op.F64_CEIL -> stack[top] = Numerics.f64Ceil(a);
            case Op.F64_FLOOR -> stack[top] = Numerics.f64Floor(a);
            case Op.F64_TRUNC -> stack[top] = Numerics.f64Trunc(a);
            case Op.F64_NEAREST -> stack[top] = Numerics.f64Nearest(a);
            case Op.F64_SQRT -> stack[top] = Numerics.f64Sqrt(a);
            case Op.F64_MIN -> {
                stack[top - 1] = Numerics.f64Min(stack[top - 1], a);
                return top;
            }
            case Op.F64_MAX -> {
                stack[top - 1] = Numerics.f64Max(stack[top - 1], a);
                return top;
            }
            case Op.F64_COPYSIGN -> {
                stack[top - 1] = (stack[top - 1] & ~F64_SIGN) | (a & F64_SIGN);
                return top;
            }
            // float to integer, trapping
            case Op.I32_TRUNC_F32_S -> stack[top] = Numerics.i32TruncS(asF32((int) a));
            case Op.I32_TRUNC_F32_U -> stack[top] = Numerics.i32TruncU(asF32((int) a));
            case Op.I32_TRUNC_F64_S -> stack[top] = Numerics.i32TruncS(asF64(a));
            case Op.I32_TRUNC_F64_U -> stack[top] = Numerics.i32TruncU(asF64(a));
            case Op.I64_TRUNC_F32_S -> stack[top] = Numerics.i64TruncS(asF32((int) a));
            case Op.I64_TRUNC_F32_U -> stack[top] = Numerics.i64TruncU(asF32((int) a));
            case Op.I64_TRUNC_F64_S -> stack[top] = Numerics.i64TruncS(asF64(a));
            case Op.I64_TRUNC_F64_U -> stack[top] = Numerics.i64TruncU(asF64(a));
            // float to integer, saturating
            case Op.I32_TRUNC_SAT_F32_S -> stack[top] = Numerics.i32TruncSatS(asF32((int) a));
            case Op.I32_TRUNC_SAT_F32_U -> stack[top] = Numerics.i32TruncSatU(asF32((int) a));
            case Op.I32_TRUNC_SAT_F64_S -> stack[top] = Numerics.i32TruncSatS(asF64(a));
            case Op.I32_TRUNC_SAT_F64_U -> stack[top] = Numerics.i32TruncSatU(asF64(a));
            case Op.I64_TRUNC_SAT_F32_S -> stack[top] = Numerics.i64TruncSatS(asF32((int) a));
            case Op.I64_TRUNC_SAT_F32_U -> stack[top] = Numerics.i64TruncSatU(asF32((int) a));
            case Op.I64_TRUNC_SAT_F64_S -> stack[top] = Numerics.i64TruncSatS(asF64(a));
            case Op.I64_TRUNC_SAT_F64_U -> stack[top] = Numerics.i64TruncSatU(asF64(a));
            // integer to float: Java's conversions round to nearest, ties to even
            case Op.F32_CONVERT_I32_S -> stack[top] = Float.floatToRawIntBits((float) (int) a);
            case Op.F32_CONVERT_I32_U -> stack[top] = Float.floatToRawIntBits((float) (a & MASK32));
            case Op.F32_CONVERT_I64_S -> stack[top] = Float.floatToRawIntBits((float) a);
            case Op.F32_CONVERT_I64_U -> stack[top] = Numerics.f32ConvertI64U(a);
            case Op.F64_CONVERT_I32_S -> stack[top] = Double.doubleToRawLongBits((int) a);
            case Op.F64_CONVERT_I32_U -> stack[top] = Double.doubleToRawLongBits(a & MASK32);
            case Op.F64_CONVERT_I64_S -> stack[top] = Double.doubleToRawLongBits((double) a);
            case Op.F64_CONVERT_I64_U -> stack[top] = Numerics.f64ConvertI64U(a);
            case Op.F32_DEMOTE_F64 -> stack[top] = f32((float) asF64(a));
            case Op.F64_PROMOTE_F32 -> stack[top] = f64(asF32((int) a));
            default -> throw new IllegalStateException("no implementation for op " + Op.name(op));
        }
        return sp;
    }
}
