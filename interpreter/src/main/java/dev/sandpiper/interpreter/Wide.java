package dev.sandpiper.interpreter;

import dev.sandpiper.interpreter.code.Op;

/**
 * Moves of two-slot (v128) values between the stack and locals or globals, handed off by the
 * interpreter loop to keep its bytecode small. Returns the new stack top.
 */
final class Wide {
    private Wide() {}

    static int execute(int op, int index, long[] stack, int sp, int fp, Global[] globals) {
        switch (op) {
            case Op.LOCAL_GET_WIDE -> {
                stack[sp] = stack[fp + index];
                stack[sp + 1] = stack[fp + index + 1];
                return sp + 2;
            }
            case Op.LOCAL_SET_WIDE -> {
                stack[fp + index] = stack[sp - 2];
                stack[fp + index + 1] = stack[sp - 1];
                return sp - 2;
            }
            case Op.LOCAL_TEE_WIDE -> {
                stack[fp + index] = stack[sp - 2];
                stack[fp + index + 1] = stack[sp - 1];
                return sp;
            }
            case Op.GLOBAL_GET_WIDE -> {
                Global g = globals[index];
                stack[sp] = g.value;
                stack[sp + 1] = g.high;
                return sp + 2;
            }
            case Op.GLOBAL_SET_WIDE -> {
                Global g = globals[index];
                g.high = stack[sp - 1];
                g.value = stack[sp - 2];
                return sp - 2;
            }
            default -> throw new IllegalStateException("no implementation for op " + Op.name(op));
        }
    }
}
