package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.Opcode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@link Op} a Wasm instruction lowers to, where the choice is a table: the register forms
 * of the common binary and unary numeric operators ({@code [op d a b]}, and {@code [opC d a c]} with
 * a 32-bit constant), the width-classed loads and stores, and which stack-form numerics trap.
 * Numeric operators not in these tables run in stack form ({@link Op#NUMERIC}).
 */
final class OpSelection {
    private OpSelection() {}

    /** By Opcode ordinal: the register-form op {@code [op d a b]}, or -1. */
    private static final int[] BINARY = new int[Opcode.values().length];
    /** By Opcode ordinal: the constant form {@code [opC d a c]}, or -1. */
    private static final int[] BINARY_C = new int[Opcode.values().length];
    /** By Opcode ordinal: the register-form op {@code [op d a]}, or -1. */
    private static final int[] UNARY = new int[Opcode.values().length];
    private static final Set<Opcode> COMMUTATIVE = EnumSet.of(Opcode.I32_ADD, Opcode.I32_MUL, Opcode.I32_AND,
            Opcode.I32_OR, Opcode.I32_XOR, Opcode.I32_EQ, Opcode.I32_NE, Opcode.I64_ADD, Opcode.I64_AND, Opcode.I64_OR,
            Opcode.I64_XOR, Opcode.I64_EQ, Opcode.I64_NE);

    static {
        Arrays.fill(BINARY, -1);
        Arrays.fill(BINARY_C, -1);
        Arrays.fill(UNARY, -1);
        // Each list is in the order of its ops in Op, from the first one on.
        Opcode[] i32 = {Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_AND, Opcode.I32_OR, Opcode.I32_XOR,
            Opcode.I32_SHL, Opcode.I32_SHR_S, Opcode.I32_SHR_U, Opcode.I32_ROTL, Opcode.I32_ROTR, Opcode.I32_EQ,
            Opcode.I32_NE, Opcode.I32_LT_S, Opcode.I32_LT_U, Opcode.I32_GT_S, Opcode.I32_GT_U, Opcode.I32_LE_S,
            Opcode.I32_LE_U, Opcode.I32_GE_S, Opcode.I32_GE_U};
        fill(BINARY, i32, Op.I32_ADD);
        fill(BINARY_C, i32, Op.I32_ADD_C);
        Opcode[] i64 = {Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_MUL, Opcode.I64_AND, Opcode.I64_OR, Opcode.I64_XOR,
            Opcode.I64_SHL, Opcode.I64_SHR_S, Opcode.I64_SHR_U, Opcode.I64_ROTL, Opcode.I64_ROTR, Opcode.I64_EQ,
            Opcode.I64_NE, Opcode.I64_LT_S, Opcode.I64_LT_U, Opcode.I64_GT_S, Opcode.I64_GT_U, Opcode.I64_LE_S,
            Opcode.I64_LE_U, Opcode.I64_GE_S, Opcode.I64_GE_U};
        fill(BINARY, i64, Op.I64_ADD);
        // The i64 constant forms: all but i64.mul (there is no I64_MUL_C).
        Opcode[] i64c = {Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_AND, Opcode.I64_OR, Opcode.I64_XOR,
            Opcode.I64_SHL, Opcode.I64_SHR_S, Opcode.I64_SHR_U, Opcode.I64_ROTL, Opcode.I64_ROTR, Opcode.I64_EQ,
            Opcode.I64_NE, Opcode.I64_LT_S, Opcode.I64_LT_U, Opcode.I64_GT_S, Opcode.I64_GT_U, Opcode.I64_LE_S,
            Opcode.I64_LE_U, Opcode.I64_GE_S, Opcode.I64_GE_U};
        fill(BINARY_C, i64c, Op.I64_ADD_C);
        Opcode[] floats = {Opcode.F32_ADD, Opcode.F32_SUB, Opcode.F32_MUL, Opcode.F32_DIV, Opcode.F32_EQ,
            Opcode.F32_NE, Opcode.F32_LT, Opcode.F32_GT, Opcode.F32_LE, Opcode.F32_GE, Opcode.F64_ADD, Opcode.F64_SUB,
            Opcode.F64_MUL, Opcode.F64_DIV, Opcode.F64_EQ, Opcode.F64_NE, Opcode.F64_LT, Opcode.F64_GT, Opcode.F64_LE,
            Opcode.F64_GE};
        fill(BINARY, floats, Op.F32_ADD);
        UNARY[Opcode.I32_EQZ.ordinal()] = Op.I32_EQZ;
        UNARY[Opcode.I64_EQZ.ordinal()] = Op.I64_EQZ;
        UNARY[Opcode.I32_WRAP_I64.ordinal()] = Op.I32_WRAP_I64;
        // Sign extension of the low bits gives the same bits whether the operand is an i32 or an i64.
        UNARY[Opcode.I32_EXTEND8_S.ordinal()] = Op.I32_EXTEND8_S;
        UNARY[Opcode.I64_EXTEND8_S.ordinal()] = Op.I32_EXTEND8_S;
        UNARY[Opcode.I32_EXTEND16_S.ordinal()] = Op.I32_EXTEND16_S;
        UNARY[Opcode.I64_EXTEND16_S.ordinal()] = Op.I32_EXTEND16_S;
        UNARY[Opcode.I64_EXTEND_I32_S.ordinal()] = Op.I64_EXTEND_I32_S;
        UNARY[Opcode.I64_EXTEND32_S.ordinal()] = Op.I64_EXTEND_I32_S;
        UNARY[Opcode.I64_EXTEND_I32_U.ordinal()] = Op.I64_EXTEND_I32_U;
    }

    private static void fill(int[] table, Opcode[] ops, int first) {
        for (int i = 0; i < ops.length; i++) {
            table[ops[i].ordinal()] = first + i;
        }
    }

    /** The register-form op of a binary operator ({@code [op d a b]}), or -1 (stack form). */
    static int binary(Opcode op) {
        return BINARY[op.ordinal()];
    }

    /** The constant form of a binary operator ({@code [opC d a c]}), or -1 when it has none. */
    static int binaryConstant(Opcode op) {
        return BINARY_C[op.ordinal()];
    }

    /** The register-form op of a unary operator ({@code [op d a]}), or -1 (stack form). */
    static int unary(Opcode op) {
        return UNARY[op.ordinal()];
    }

    /** Whether the operands of a binary operator with a constant form may swap. */
    static boolean commutative(Opcode op) {
        return COMMUTATIVE.contains(op);
    }

    /** Whether an i32 comparison: its result may fuse into the branch it feeds. */
    static boolean isI32Compare(Opcode op) {
        return op.compareTo(Opcode.I32_EQ) >= 0 && op.compareTo(Opcode.I32_GE_U) <= 0;
    }

    /** Whether a numeric instruction in stack form can trap (division, remainder, float truncation). */
    static boolean canTrap(Opcode op) {
        return switch (op) {
            case I32_DIV_S, I32_DIV_U, I32_REM_S, I32_REM_U, I64_DIV_S, I64_DIV_U, I64_REM_S, I64_REM_U,
                    I32_TRUNC_F32_S, I32_TRUNC_F32_U, I32_TRUNC_F64_S, I32_TRUNC_F64_U,
                    I64_TRUNC_F32_S, I64_TRUNC_F32_U, I64_TRUNC_F64_S, I64_TRUNC_F64_U -> true;
            default -> false;
        };
    }

    /** The load op for a Wasm load: by width and extension; the value type does not matter. */
    static int load(Opcode op) {
        return switch (op) {
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> Op.LOAD32;
            case I64_LOAD, F64_LOAD -> Op.LOAD64;
            case I32_LOAD8_S, I64_LOAD8_S -> Op.LOAD8_S;
            case I32_LOAD8_U, I64_LOAD8_U -> Op.LOAD8_U;
            case I32_LOAD16_S, I64_LOAD16_S -> Op.LOAD16_S;
            case I32_LOAD16_U, I64_LOAD16_U -> Op.LOAD16_U;
            case I64_LOAD32_U -> Op.LOAD32_U;
            default -> throw new IllegalStateException("not a load: " + op);
        };
    }

    /** The store op for a Wasm store: by width. */
    static int store(Opcode op) {
        return switch (op) {
            case I32_STORE, F32_STORE, I64_STORE32 -> Op.STORE32;
            case I64_STORE, F64_STORE -> Op.STORE64;
            case I32_STORE8, I64_STORE8 -> Op.STORE8;
            case I32_STORE16, I64_STORE16 -> Op.STORE16;
            default -> throw new IllegalStateException("not a store: " + op);
        };
    }
}
