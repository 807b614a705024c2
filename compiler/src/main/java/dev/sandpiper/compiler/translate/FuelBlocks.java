package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuel in a generated function, with the interpreter's basic blocks and counts
 * ({@code interpreter/README.md}, Fuel). The fuel left before the next poll is an {@code int} local.
 * Every basic block subtracts its cost ({@code iinc}); the poll points, a function's entry and loop
 * heads, also test it ({@code iload, iflt}) and, when it is negative, poll the budget, the deadline
 * and the interrupt flag out of line, as the interpreter does at the same blocks: only there can
 * fuel run out. No call on the fast path, so nothing is taken from HotSpot's inlining budget. A block's cost is known only when it closes, so the constant is patched
 * in then.
 *
 * <p>Every instruction that can trap is a <em>site</em>: an exception-table range whose handler sets
 * the store's fuel, adding back the rest of the block (charged, not executed), names the frame in
 * the trap and rethrows. Nothing runs on the fast path for this.
 */
final class FuelBlocks {
    private static final String TRAP = "dev/sandpiper/interpreter/TrapException";
    private static final String SUPPORT = "dev/sandpiper/interpreter/TierSupport";
    private static final String RUNTIME = "dev/sandpiper/compiler/runtime/Runtime";
    private static final String STORE = "Ldev/sandpiper/interpreter/Store;";

    private record Site(Label start, Label end, int costAt, boolean call) {}

    /** A block's poll: where its check jumps, where it resumes, and (once closed) its cost. */
    private static final class Stub {
        final Label slow;
        final Label resume;
        int cost;

        Stub(Label slow, Label resume) {
            this.slow = slow;
            this.resume = resume;
        }
    }

    /** A block's cost does not fit a plain {@code iinc}: translate the function again with wide ones. */
    static final class WideChargesNeeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WideChargesNeeded() {
            super(null, null, false, false);
        }
    }

    /** The largest block cost a {@code wide iinc} can subtract. */
    static final int MAX_BLOCK_COST = 32767;

    private final Code c;
    private final int ctxSlot;
    private final int leftSlot;
    private final int refundSlot;
    private final String frame;

    private boolean open;
    private int cost;
    private final List<Integer> costPatches = new ArrayList<>();
    /** Plain {@code iinc}s (3 bytes, costs up to 128) of blocks that are not poll points. */
    private final List<Integer> shortPatches = new ArrayList<>();
    private final List<Stub> stubs = new ArrayList<>();
    private int firstOpenStub;
    private final List<Site> blockSites = new ArrayList<>();
    /** Handlers by refund and kind (call or not), each with its ranges. */
    private final Map<Long, List<Label[]>> handlers = new LinkedHashMap<>();

    private final boolean counting;
    private final boolean compact;
    private final boolean wideCharges;
    private boolean pollOnly;

    FuelBlocks(Code c, int ctxSlot, int leftSlot, int refundSlot, String frame, boolean counting, boolean compact,
            boolean wideCharges) {
        this.counting = counting;
        this.compact = compact;
        this.wideCharges = wideCharges;
        this.c = c;
        this.ctxSlot = ctxSlot;
        this.leftSlot = leftSlot;
        this.refundSlot = refundSlot;
        this.frame = frame;
    }

    /**
     * Opens a basic block here, its cost patched in at {@link #close}. A {@code pollPoint} (a loop
     * head or the function's entry) checks: {@code left -= cost; if (left < 0) stub}, the stub (the
     * poll of fuel, deadline and interrupt flag) written after the code; any other block only
     * subtracts. Without counting, only poll points are charged, 1 each, so the deadline and
     * interrupt flag are still polled on every path that can run long.
     */
    void start(boolean pollPoint) {
        close();
        open = true;
        cost = 0;
        pollOnly = !counting;
        if (!pollPoint) {
            // Spec of the engine's fuel (interpreter/README.md): only poll points can run out, so
            // any other block just subtracts its cost, one instruction.
            if (counting) {
                if (wideCharges || leftSlot > 255) {
                    costPatches.add(c.iincPlaceholder(leftSlot));
                } else {
                    shortPatches.add(c.iincShortPlaceholder(leftSlot));
                }
            }
            return;
        }
        if (compact) {
            // left = Runtime.charge(left, cost, ctx): 12 bytes, for functions that would otherwise
            // pass HotSpot's compile limit; HotSpot inlines it while its inlining budget lasts.
            c.local(ILOAD, leftSlot);
            costPatches.add(-c.sipushPlaceholder());
            c.local(ALOAD, ctxSlot);
            c.invoke(INVOKESTATIC, RUNTIME, "charge", "(IIL" + JvmTypes.CONTEXT + ";)I");
            c.local(ISTORE, leftSlot);
            return;
        }
        costPatches.add(c.iincPlaceholder(leftSlot));
        c.local(ILOAD, leftSlot);
        Label slow = new Label();
        Label resume = new Label();
        c.jump(IFLT, slow);
        c.place(resume);
        stubs.add(new Stub(slow, resume));
    }

    /** Counts one instruction of the open block. */
    void cost() {
        cost++;
    }

    /** Marks the start of an instruction that may trap; pass the label to {@link #endSite}. */
    Label startSite() {
        Label start = new Label();
        c.place(start);
        return start;
    }

    /** Ends a trapping instruction begun at {@code start}; {@code call} when the trap may come from a callee. */
    void endSite(Label start, boolean call) {
        Label end = new Label();
        c.place(end);
        blockSites.add(new Site(start, end, cost, call));
    }

    /** Closes the open block: its cost is now known. */
    void close() {
        if (!open) {
            return;
        }
        open = false;
        int charged = pollOnly ? 1 : cost;
        if (charged > MAX_BLOCK_COST) {
            throw new Unsupported("a basic block of " + cost + " instructions");
        }
        for (int at : costPatches) {
            // iinc deltas are patched negative; sipush placeholders are recorded as -offset.
            c.patchU2(Math.abs(at), at < 0 ? charged : -charged);
        }
        costPatches.clear();
        if (!shortPatches.isEmpty() && charged > 128) {
            throw new WideChargesNeeded();
        }
        for (int at : shortPatches) {
            c.patchU1(at, -charged);
        }
        shortPatches.clear();
        for (int i = firstOpenStub; i < stubs.size(); i++) {
            stubs.get(i).cost = charged;
        }
        firstOpenStub = stubs.size();
        for (Site s : blockSites) {
            long key = ((long) (cost - s.costAt()) << 1) | (s.call() ? 1 : 0);
            handlers.computeIfAbsent(key, k -> new ArrayList<>()).add(new Label[] {s.start(), s.end()});
        }
        blockSites.clear();
    }

    /**
     * Writes the trap handlers after the function's code: each loads its refund and jumps to one of
     * two shared tails (a trap raised here, or passing through a call), which fix the store's fuel
     * and rethrow.
     */
    void finish() {
        close();
        for (Stub s : stubs) {
            c.place(s.slow);
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
            c.local(ILOAD, leftSlot);
            c.intConst(s.cost);
            c.invoke(INVOKESTATIC, SUPPORT, "charge", "(" + STORE + "II)I");
            c.local(ISTORE, leftSlot);
            c.jump(GOTO, s.resume);
        }
        Label here = new Label();
        Label below = new Label();
        boolean[] used = new boolean[2];
        for (Map.Entry<Long, List<Label[]>> e : handlers.entrySet()) {
            int refund = (int) (e.getKey() >>> 1);
            boolean call = (e.getKey() & 1) != 0;
            Label handler = new Label();
            for (Label[] range : e.getValue()) {
                // A call also catches the StackOverflowError of a callee that could not start.
                c.tryCatch(range[0], range[1], handler, call ? null : TRAP);
            }
            c.place(handler);
            c.intConst(refund);
            c.jump(GOTO, call ? below : here);
            used[call ? 1 : 0] = true;
        }
        if (used[0]) {
            tail(here, "trapHere");
        }
        if (used[1]) {
            tail(below, "trapBelow");
        }
    }

    /**
     * A shared handler tail: with the exception and the refund on the stack, fixes the store's fuel
     * through {@code TierSupport.method} (trapHere or trapBelow) and rethrows what it returns.
     */
    private void tail(Label at, String method) {
        c.place(at);
        c.local(ISTORE, refundSlot);
        c.local(ALOAD, ctxSlot);
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
        c.local(ILOAD, leftSlot);
        c.local(ILOAD, refundSlot);
        c.stringConst(frame);
        c.invoke(INVOKESTATIC, SUPPORT, method,
                "(Ljava/lang/Throwable;" + STORE + "IILjava/lang/String;)Ljava/lang/Throwable;");
        c.op(ATHROW);
    }
}
