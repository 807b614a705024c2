package dev.sandpiper.interpreter.code;

import java.util.Arrays;

/**
 * The translator's model of the Wasm operand stack: one descriptor per operand saying where its
 * value is now. A <i>temp</i> is in its canonical slot (the frame slot of its stack position,
 * {@code localSlots + height}); a <i>local</i> is still in local slot {@code x} (a {@code local.get}
 * that has not been copied); a <i>constant</i> is known at translation time and has not been written
 * anywhere. Heights count slots (a v128 takes two), so an operand's canonical slot does not depend on
 * where the operands below it are.
 *
 * <p>Descriptors become temps ("materialise") through the translator's emitters: a move or a
 * constant into the canonical slot. The constant 0 never needs to be written: the frame has a slot
 * after the declared locals that is zeroed on entry and never written, the zero slot.
 */
final class Operands {
    private static final int TEMP = 0;
    private static final int LOCAL = 1;
    private static final int CONSTANT = 2;

    private int[] kind = new int[16];
    private long[] value = new long[16];
    private int[] width = new int[16];
    private int[] height = new int[16];
    private int size;
    private int localSlots;

    /**
     * Starts a function whose declared locals take {@code declared} slots; the zero slot follows
     * them, then the canonical slots.
     */
    void reset(int declared) {
        this.localSlots = declared + 1;
        size = 0;
    }

    /** Slots before the canonical ones: the declared locals and the zero slot. */
    int localSlots() {
        return localSlots;
    }

    /** The slot that always holds 0. */
    int zeroSlot() {
        return localSlots - 1;
    }

    int size() {
        return size;
    }

    /** Index of the top operand. */
    int top() {
        return size - 1;
    }

    void pop() {
        size--;
    }

    void truncate(int n) {
        size = n;
    }

    /** Pushes a temp of {@code w} slots; returns its canonical slot, where its producer writes it. */
    int pushTemp(int w) {
        push(TEMP, 0, w);
        return canonical(size - 1);
    }

    /** Pushes a {@code local.get} of the local at {@code slot}. */
    void pushLocal(int slot, int w) {
        push(LOCAL, slot, w);
    }

    /** Pushes a scalar constant, as its 64-bit slot value. */
    void pushConstant(long bits) {
        push(CONSTANT, bits, 1);
    }

    boolean isLocal(int e, int slot) {
        return kind[e] == LOCAL && value[e] == slot;
    }

    boolean isTemp(int e) {
        return kind[e] == TEMP;
    }

    boolean isConstant(int e) {
        return kind[e] == CONSTANT;
    }

    long constant(int e) {
        return value[e];
    }

    /** Slot holding operand {@code e}, which is not a constant. */
    int source(int e) {
        return kind[e] == LOCAL ? (int) value[e] : canonical(e);
    }

    /**
     * Slot holding operand {@code e}: the zero slot for the constant 0; another constant is written
     * to its canonical slot first.
     */
    int reg(int e, CodeTranslator t) {
        if (kind[e] == CONSTANT && value[e] == 0) {
            return zeroSlot();
        }
        if (kind[e] == CONSTANT) {
            t.emitConstant(canonical(e), value[e]);
            kind[e] = TEMP;
        }
        return source(e);
    }

    /** Materialises operands {@code from} to the top. */
    void materializeFrom(int from, CodeTranslator t) {
        for (int e = Math.max(from, 0); e < size; e++) {
            materialize(e, t);
        }
    }

    /**
     * Materialises every pending {@code local.get} of the local at {@code slot} but operand
     * {@code except}: the local is about to be written, and they must keep its old value.
     */
    void materializeLocal(int slot, int except, CodeTranslator t) {
        for (int e = 0; e < size; e++) {
            if (e != except && kind[e] == LOCAL && value[e] == slot) {
                materialize(e, t);
            }
        }
    }

    /** Height in slots (above the locals) of operand {@code e}; the total height when {@code e == size}. */
    int slotAt(int e) {
        return e < size ? height[e] : heightAbove();
    }

    /** Canonical slot just above the top operand. */
    int slotAbove() {
        return localSlots + heightAbove();
    }

    private int heightAbove() {
        return size == 0 ? 0 : height[size - 1] + width[size - 1];
    }

    private int canonical(int e) {
        return localSlots + height[e];
    }

    private void materialize(int e, CodeTranslator t) {
        if (kind[e] == CONSTANT) {
            t.emitConstant(canonical(e), value[e]);
        } else if (kind[e] == LOCAL) {
            t.emitMove(canonical(e), (int) value[e], width[e]);
        }
        kind[e] = TEMP;
    }

    private void push(int k, long v, int w) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            value = Arrays.copyOf(value, n);
            width = Arrays.copyOf(width, n);
            height = Arrays.copyOf(height, n);
        }
        int h = heightAbove();
        kind[size] = k;
        value[size] = v;
        width[size] = w;
        height[size] = h;
        size++;
    }
}
