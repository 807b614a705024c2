package dev.sandpiper.compiler.classfile;

import java.util.Arrays;

/**
 * A position in one {@link Code}: jumped to by branches, switches and exception-table entries, and bound once with
 * {@link Code#place(Label)}. Forward references are patched when the label is placed.
 *
 * <p>A label also carries the operand-stack depth on entry: recorded from the first branch to it (or 1 for an
 * exception handler), or from the fall-through depth where it is placed.
 */
public final class Label {
    /** Bytecode offset, or -1 until placed. */
    int position = -1;
    /** Operand-stack depth on entry, or -1 while unknown. */
    int depth = -1;
    /** Registered as an exception handler by {@link Code#tryCatch}. */
    boolean handler;
    /** The code this label belongs to, set on first use. */
    Code owner;
    /** Pending forward references: triples (instruction offset, patch offset, width 2 or 4). */
    private int[] fixups = new int[0];
    private int fixupCount;

    public Label() {
    }

    /** Whether {@link Code#place(Label)} has bound this label. */
    public boolean isPlaced() {
        return position >= 0;
    }

    /** The bytecode offset of this label. */
    public int position() {
        if (position < 0) {
            throw new IllegalStateException("label not placed");
        }
        return position;
    }

    void addFixup(int instruction, int patch, int width) {
        if (fixupCount + 3 > fixups.length) {
            fixups = Arrays.copyOf(fixups, Math.max(12, fixups.length * 2));
        }
        fixups[fixupCount++] = instruction;
        fixups[fixupCount++] = patch;
        fixups[fixupCount++] = width;
    }

    int fixupCount() {
        return fixupCount / 3;
    }

    int fixupInstruction(int i) {
        return fixups[3 * i];
    }

    int fixupPatch(int i) {
        return fixups[3 * i + 1];
    }

    int fixupWidth(int i) {
        return fixups[3 * i + 2];
    }

    void clearFixups() {
        fixups = new int[0];
        fixupCount = 0;
    }
}
