package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.ValType;
import java.util.BitSet;
import java.util.List;

/**
 * The code of outlined regions ({@link Outliner}, {@link Region}) in a {@link FunctionTranslator}'s
 * translation: the call where a region stands, with its exit dispatch, and the entry and exits of a
 * region's own method. Exit codes: 0 off the region's end, {@code f + 1} for a branch to frame
 * {@code f} outside it (0, the function's: a return); the locals it wrote, then the exit's values,
 * in the context's results array; the fuel left in {@code Context.left}.
 */
final class RegionCode {
    private static final String CTX = JvmTypes.CONTEXT;
    private static final BitSet ONLY_FALL_THROUGH = BitSet.valueOf(new long[] {1});

    private final FunctionTranslator t;

    RegionCode(FunctionTranslator t) {
        this.t = t;
    }

    /**
     * The start of region {@code g}'s method, after the entry locals: no depth check (it is no
     * WebAssembly call), the frames outside it as exits, the block it starts in as charged by the
     * caller, its operands pushed. Returns the number of frames outside.
     */
    int enter(Region g, List<ValType> functionResults) {
        Code c = t.code();
        Frames frames = t.frames();
        frames.push(Frames.FUNC, List.of(), functionResults, new Label(), 0, 0);
        for (int f = 1; f < g.outer.size(); f++) {
            List<ValType> types = g.outer.get(f);
            frames.push(Frames.EXIT, types, types, new Label(), 0, 0);
        }
        t.fuel().startPrepaid(n -> { });
        int slot = 0;
        for (ValType v : g.block.params()) {
            char k = JvmTypes.kind(v);
            t.load(k, slot);
            t.stack.push(k);
            slot += JvmTypes.slots(k);
        }
        if (g.isIf) {
            c.local(ILOAD, slot);
            t.stack.push('I');
        }
        return g.outer.size();
    }

    /**
     * The end of region {@code g}'s method: it falls off its end (exit 0), charging the caller's rest
     * of the block; when no block ended inside, the caller charged the whole region and charges its
     * rest, and this only refunds it at a trap here.
     */
    void leave(Region g) {
        FuelBlocks fuel = t.fuel();
        g.boundless = fuel.firstCost() < 0;
        g.entryCost = g.boundless ? fuel.openCost() : fuel.firstCost();
        if (t.isLive()) {
            fuel.extend(g.tailExtra);
            exit(g, -1);
        }
    }

    /**
     * Leaves region {@code g}'s method to frame {@code f} outside it (-1: off its end), whose values
     * are on top of the stack: they and the written locals go to the results array, the fuel to the
     * context.
     */
    void exit(Region g, int f) {
        Code c = t.code();
        List<ValType> types = f < 0 ? g.block.results() : t.frames().labelTypes(f);
        int entry = g.writtenEntries;
        for (ValType v : types) {
            entry += JvmTypes.entries(JvmTypes.kind(v));
        }
        g.entries = Math.max(g.entries, entry);
        int temp = t.tempTop();
        c.reserveLocals(temp + 2);
        for (int i = types.size() - 1; i >= 0; i--) {
            char k = JvmTypes.kind(types.get(i));
            for (int e = JvmTypes.entries(k) - 1; e >= 0; e--) {
                boolean wide = k != 'I';
                c.local(wide ? LSTORE : ISTORE, temp);
                loadResults(--entry);
                c.local(wide ? LLOAD : ILOAD, temp);
                if (!wide) {
                    c.op(I2L);
                }
                c.op(LASTORE);
            }
        }
        int e = 0;
        for (int i : g.written) {
            char k = t.localKind(i);
            for (int half = 0; half < JvmTypes.entries(k); half++) {
                loadResults(e++);
                c.local(k == 'I' ? ILOAD : LLOAD, t.localSlot(i) + 2 * half);
                if (k == 'I') {
                    c.op(I2L);
                }
                c.op(LASTORE);
            }
        }
        t.loadContext();
        t.fuel().loadLeft();
        c.field(PUTFIELD, CTX, "left", "I");
        c.intConst(f + 1);
        c.op(IRETURN);
        g.exits.set(f + 1);
    }

    /**
     * Calls region {@code g}'s method where its instruction (just read from {@code r}) stands, skips
     * its instructions, reloads the locals it wrote and memory 0, and dispatches its exit code: off
     * its end continues here, in the block the region charged ({@link FuelBlocks#startPrepaid}); a
     * branch outside goes on as that branch.
     */
    void call(Region g, CodeReader r) {
        Code c = t.code();
        FuelBlocks fuel = t.fuel();
        Outliner.skipRegion(r);
        fuel.extend(g.entryCost);
        t.stack.pop(g.block.params().size() + (g.isIf ? 1 : 0));
        int below = t.stack.slotsBelow(0);
        for (int i : g.locals) {
            t.load(t.localKind(i), t.localSlot(i));
        }
        t.loadContext();
        c.local(ILOAD, t.depthSlot());
        fuel.loadLeft();
        c.invoke(INVOKESTATIC, t.owner(), g.name, g.descriptor);
        int code = t.scratch(1);
        c.local(ISTORE, code);
        t.loadContext();
        c.field(GETFIELD, CTX, "left", "I");
        fuel.storeLeft();
        t.cacheMemory();
        int entry = 0;
        for (int i : g.written) {
            char k = t.localKind(i);
            entry = JvmTypes.loadResult(c, t.contextSlot(), k, entry);
            t.store(k, t.localSlot(i));
        }
        BitSet exits = g.exits;
        if (exits.isEmpty()) {
            // The region never ends but by a trap.
            c.op(ACONST_NULL);
            c.op(ATHROW);
            t.setLive(false);
            return;
        }
        Label fall = new Label();
        if (!exits.equals(ONLY_FALL_THROUGH)) {
            dispatch(g, exits, code, below, fall);
        }
        if (exits.get(0)) {
            c.place(fall);
            c.stackDepth(below);
            pushResults(g.block.results(), g.writtenEntries);
            if (g.boundless) {
                // One block of the interpreter's runs on from before the region to after it: charged here.
                int at = fuel.openCost();
                fuel.whenClosed(n -> g.tailExtra = n - at);
            } else {
                fuel.startPrepaid(n -> g.tailExtra = n);
            }
        } else {
            t.setLive(false);
        }
    }

    /** Switches on the exit code in local {@code code}: each branch out goes on as that branch; 0 to {@code fall}. */
    private void dispatch(Region g, BitSet exits, int code, int below, Label fall) {
        Code c = t.code();
        int max = exits.length() - 1;
        Label[] targets = new Label[max + 1];
        Label dflt = exits.get(0) ? fall : null;
        for (int k = 0; k <= max; k++) {
            if (exits.get(k)) {
                targets[k] = k == 0 ? fall : new Label();
                dflt = dflt == null ? targets[k] : dflt;
            }
        }
        for (int k = 0; k <= max; k++) {
            targets[k] = targets[k] == null ? dflt : targets[k];
        }
        c.local(ILOAD, code);
        c.tableSwitch(0, max, dflt, targets);
        int height = t.stack.size();
        for (int k = 1; k <= max; k++) {
            if (exits.get(k)) {
                c.place(targets[k]);
                c.stackDepth(below);
                pushResults(t.frames().labelTypes(k - 1), g.writtenEntries);
                t.branch(k - 1);
                t.stack.truncate(height);
            }
        }
    }

    /** Pushes the context's results array and index {@code entry}. */
    private void loadResults(int entry) {
        t.loadContext();
        t.code().field(GETFIELD, CTX, "results", "[J");
        t.code().intConst(entry);
    }

    /** Pushes entries of the results array from {@code entry} on as values of {@code types}, tracked. */
    private void pushResults(List<ValType> types, int entry) {
        Code c = t.code();
        for (ValType v : types) {
            char k = JvmTypes.kind(v);
            entry = JvmTypes.loadResult(c, t.contextSlot(), k, entry);
            t.stack.push(k);
        }
    }
}
