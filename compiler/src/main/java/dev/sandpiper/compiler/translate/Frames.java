package dev.sandpiper.compiler.translate;

import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The control stack of a translation (spec 2.0, Validation > Instructions > Control Instructions):
 * per open {@code block}, {@code loop}, {@code if} and the function itself, its kind, types, branch
 * label, the operand count and JVM slots below its base, and whether anything branched to its end.
 */
final class Frames {
    static final int FUNC = 0;
    static final int BLOCK = 1;
    static final int LOOP = 2;
    static final int IF = 3;
    /**
     * In an outlined region's method ({@link Outliner}): a label outside the region; a branch to it
     * leaves the method with that label's exit code.
     */
    static final int EXIT = 4;

    private static final class Frame {
        int kind;
        List<ValType> params;
        List<ValType> results;
        Label label;
        Label elseLabel;
        int height;
        int baseSlots;
        boolean branched;
        /** Where a {@code block}, {@code loop} or {@code if} starts in the module's bytes, and in the code ({@link Outliner}); -1: not measured. */
        int source = -1;
        int codeAt;
    }

    private final List<Frame> frames = new ArrayList<>();

    void clear() {
        frames.clear();
    }

    int depth() {
        return frames.size();
    }

    /** Opens a frame; returns its index. {@code label} is the loop's head, else the end. */
    int push(int kind, List<ValType> params, List<ValType> results, Label label, int height, int baseSlots) {
        Frame f = new Frame();
        f.kind = kind;
        f.params = params;
        f.results = results;
        f.label = label;
        f.height = height;
        f.baseSlots = baseSlots;
        frames.add(f);
        return frames.size() - 1;
    }

    /** Notes where the innermost frame's instruction starts, to measure its code at its end ({@link Outliner}). */
    void measure(int source, int codeAt) {
        Frame f = frames.get(frames.size() - 1);
        f.source = source;
        f.codeAt = codeAt;
    }

    /** Where frame {@code f}'s instruction starts in the module's bytes, or -1. */
    int source(int f) {
        return frames.get(f).source;
    }

    /** Where frame {@code f}'s code starts. */
    int codeAt(int f) {
        return frames.get(f).codeAt;
    }

    void pop() {
        frames.remove(frames.size() - 1);
    }

    int innermost() {
        return frames.size() - 1;
    }

    /** The frame a branch to relative label {@code depth} targets. */
    int frameOfLabel(int depth) {
        return frames.size() - 1 - depth;
    }

    int kind(int f) {
        return frames.get(f).kind;
    }

    List<ValType> params(int f) {
        return frames.get(f).params;
    }

    List<ValType> results(int f) {
        return frames.get(f).results;
    }

    /** The values a branch to frame {@code f} carries: a loop's parameters, else its results. */
    List<ValType> labelTypes(int f) {
        Frame fr = frames.get(f);
        return fr.kind == LOOP ? fr.params : fr.results;
    }

    Label label(int f) {
        return frames.get(f).label;
    }

    int height(int f) {
        return frames.get(f).height;
    }

    int baseSlots(int f) {
        return frames.get(f).baseSlots;
    }

    /** Notes a branch to the end of frame {@code f}; branches to a loop go to its head instead. */
    void markBranched(int f) {
        Frame fr = frames.get(f);
        if (fr.kind != LOOP) {
            fr.branched = true;
        }
    }

    boolean branched(int f) {
        return frames.get(f).branched;
    }

    Label elseLabel(int f) {
        return frames.get(f).elseLabel;
    }

    void setElse(int f, Label label) {
        frames.get(f).elseLabel = label;
    }

    void clearElse(int f) {
        frames.get(f).elseLabel = null;
    }
}
