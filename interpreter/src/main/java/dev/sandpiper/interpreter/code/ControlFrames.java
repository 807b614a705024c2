package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * The control stack of the {@link CodeTranslator} (spec 2.0 3.3.5, the contexts' labels): one frame
 * per enclosing {@code block}, {@code loop}, {@code if}/{@code else} and the function body itself,
 * frame 0. Frames are numbered from the outside in; a branch of label {@code l} targets frame
 * {@code depth() - 1 - l}.
 *
 * <p>Each frame keeps what lowering a branch to it needs: its kind, a loop's start (the {@code n}
 * word of its {@code FUEL}), the chain of branches waiting for its end ({@link CodeBuffer#chain}),
 * an {@code if}'s open jump to its else-arm, the operand count and slot height at its base, and its
 * block type.
 */
final class ControlFrames {
    static final int BLOCK = 0;
    static final int LOOP = 1;
    static final int IF = 2;
    static final int ELSE = 3;
    static final int FUNC = 4;
    /** A legacy {@code try} before its first catch (3.0 appendix); a {@code try_table} is a BLOCK. */
    static final int TRY = 5;
    /** A legacy {@code catch} or {@code catch_all} arm: its first slot holds the caught exception. */
    static final int CATCH = 6;

    private int[] kind = new int[16];
    private int[] start = new int[16];
    private int[] fixups = new int[16];
    private int[] elseJump = new int[16];
    private int[] base = new int[16];
    private int[] height = new int[16];
    private FuncType[] type = new FuncType[16];
    private int depth;

    void reset() {
        depth = 0;
    }

    int depth() {
        return depth;
    }

    /** The frame a branch of label {@code label} targets. */
    int frameOfLabel(int label) {
        return depth - 1 - label;
    }

    /** The innermost frame. */
    int innermost() {
        return depth - 1;
    }

    /**
     * Opens a frame whose operands start at operand {@code base} (the block's parameters included),
     * slot height {@code height}.
     */
    void push(int frameKind, FuncType blockType, int loopStart, int base, int height) {
        if (depth == kind.length) {
            int n = depth * 2;
            kind = Arrays.copyOf(kind, n);
            start = Arrays.copyOf(start, n);
            fixups = Arrays.copyOf(fixups, n);
            elseJump = Arrays.copyOf(elseJump, n);
            this.base = Arrays.copyOf(this.base, n);
            this.height = Arrays.copyOf(this.height, n);
            type = Arrays.copyOf(type, n);
        }
        kind[depth] = frameKind;
        start[depth] = loopStart;
        fixups[depth] = CodeBuffer.OPEN;
        elseJump[depth] = CodeBuffer.OPEN;
        this.base[depth] = base;
        this.height[depth] = height;
        type[depth] = blockType;
        depth++;
    }

    void pop() {
        depth--;
    }

    int kind(int c) {
        return kind[c];
    }

    /** The legacy {@code try} (or catch arm) at {@code c} has reached a {@code catch} or {@code catch_all}. */
    void toCatch(int c) {
        kind[c] = CATCH;
    }

    /** The {@code if} at {@code c} has reached its {@code else}. */
    void toElse(int c) {
        kind[c] = ELSE;
    }

    int loopStart(int c) {
        return start[c];
    }

    /** Head of the chain of branches to the end of frame {@code c}, or {@link CodeBuffer#OPEN}. */
    int fixups(int c) {
        return fixups[c];
    }

    void setFixups(int c, int head) {
        fixups[c] = head;
    }

    /** The open target word of an {@code if}'s jump to its else-arm, or {@link CodeBuffer#OPEN}. */
    int elseJump(int c) {
        return elseJump[c];
    }

    void setElseJump(int c, int at) {
        elseJump[c] = at;
    }

    /** Index of the first operand of frame {@code c}. */
    int base(int c) {
        return base[c];
    }

    /** Slot height (above the locals) where frame {@code c}'s operands start; 0 for the function. */
    int height(int c) {
        return height[c];
    }

    FuncType type(int c) {
        return type[c];
    }

    /** The values a branch to frame {@code c} carries: a loop's parameters, else the results. */
    List<ValType> labelTypes(int c) {
        return kind[c] == LOOP ? type[c].params() : type[c].results();
    }
}
