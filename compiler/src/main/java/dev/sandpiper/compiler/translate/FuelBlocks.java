package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuel in a generated function, with the interpreter's basic blocks and counts
 * ({@code interpreter/README.md}, Fuel). The fuel left before the next poll is an {@code int} local.
 * Under a {@link FuelPlan} the charges sit on the edges between blocks and that local is the fuel
 * plus the current block's potential; without one, every basic block subtracts its cost
 * ({@code iinc}). The poll points, a function's entry and loop heads, also test it and, when the
 * fuel is negative, poll the budget, the deadline and the interrupt flag out of line, as the
 * interpreter does at the same blocks: only there can fuel run out. No call on the fast path, so
 * nothing is taken from HotSpot's inlining budget. Without a plan a block's cost is known only when
 * it closes, so the constant is patched in then.
 *
 * <p>Every instruction that can trap is a <em>site</em>: an exception-table range whose handler sets
 * the store's fuel, adding back the rest of the block (charged, not executed), names the frame in
 * the trap and rethrows. Nothing runs on the fast path for this.
 *
 * <p>Inside a {@code try} body (3.0, {@link ExceptionInstructions}), a call or a throw also has an
 * entry for {@code ThrownException} before its trap entry, whose handler makes {@code left} the
 * exact fuel (adding back the rest of the block, as the interpreter refunds the catching frame) and
 * jumps to the body's {@link Catcher}. That dispatch is {@link #outOfLine} code: potential 0, its
 * branches into blocks {@link #edge}s from exact fuel.
 */
final class FuelBlocks {
    private static final String TRAP = "dev/sandpiper/interpreter/TrapException";
    private static final String THROWN = "dev/sandpiper/interpreter/ThrownException";
    private static final String SUPPORT = "dev/sandpiper/interpreter/TierSupport";
    private static final String RUNTIME = "dev/sandpiper/compiler/runtime/Runtime";
    private static final String STORE = "Ldev/sandpiper/interpreter/Store;";

    /** Site kinds: an instruction that may trap, a call, a throw (3.0: {@code throw}, {@code throw_ref}, {@code rethrow}). */
    private static final int TRAPS = 0;
    private static final int CALLS = 1;
    private static final int THROWS = 2;

    /** A trap site; {@code catcher} is the dispatch of the exception handlers around it, or null. */
    private record Site(Label start, Label end, int costAt, int kind, int phi, Catcher catcher) {}

    /**
     * The handlers of a {@code try_table} or legacy {@code try} around the sites of its body
     * ({@link ExceptionInstructions}): a WebAssembly exception raised by a throw or call there goes
     * to {@code dispatch} with the exception in local {@code slot}, the JVM stack empty and the exact
     * fuel in {@code left}, after its site's handler added back the rest of the block.
     */
    record Catcher(Label dispatch, int slot) {}

    /** A block's poll: where its check jumps, where it resumes, its potential and (once closed) its cost. */
    private static final class Stub {
        final Label slow;
        final Label resume;
        final int phi;
        int cost;

        Stub(Label slow, Label resume, int phi) {
            this.slow = slow;
            this.resume = resume;
            this.phi = phi;
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
    /** Handlers by refund and kind (0 a trap here, 1 a call, 2 a throw), each with its ranges. */
    private final Map<List<Integer>, List<Label[]>> handlers = new LinkedHashMap<>();
    /** Exception handlers of sites inside {@code try} bodies: by kind, refund and catcher, each with its ranges. */
    private final Map<List<Object>, List<Label[]>> catches = new LinkedHashMap<>();
    /** The handlers around the code being translated, or null. */
    private Catcher catcher;
    /** Catchers some site went to. */
    private final Set<Catcher> caught = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Emitting code after the function's blocks, where {@code left} is the exact fuel (an exception's dispatch). */
    private boolean outOfLine;

    private final boolean counting;
    private final boolean compact;
    private final boolean wideCharges;
    private boolean pollOnly;

    /** Recording the blocks and branches (the first of two translations, whose code is discarded), or null. */
    private final FuelPlan.Recorder recorder;
    /** Charging on the edges as planned (the second translation), or null: every block charges itself. */
    private final FuelPlan plan;
    /** The open (or last) block's number, in code order, and the next branch's. */
    private int block = -1;
    private int edge;
    /** {@code left - fuel} in the current block ({@link FuelPlan}); 0 without a plan. */
    private int phi;
    /** Outlined regions ({@link Outliner}): the cost of the first block closed (-1: none yet), and where a prepaid block's cost goes. */
    private int firstCost = -1;
    private final List<java.util.function.IntConsumer> closing = new ArrayList<>();

    /**
     * With a {@code recorder}, emits no fuel code and records the function's blocks and branches; with
     * a {@code plan} (from that recording), charges on the edges ({@link FuelPlan}).
     */
    FuelBlocks(Code c, int ctxSlot, int leftSlot, int refundSlot, String frame, boolean counting, boolean compact,
            boolean wideCharges, FuelPlan.Recorder recorder, FuelPlan plan) {
        this.recorder = recorder;
        this.plan = plan;
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
    void start(boolean pollPoint, boolean fallsThrough, Label... entries) {
        start(pollPoint, fallsThrough, false, entries);
    }

    /**
     * Opens the block at the head of a loop, a poll point. Unless the loop is one of {@code
     * TightLoops}' small ones ({@code small}), the poll's slow path jumps back to the check instead of
     * past it: the loop head, which joins the entry and back edge anyway, is then the only join, and
     * C2 no longer keeps the loop's values in stack slots for a second join after the check (the
     * string-skipping loop of the Rust guests' JSON scanner; route-by-table, two loads of each form
     * run in turns in each of three JVMs: 13.3 to 11.2 us per event on average, faster in every
     * pair). The check then runs once more and passes: refill and charge leave at least {@code phi}
     * or trap. Small loops keep the join after the check: the second edge into their head made the
     * sieve kernel's loops 1.4 to 2.4 times slower.
     */
    void loopHead(boolean small, Label entry) {
        start(true, true, !small, entry);
    }

    /**
     * Opens a block; {@code rejoin}: a poll's slow path goes back to the check rather than past it
     * ({@link #loopHead}).
     */
    private void start(boolean pollPoint, boolean fallsThrough, boolean rejoin, Label... entries) {
        close();
        int from = fallsThrough ? block : -1;
        block++;
        open = true;
        cost = 0;
        pollOnly = !counting;
        if (recorder != null) {
            recorder.block(block, from, entries);
            return;
        }
        if (plan != null) {
            startPlanned(pollPoint, rejoin);
            return;
        }
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
        Label check = new Label();
        c.place(check);
        c.local(ILOAD, leftSlot);
        Label slow = new Label();
        Label resume = new Label();
        c.jump(IFLT, slow);
        c.place(resume);
        stubs.add(new Stub(slow, rejoin ? check : resume, 0));
    }

    /**
     * A block under a plan: entering it costs nothing here (its edges paid); a poll point tests
     * {@code fuel < 0}, that is {@code left < phi}.
     */
    private void startPlanned(boolean pollPoint, boolean rejoin) {
        phi = plan.phi(block);
        subtract(plan.base(block));
        if (!pollPoint) {
            return;
        }
        if (compact) {
            // left = Runtime.poll(left, phi, cost, ctx): no stub after the code.
            c.local(ILOAD, leftSlot);
            c.intConst(phi);
            c.intConst(plan.charged(block));
            c.local(ALOAD, ctxSlot);
            c.invoke(INVOKESTATIC, RUNTIME, "poll", "(IIIL" + JvmTypes.CONTEXT + ";)I");
            c.local(ISTORE, leftSlot);
            return;
        }
        Label check = new Label();
        c.place(check);
        c.local(ILOAD, leftSlot);
        Label slow = new Label();
        Label resume = new Label();
        if (phi == 0) {
            c.jump(IFLT, slow);
        } else {
            c.intConst(phi);
            c.jump(IF_ICMPLT, slow);
        }
        c.place(resume);
        stubs.add(new Stub(slow, rejoin ? check : resume, phi));
    }

    /**
     * A branch to the block {@code target} opens, about to be emitted: subtracts what the plan
     * says that edge costs. Call it on the path that branches, just before the jump.
     */
    void edge(Label target) {
        if (recorder != null) {
            recorder.edge(outOfLine ? -1 : block, target);
        } else if (plan != null) {
            subtract(plan.edgeCost(edge++));
        }
    }

    /**
     * A conditional branch to the block {@code target} opens, which {@code jump} emits: its edge's
     * cost is subtracted before the jump and added back after it, on the path that falls through
     * (HotSpot folds the two there), so neither path needs a jump of its own.
     */
    void conditionalEdge(Label target, Runnable jump) {
        int cost = 0;
        if (recorder != null) {
            recorder.edge(block, target);
        } else if (plan != null) {
            cost = plan.edgeCost(edge++);
        }
        subtract(cost);
        jump.run();
        subtract(-cost);
    }

    /** Pushes the exact fuel left ({@code left - phi}), for a call or a return. */
    void loadLeft() {
        c.local(ILOAD, leftSlot);
        if (phi != 0) {
            c.intConst(phi);
            c.op(ISUB);
        }
    }

    /**
     * Stores the exact fuel left into {@code Context.left} before a call, where the call's trap
     * handler reads it if the callee cannot start (a {@code StackOverflowError}): so {@code left}
     * itself need not survive the call, one value fewer for HotSpot to keep across it.
     */
    void publishLeft() {
        c.local(ALOAD, ctxSlot);
        loadLeft();
        c.field(PUTFIELD, JvmTypes.CONTEXT, "left", "I");
    }

    /** Pops the exact fuel left (a callee's) into {@code left}, adding the block's potential back. */
    void storeLeft() {
        if (phi != 0) {
            c.intConst(phi);
            c.op(IADD);
        }
        c.local(ISTORE, leftSlot);
    }

    /** {@code left -= n}. */
    private void subtract(int n) {
        if (n == 0) {
            return;
        }
        if (-n == (short) -n) {
            c.iinc(leftSlot, -n);
        } else {
            c.local(ILOAD, leftSlot);
            c.intConst(n);
            c.op(ISUB);
            c.local(ISTORE, leftSlot);
        }
    }

    /** Counts one instruction of the open block. */
    void cost() {
        cost++;
    }

    /**
     * Outlined regions ({@link Outliner}): adds {@code n} instructions, run in another method, to the
     * open block, which charges them (and refunds their rest at a trap here). No-op when not counting.
     */
    void extend(int n) {
        if (counting) {
            cost += n;
        }
    }

    /**
     * Outlined regions ({@link Outliner}): opens a block that another method charged (the block the
     * interpreter runs on across a helper's call or return); it emits no charge, its sites refund its
     * rest as usual, and its cost goes to {@code onClose} when it closes. Only without a plan.
     */
    void startPrepaid(java.util.function.IntConsumer onClose) {
        close();
        block++;
        open = true;
        cost = 0;
        pollOnly = !counting;
        whenClosed(onClose);
    }

    /** Gives the open block's cost to {@code onClose} when it closes (0 when not counting; {@link Outliner}). */
    void whenClosed(java.util.function.IntConsumer onClose) {
        closing.add(onClose);
    }

    /** The cost of the first block closed, or -1 while none has ({@link Outliner}). */
    int firstCost() {
        return firstCost;
    }

    /** The instructions counted so far in the open block (0 when not counting; {@link Outliner}). */
    int openCost() {
        return counting ? cost : 0;
    }

    /** Marks the start of an instruction that may trap; pass the label to {@link #endSite}. */
    Label startSite() {
        Label start = new Label();
        c.place(start);
        return start;
    }

    /** Ends a trapping instruction begun at {@code start}; {@code call} when the trap may come from a callee. */
    void endSite(Label start, boolean call) {
        endSite(start, call ? CALLS : TRAPS);
    }

    /**
     * Ends a throw begun at {@code start} (3.0: {@code throw}, {@code throw_ref}, {@code rethrow}):
     * its exception goes to the handlers around it, or leaves the frame as a trap does.
     */
    void endThrowSite(Label start) {
        endSite(start, THROWS);
    }

    private void endSite(Label start, int kind) {
        Label end = new Label();
        c.place(end);
        Catcher to = kind == TRAPS ? null : catcher;
        if (to != null) {
            caught.add(to);
        }
        if (recorder == null) {
            blockSites.add(new Site(start, end, cost, kind, phi, to));
        }
    }

    /** The handlers around the code that follows (null: none in this function); returns the previous ones. */
    Catcher catcher(Catcher to) {
        Catcher before = catcher;
        catcher = to;
        return before;
    }

    /** Whether a site went to {@code to}: only then is its dispatch code needed. */
    boolean caught(Catcher to) {
        return caught.contains(to);
    }

    /**
     * From here on, code outside every block (an exception's dispatch, after the function's code):
     * {@code left} is the exact fuel, and a branch to a block subtracts what entering it costs.
     */
    void outOfLine() {
        close();
        outOfLine = true;
        phi = 0;
    }

    /**
     * Ends a range of out-of-line code begun at {@code start} that may trap (taking an exception's
     * {@code exnref}): the trap leaves the frame with the fuel as it is, exact.
     */
    void endExactSite(Label start) {
        Label end = new Label();
        c.place(end);
        if (recorder == null) {
            handlers.computeIfAbsent(List.of(0, 0, 0), k -> new ArrayList<>()).add(new Label[] {start, end});
        }
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
        if (firstCost < 0) {
            firstCost = counting ? charged : 0;
        }
        for (java.util.function.IntConsumer c : closing) {
            c.accept(counting ? charged : 0);
        }
        closing.clear();
        if (recorder != null) {
            recorder.charged(block, charged);
        } else if (plan != null && plan.charged(block) != charged) {
            throw new IllegalStateException("block " + block + " costs " + charged + ", planned " + plan.charged(block));
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
            // A trap here adds (refund - phi) to left; one passing through a call may need the fuel
            // the call started with (the callee that could not start): publishLeft stored it. A throw's
            // handler also lets its exception leave the frame (as trapHere does), unless caught here.
            int refund = cost - s.costAt();
            List<Integer> key = s.kind() == CALLS ? List.of(refund, 1)
                    : List.of(refund - s.phi(), s.kind() == THROWS ? 2 : 0);
            handlers.computeIfAbsent(key, k -> new ArrayList<>()).add(new Label[] {s.start(), s.end()});
            if (s.catcher() != null) {
                // A WebAssembly exception from a callee left the store's fuel exact; one thrown here, left.
                List<Object> to = s.kind() == CALLS ? List.of(1, refund, s.catcher())
                        : List.of(0, refund - s.phi(), s.catcher());
                catches.computeIfAbsent(to, k -> new ArrayList<>()).add(new Label[] {s.start(), s.end()});
            }
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
        if (plan != null && (block + 1 != plan.blocks() || edge != plan.edges())) {
            throw new IllegalStateException("translated " + (block + 1) + " blocks and " + edge + " branches, planned "
                    + plan.blocks() + " and " + plan.edges());
        }
        for (Stub s : stubs) {
            // left = refill(store, left - phi); if (left < 0) left = charge(store, left, cost);
            // left += phi. The call to charge, rare (TierSupport.refill), is never taken without a
            // deadline or a limit near, and HotSpot then leaves it out of the compiled loop.
            c.place(s.slow);
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
            c.local(ILOAD, leftSlot);
            addConst(-s.phi);
            c.invoke(INVOKESTATIC, SUPPORT, "refill", "(" + STORE + "I)I");
            c.op(DUP);
            c.local(ISTORE, leftSlot);
            Label refilled = new Label();
            c.jump(IFGE, refilled);
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
            c.local(ILOAD, leftSlot);
            c.intConst(s.cost);
            c.invoke(INVOKESTATIC, SUPPORT, "charge", "(" + STORE + "II)I");
            c.local(ISTORE, leftSlot);
            c.place(refilled);
            if (s.phi != 0) {
                subtract(-s.phi);
            }
            c.jump(GOTO, s.resume);
        }
        // Registered first, so that a WebAssembly exception of a site in a try body finds them before
        // the site's trap handler (JVMS 2.10: the first matching entry of the table).
        for (Map.Entry<List<Object>, List<Label[]>> e : catches.entrySet()) {
            boolean call = (Integer) e.getKey().get(0) != 0;
            int refund = (Integer) e.getKey().get(1);
            Catcher to = (Catcher) e.getKey().get(2);
            Label handler = new Label();
            for (Label[] range : e.getValue()) {
                c.tryCatch(range[0], range[1], handler, THROWN);
            }
            c.place(handler);
            c.local(ASTORE, to.slot());
            if (call) {
                // The callee left the store's fuel exact: left becomes that plus this block's rest.
                c.local(ALOAD, ctxSlot);
                c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
                c.invoke(INVOKESTATIC, SUPPORT, "fuelLeft", "(" + STORE + ")I");
                addConst(refund);
                c.local(ISTORE, leftSlot);
            } else {
                subtract(-refund); // left - phi + rest of the block: exact
            }
            c.jump(GOTO, to.dispatch());
        }
        Label here = new Label();
        Label below = new Label();
        boolean[] used = new boolean[2];
        for (Map.Entry<List<Integer>, List<Label[]>> e : handlers.entrySet()) {
            int refund = e.getKey().get(0);
            int kind = e.getKey().get(1);
            boolean call = kind == 1;
            Label handler = new Label();
            for (Label[] range : e.getValue()) {
                // A call also catches the StackOverflowError of a callee that could not start; a
                // throw, its own exception (leaving the frame: the store's fuel is set as for a trap).
                c.tryCatch(range[0], range[1], handler, kind == 0 ? TRAP : null);
            }
            c.place(handler);
            if (call) {
                // Context.left (publishLeft's: the fuel the call started with) plus this block's rest,
                // with no method call: should trapBelow itself run out of stack, the frame above
                // reads a count that already has this frame's refund.
                c.local(ALOAD, ctxSlot);
                c.op(DUP);
                c.field(GETFIELD, JvmTypes.CONTEXT, "left", "I");
                addConst(refund);
                c.field(PUTFIELD, JvmTypes.CONTEXT, "left", "I");
            }
            c.intConst(refund);
            c.jump(GOTO, call ? below : here);
            used[call ? 1 : 0] = true;
        }
        if (used[0]) {
            tail(here, false);
        }
        if (used[1]) {
            tail(below, true);
        }
    }

    /** Adds {@code n} to the int on top of the stack. */
    private void addConst(int n) {
        if (n != 0) {
            c.intConst(n);
            c.op(IADD);
        }
    }

    /**
     * A shared handler tail: with the exception and the refund on the stack, fixes the store's fuel
     * through {@code TierSupport.trapBelow} (for calls, {@code below}: the fuel from {@code
     * Context.left}) or {@code trapHere} (the fuel from {@code left}) and rethrows what it returns.
     */
    private void tail(Label at, boolean below) {
        c.place(at);
        c.local(ISTORE, refundSlot);
        c.local(ALOAD, ctxSlot);
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
        if (below) {
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "left", "I"); // with the refund (the handler added it)
        } else {
            c.local(ILOAD, leftSlot);
        }
        c.local(ILOAD, refundSlot);
        c.stringConst(frame);
        c.invoke(INVOKESTATIC, SUPPORT, below ? "trapBelow" : "trapHere",
                "(Ljava/lang/Throwable;" + STORE + "IILjava/lang/String;)Ljava/lang/Throwable;");
        c.op(ATHROW);
    }
}
