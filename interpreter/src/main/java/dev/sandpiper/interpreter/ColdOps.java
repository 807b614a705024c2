package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.numeric.Numerics.asF32;
import static dev.sandpiper.interpreter.numeric.Numerics.asF64;
import static dev.sandpiper.interpreter.numeric.Numerics.f32;

import dev.sandpiper.interpreter.code.Op;

/**
 * Register-form ops that the interpreter loop hands off to keep its own bytecode under the JIT's
 * size limit: f32 arithmetic, float and i64 comparisons, i64 rotations, sign extensions, v128
 * moves and {@code memory.size}. Same operands and semantics as in the loop ({@link Op});
 * {@code pc} is the word after the op, and the result is the word after its immediates.
 */
final class ColdOps {

    private ColdOps() {}

    static int execute(int op, int[] code, int pc, long[] stack, int fp, Global[] globals, Memory memory) {
        switch (op) {
            case Op.F32_ADD -> {
                stack[fp + code[pc]] = f32(asF32((int) stack[fp + code[pc + 1]]) + asF32((int) stack[fp + code[pc + 2]]));
                return pc + 3;
            }
            case Op.F32_SUB -> {
                stack[fp + code[pc]] = f32(asF32((int) stack[fp + code[pc + 1]]) - asF32((int) stack[fp + code[pc + 2]]));
                return pc + 3;
            }
            case Op.F32_MUL -> {
                stack[fp + code[pc]] = f32(asF32((int) stack[fp + code[pc + 1]]) * asF32((int) stack[fp + code[pc + 2]]));
                return pc + 3;
            }
            case Op.F32_DIV -> {
                stack[fp + code[pc]] = f32(asF32((int) stack[fp + code[pc + 1]]) / asF32((int) stack[fp + code[pc + 2]]));
                return pc + 3;
            }
            case Op.F32_EQ -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) == asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F32_NE -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) != asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F32_LT -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) < asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F32_GT -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) > asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F32_LE -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) <= asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F32_GE -> {
                stack[fp + code[pc]] = asF32((int) stack[fp + code[pc + 1]]) >= asF32((int) stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_EQ -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) == asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_NE -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) != asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_LT -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) < asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_GT -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) > asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_LE -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) <= asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.F64_GE -> {
                stack[fp + code[pc]] = asF64(stack[fp + code[pc + 1]]) >= asF64(stack[fp + code[pc + 2]]) ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_EQ -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] == stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_NE -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] != stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LT_S -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] < stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LT_U -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], stack[fp + code[pc + 2]]) < 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GT_S -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] > stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GT_U -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], stack[fp + code[pc + 2]]) > 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LE_S -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] <= stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LE_U -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], stack[fp + code[pc + 2]]) <= 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GE_S -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] >= stack[fp + code[pc + 2]] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GE_U -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], stack[fp + code[pc + 2]]) >= 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_EQ_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] == (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_NE_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] != (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LT_S_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] < (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LT_U_C -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], (long) code[pc + 2]) < 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GT_S_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] > (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GT_U_C -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], (long) code[pc + 2]) > 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LE_S_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] <= (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_LE_U_C -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], (long) code[pc + 2]) <= 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GE_S_C -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] >= (long) code[pc + 2] ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_GE_U_C -> {
                stack[fp + code[pc]] = Long.compareUnsigned(stack[fp + code[pc + 1]], (long) code[pc + 2]) >= 0 ? 1 : 0;
                return pc + 3;
            }
            case Op.I64_EQZ -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] == 0 ? 1 : 0;
                return pc + 2;
            }
            case Op.I32_EXTEND8_S -> {
                stack[fp + code[pc]] = (byte) stack[fp + code[pc + 1]];
                return pc + 2;
            }
            case Op.I32_EXTEND16_S -> {
                stack[fp + code[pc]] = (short) stack[fp + code[pc + 1]];
                return pc + 2;
            }
            case Op.REF_AS_NON_NULL -> {
                long ref = stack[fp + code[pc + 1]];
                if (ref == Table.NULL) {
                    throw new TrapException(TrapKind.NULL_REFERENCE);
                }
                stack[fp + code[pc]] = ref;
                return pc + 2;
            }
            case Op.REF_IS_NULL -> {
                stack[fp + code[pc]] = stack[fp + code[pc + 1]] == Table.NULL ? 1 : 0;
                return pc + 2;
            }
            case Op.MOV2 -> {
                int d = fp + code[pc];
                int a = fp + code[pc + 1];
                stack[d] = stack[a];
                stack[d + 1] = stack[a + 1];
                return pc + 2;
            }
            case Op.GLOBAL_GET_WIDE -> {
                Global g = globals[code[pc + 1]];
                int d = fp + code[pc];
                stack[d] = g.value;
                stack[d + 1] = g.high;
                return pc + 2;
            }
            case Op.GLOBAL_SET_WIDE -> {
                Global g = globals[code[pc]];
                int a = fp + code[pc + 1];
                g.value = stack[a];
                g.high = stack[a + 1];
                return pc + 2;
            }
            case Op.SELECT_WIDE -> {
                int d = fp + code[pc];
                int a = fp + code[(int) stack[fp + code[pc + 3]] != 0 ? pc + 1 : pc + 2];
                stack[d] = stack[a];
                stack[d + 1] = stack[a + 1];
                return pc + 4;
            }
            case Op.MEMORY_SIZE -> {
                stack[fp + code[pc]] = memory.pages();
                return pc + 1;
            }
            case Op.I64_ROTL -> {
                stack[fp + code[pc]] = Long.rotateLeft(stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]);
                return pc + 3;
            }
            case Op.I64_ROTR -> {
                stack[fp + code[pc]] = Long.rotateRight(stack[fp + code[pc + 1]], (int) stack[fp + code[pc + 2]]);
                return pc + 3;
            }
            case Op.I64_ROTL_C -> {
                stack[fp + code[pc]] = Long.rotateLeft(stack[fp + code[pc + 1]], code[pc + 2]);
                return pc + 3;
            }
            case Op.I64_ROTR_C -> {
                stack[fp + code[pc]] = Long.rotateRight(stack[fp + code[pc + 1]], code[pc + 2]);
                return pc + 3;
            }
            case Op.CATCHES -> {
                return pc + code[pc]; // a handler table, read only when an exception unwinds (Exceptions)
            }
            default -> throw new IllegalStateException("no implementation for op " + Op.name(op));
        }
    }
}
