package dev.sandpiper.compiler.translate;

import java.util.Arrays;

/** The JVM kinds ('I', 'J' or 'Q' for a v128, see {@link JvmTypes}) of the operands on the stack during a translation. */
final class OperandTypes {
    private char[] kinds = new char[64];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void push(char kind) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        kinds[size++] = kind;
    }

    char pop() {
        return kinds[--size];
    }

    void pop(int n) {
        size -= n;
    }

    /** The kind {@code i} below the top (0 is the top). */
    char peek(int i) {
        return kinds[size - 1 - i];
    }

    void truncate(int newSize) {
        size = newSize;
    }

    /** JVM slots taken by all operands but the top {@code n}. */
    int slotsBelow(int n) {
        int slots = 0;
        for (int i = 0; i < size - n; i++) {
            slots += JvmTypes.slots(kinds[i]);
        }
        return slots;
    }
}
