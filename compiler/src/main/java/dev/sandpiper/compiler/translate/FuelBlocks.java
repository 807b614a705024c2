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
 * ({@code interpreter/README.md}, Fuel). The fuel left before the next poll is a {@code long} local;
 * every basic block opens by subtracting its cost and, when that goes negative, calling
 * {@code TierSupport.charge} out of line, which polls the deadline, the interrupt flag and the budget
 * as the interpreter does. A block's cost is known only when it closes, so the constant is patched
 * in then.
 *
 * <p>Every instruction that can trap is a <em>site</em>: an exception-table range whose handler sets
 * the store's fuel, adding back the rest of the block (charged, not executed), names the frame in
 * the trap and rethrows. Nothing runs on the fast path for this.
 */
final class FuelBlocks {
    private static final String TRAP = "dev/sandpiper/interpreter/TrapException";
    private static final String SUPPORT = "dev/sandpiper/interpreter/TierSupport";
    private static final String STORE = "Ldev/sandpiper/interpreter/Store;";

    private record Site(Label start, Label end, int costAt, boolean call) {}

    private record Stub(Label slow, Label resume, int costIndexAt) {}

    private final Code c;
    private final int ctxSlot;
    private final int leftSlot;
    private final String frame;

    private boolean open;
    private int cost;
    private final List<Integer> costPatches = new ArrayList<>();
    private final List<Site> blockSites = new ArrayList<>();
    private final List<Stub> stubs = new ArrayList<>();
    /** Handlers by refund and kind (call or not), each with its ranges. */
    private final Map<Long, List<Label[]>> handlers = new LinkedHashMap<>();

    FuelBlocks(Code c, int ctxSlot, int leftSlot, String frame) {
        this.c = c;
        this.ctxSlot = ctxSlot;
        this.leftSlot = leftSlot;
        this.frame = frame;
    }

    /** Opens a basic block here: charges its cost (patched at {@link #close}). */
    void start() {
        close();
        open = true;
        cost = 0;
        c.local(LLOAD, leftSlot);
        costPatches.add(c.longConstPlaceholder());
        c.op(LSUB);
        c.op(DUP2);
        c.local(LSTORE, leftSlot);
        c.op(LCONST_0);
        c.op(LCMP);
        Label slow = new Label();
        Label resume = new Label();
        c.jump(IFLT, slow);
        c.place(resume);
        stubs.add(new Stub(slow, resume, costPatches.get(costPatches.size() - 1)));
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
        int index = c.pool().longConst(cost);
        for (int at : costPatches) {
            c.patchU2(at, index);
        }
        costPatches.clear();
        for (Site s : blockSites) {
            long key = ((long) (cost - s.costAt()) << 1) | (s.call() ? 1 : 0);
            handlers.computeIfAbsent(key, k -> new ArrayList<>()).add(new Label[] {s.start(), s.end()});
        }
        blockSites.clear();
    }

    /** Writes the slow paths of the charges and the trap handlers, after the function's code. */
    void finish() {
        close();
        for (Stub s : stubs) {
            c.place(s.slow());
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
            c.local(LLOAD, leftSlot);
            c.ldc2(c.readU2(s.costIndexAt()));
            c.invoke(INVOKESTATIC, SUPPORT, "charge", "(" + STORE + "JJ)J");
            c.local(LSTORE, leftSlot);
            c.jump(GOTO, s.resume());
        }
        for (Map.Entry<Long, List<Label[]>> e : handlers.entrySet()) {
            int refund = (int) (e.getKey() >>> 1);
            boolean call = (e.getKey() & 1) != 0;
            Label handler = new Label();
            for (Label[] range : e.getValue()) {
                c.tryCatch(range[0], range[1], handler, TRAP);
            }
            c.place(handler);
            c.local(ALOAD, ctxSlot);
            c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
            if (call) {
                c.intConst(refund);
                c.stringConst(frame);
                c.invoke(INVOKESTATIC, SUPPORT, "trapBelow",
                        "(Ljava/lang/Throwable;" + STORE + "ILjava/lang/String;)Ljava/lang/Throwable;");
            } else {
                c.local(LLOAD, leftSlot);
                c.intConst(refund);
                c.stringConst(frame);
                c.invoke(INVOKESTATIC, SUPPORT, "trapHere",
                        "(Ljava/lang/Throwable;" + STORE + "JILjava/lang/String;)Ljava/lang/Throwable;");
            }
            c.op(ATHROW);
        }
    }
}
