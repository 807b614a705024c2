package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.compiler.classfile.Label;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Translates exception handling (spec 3.0, Execution > Instructions > Control Instructions:
 * {@code throw}, {@code throw_ref}, {@code try_table}; the appendix's legacy {@code try},
 * {@code catch}, {@code catch_all}, {@code delegate}, {@code rethrow}). A WebAssembly exception is
 * the interpreter's {@code ThrownException}, thrown with {@code athrow}, so it crosses host,
 * interpreted and compiled frames unchanged.
 *
 * <p>A {@code try_table}'s body, or a legacy {@code try}'s, is a <em>region</em>. Each call and
 * throw inside it is a fuel site ({@link FuelBlocks}) whose exception-table entry for
 * {@code ThrownException} comes before its trap entry: its handler adds back the rest of its
 * block, as the interpreter refunds the catching frame, so {@code left} is the exact fuel, and
 * jumps to the region's <em>dispatch</em>, code after the function's body. The dispatch tests the
 * catch clauses in order by tag, puts back the operands the target label keeps under its values
 * (those below the region were copied to locals when it opened, since a JVM handler starts with an
 * empty stack), pushes the payload and for the {@code _ref} clauses the exnref, and branches to the
 * label, charging its block as a branch does ({@link FuelPlan}'s edges from exact fuel). Nothing
 * matching, it goes on to the enclosing region, or leaves the frame with the store's fuel set as
 * at a trap. Traps are never caught: only {@code ThrownException} is. A legacy catch arm is a block
 * entered from the dispatch, with the exception in a local for {@code rethrow}; {@code delegate}'s
 * dispatch goes to the innermost enclosing region at or outside its label. A tail call's callee
 * replaces the frame, so a tail call that is a call (to a host or another instance's function) is
 * outside every region, as in the interpreter.
 *
 * <p>The fuel is the interpreter's ({@code Exceptions}, {@code ExceptionTranslation}): the
 * markers cost nothing and open no block, throws cost 1 and end their block, a catch clause's
 * label is a branch target from the try_table on, and a legacy catch arm is a block of its own.
 * Nothing is allocated unless an exception is thrown.
 */
final class ExceptionInstructions {
    private static final String SUPPORT = "dev/sandpiper/interpreter/TierSupport";
    private static final String EXCEPTIONS = "dev/sandpiper/interpreter/TierExceptions";
    private static final String THROWN = "Ldev/sandpiper/interpreter/ThrownException;";
    private static final String STORE = "Ldev/sandpiper/interpreter/Store;";
    private static final String INSTANCE = "Ldev/sandpiper/interpreter/Instance;";

    /** Where a clause goes: a frame's label, or (-1) a legacy catch arm. */
    private record Target(int kind, Label label, List<ValType> types, int height) {}

    /** A catch clause: tag index or -1 (catch_all), whether it also takes the exnref. */
    private record Clause(int tag, boolean ref, List<ValType> payload, Target target) {}

    private static final int ARM = -1;

    private static final class Region {
        final FuelBlocks.Catcher catcher;
        final FuelBlocks.Catcher outerCatcher;
        final Region outer;
        /** The operands below the region kept in locals: their kinds and slots, bottom first. */
        final char[] kinds;
        final int[] slots;
        final int payloadSlot;
        final int tempTopBefore;
        final boolean legacy;
        final List<Clause> clauses = new ArrayList<>();
        int frame;
        boolean bodyOpen = true;
        boolean delegates;
        int delegateFrame;
        boolean rethrown;
        boolean needed;

        Region(FuelBlocks.Catcher catcher, FuelBlocks.Catcher outerCatcher, Region outer, char[] kinds, int[] slots,
                int payloadSlot, int tempTopBefore, boolean legacy) {
            this.catcher = catcher;
            this.outerCatcher = outerCatcher;
            this.outer = outer;
            this.kinds = kinds;
            this.slots = slots;
            this.payloadSlot = payloadSlot;
            this.tempTopBefore = tempTopBefore;
            this.legacy = legacy;
        }
    }

    private final FunctionTranslator t;
    private Code c;
    /** Every region of the function, in the order they open (outer before inner). */
    private final List<Region> regions = new ArrayList<>();
    /** The regions whose frames are open, innermost last. */
    private final List<Region> open = new ArrayList<>();
    /** The innermost region whose body is being translated, or null. */
    private Region active;

    ExceptionInstructions(FunctionTranslator t) {
        this.t = t;
    }

    void reset() {
        regions.clear();
        open.clear();
        active = null;
    }

    /** One exception-handling instruction of reachable code (or a catch or delegate ending dead code). */
    void instruction(Opcode op, CodeReader r) {
        c = t.code();
        switch (op) {
            case THROW -> throwTag(r.index());
            case THROW_REF -> throwRef();
            case RETHROW -> rethrow(r.index());
            case TRY_TABLE -> tryTable(r);
            case TRY -> legacyTry(r);
            case CATCH -> legacyCatch(r.index());
            case CATCH_ALL -> legacyCatch(-1);
            case DELEGATE -> delegate(r.index());
            default -> throw new IllegalStateException(op.toString());
        }
    }

    // ---- throws ----

    /** {@code throw x}: the tag's values go into a new payload array, and the exception is thrown. */
    private void throwTag(int tag) {
        FuelBlocks fuel = t.fuel();
        fuel.cost();
        List<ValType> params = tagType(tag).params();
        int n = params.size();
        int[] slot = new int[n];
        char[] kind = new char[n];
        int next = t.scratch(0);
        int entries = 0;
        for (int i = 0; i < n; i++) {
            kind[i] = JvmTypes.kind(params.get(i));
            slot[i] = next;
            next += JvmTypes.slots(kind[i]);
            entries += JvmTypes.entries(kind[i]);
        }
        c.reserveLocals(next);
        for (int i = n - 1; i >= 0; i--) {
            t.stack.pop();
            t.store(kind[i], slot[i]);
        }
        Label s = fuel.startSite();
        t.loadInstance();
        c.intConst(tag);
        c.intConst(entries);
        c.newArray(T_LONG);
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int half = 0; half < JvmTypes.entries(kind[i]); half++) {
                c.op(DUP);
                c.intConst(e++);
                if (kind[i] == 'I') {
                    c.local(ILOAD, slot[i]);
                    c.op(I2L); // an i32 or f32 in the low bits, as in the interpreter's value stack
                } else {
                    c.local(LLOAD, slot[i] + 2 * half);
                }
                c.op(LASTORE);
            }
        }
        c.invoke(INVOKESTATIC, EXCEPTIONS, "raise", "(" + INSTANCE + "I[J)" + THROWN);
        c.op(ATHROW);
        fuel.endThrowSite(s);
        endOfReach();
    }

    /** {@code throw_ref}: throws the exception the operand designates; a null one traps. */
    private void throwRef() {
        FuelBlocks fuel = t.fuel();
        fuel.cost();
        t.stack.pop();
        Label s = fuel.startSite();
        t.loadContext();
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
        c.invoke(INVOKESTATIC, EXCEPTIONS, "thrown", "(J" + STORE + ")Ljava/lang/RuntimeException;");
        c.op(ATHROW);
        fuel.endThrowSite(s);
        endOfReach();
    }

    /** Legacy {@code rethrow l}: throws again what the catch arm of label {@code l} caught. */
    private void rethrow(int label) {
        FuelBlocks fuel = t.fuel();
        fuel.cost();
        Region r = regionOf(t.frames().frameOfLabel(label));
        r.rethrown = true;
        Label s = fuel.startSite();
        c.local(ALOAD, r.catcher.slot());
        c.op(ATHROW);
        fuel.endThrowSite(s);
        endOfReach();
    }

    private void endOfReach() {
        t.fuel().close();
        t.setLive(false);
    }

    // ---- regions ----

    /** {@code try_table bt catch*}: its clauses' labels resolve outside it, and are branch targets from here on. */
    private void tryTable(CodeReader r) {
        FuncType type = t.blockType(r);
        Frames frames = t.frames();
        List<Clause> clauses = new ArrayList<>();
        int keep = 0;
        for (int i = 0; i < r.catchCount(); i++) {
            int kind = r.catchKind(i);
            boolean tagged = kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF;
            boolean ref = kind == CodeReader.CATCH_REF || kind == CodeReader.CATCH_ALL_REF;
            int f = frames.frameOfLabel(r.catchLabel(i));
            frames.markBranched(f);
            Target to = new Target(frames.kind(f), frames.label(f), frames.labelTypes(f), frames.height(f));
            int tag = tagged ? r.catchTag(i) : -1;
            clauses.add(new Clause(tag, ref, tagged ? tagType(tag).params() : List.of(), to));
            keep = Math.max(keep, to.height());
        }
        Region region = openRegion(keep, false);
        region.clauses.addAll(clauses);
        pushBlock(type);
        region.frame = frames.innermost();
    }

    /** Legacy {@code try bt}: a block whose catch arms start from its base. */
    private void legacyTry(CodeReader r) {
        FuncType type = t.blockType(r);
        Region region = openRegion(t.stack.size() - type.params().size(), true);
        pushBlock(type);
        region.frame = t.frames().innermost();
    }

    private void pushBlock(FuncType type) {
        int n = type.params().size();
        t.frames().push(Frames.BLOCK, type.params(), type.results(), new Label(), t.stack.size() - n,
                t.stack.slotsBelow(n));
    }

    /**
     * Opens a region: the bottom {@code keep} operands are copied to locals (the whole stack goes
     * through locals and back, so the JVM stack is unchanged), which stay reserved with the
     * exception's and the payload's slots until the region's frame ends.
     */
    private Region openRegion(int keep, boolean legacy) {
        int size = t.stack.size();
        int before = t.scratch(0);
        int[] slots = new int[size];
        char[] kinds = new char[size];
        int next = before;
        for (int i = 0; i < size; i++) {
            kinds[i] = t.stack.peek(size - 1 - i);
            slots[i] = next;
            next += JvmTypes.slots(kinds[i]);
        }
        int reserved = keep < size ? slots[keep] : next;
        if (keep > 0) {
            c.reserveLocals(next);
            for (int i = size - 1; i >= 0; i--) {
                t.store(kinds[i], slots[i]);
            }
            for (int i = 0; i < size; i++) {
                t.load(kinds[i], slots[i]);
            }
        }
        FuelBlocks.Catcher catcher = new FuelBlocks.Catcher(new Label(), reserved);
        Region region = new Region(catcher, t.fuel().catcher(catcher), active,
                Arrays.copyOf(kinds, keep), Arrays.copyOf(slots, keep), reserved + 1, before,
                legacy);
        t.reserveTemps(reserved + 2);
        regions.add(region);
        open.add(region);
        active = region;
        return region;
    }

    /** The body of {@code region} ends: its calls and throws go to the enclosing region's handlers again. */
    private void closeBody(Region region) {
        if (region.bodyOpen) {
            region.bodyOpen = false;
            t.fuel().catcher(region.outerCatcher);
            active = region.outer;
        }
    }

    private Region regionOf(int frame) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i).frame == frame) {
                return open.get(i);
            }
        }
        throw new IllegalStateException("no try at frame " + frame);
    }

    /**
     * Legacy {@code catch x} or ({@code tag} -1) {@code catch_all}: what runs before it branches to
     * the try's end; the arm is a new block, entered from the dispatch with the tag's values.
     */
    private void legacyCatch(int tag) {
        Frames frames = t.frames();
        int f = frames.innermost();
        Region region = regionOf(f);
        closeBody(region);
        if (t.isLive()) {
            t.branch(f);
        }
        FuelBlocks fuel = t.fuel();
        fuel.close();
        Label arm = new Label();
        c.place(arm);
        List<ValType> payload = tag >= 0 ? tagType(tag).params() : List.of();
        c.stackDepth(frames.baseSlots(f) + JvmTypes.slots(payload));
        t.resetOperands(f, payload);
        fuel.start(false, false, arm);
        t.setLive(true); // the try was reached, so its catch arms can be
        region.clauses.add(new Clause(tag, false, payload, new Target(ARM, arm, payload, frames.height(f))));
    }

    /** Legacy {@code delegate l}: the body's exceptions go on to the handlers of label {@code l}; the try ends. */
    private void delegate(int label) {
        Frames frames = t.frames();
        Region region = regionOf(frames.innermost());
        region.delegates = true;
        region.delegateFrame = frames.frameOfLabel(label + 1);
        t.end();
    }

    /** Before the {@code end} of frame {@code f}: a region of that frame closes, and its locals are free. */
    void beforeEnd(int f) {
        if (open.isEmpty() || open.get(open.size() - 1).frame != f) {
            return;
        }
        Region region = open.remove(open.size() - 1);
        closeBody(region);
        t.releaseTemps(region.tempTopBefore);
    }

    // ---- dispatch, after the function's code ----

    /**
     * Writes each needed region's dispatch (innermost first, as each can go on to an enclosing one),
     * out of line: {@code left} is the exact fuel there.
     */
    void emitDispatch() {
        if (regions.isEmpty()) {
            return;
        }
        c = t.code();
        FuelBlocks fuel = t.fuel();
        fuel.outOfLine();
        for (int i = regions.size() - 1; i >= 0; i--) {
            Region r = regions.get(i);
            if (!r.needed && !fuel.caught(r.catcher)) {
                continue;
            }
            c.place(r.catcher.dispatch());
            c.stackDepth(0);
            // A callee may have grown memory 0 before it threw: its array and size are read again.
            t.cacheMemory();
            if (r.delegates) {
                Region to = r.outer;
                while (to != null && to.frame > r.delegateFrame) {
                    to = to.outer;
                }
                goOn(r, to);
                continue;
            }
            boolean all = false;
            for (Clause k : r.clauses) {
                Label next = new Label();
                if (k.tag() >= 0) {
                    c.local(ALOAD, r.catcher.slot());
                    t.loadInstance();
                    c.intConst(k.tag());
                    c.invoke(INVOKESTATIC, EXCEPTIONS, "matches", "(" + THROWN + INSTANCE + "I)Z");
                    c.jump(IFEQ, next);
                }
                enter(r, k);
                if (k.tag() < 0) {
                    all = true;
                    break;
                }
                c.place(next);
                c.stackDepth(0);
            }
            if (!all) {
                goOn(r, r.outer);
            }
        }
    }

    /** A matching clause: the operands under its label, the payload, the exnref, and the branch. */
    private void enter(Region r, Clause k) {
        int slot = r.catcher.slot();
        if (r.legacy && r.rethrown) {
            // As the interpreter, which keeps a rethrown arm's exception as a reference.
            Label s = t.fuel().startSite();
            handle(slot);
            t.fuel().endExactSite(s);
            c.op(POP2);
        }
        Target to = k.target();
        for (int i = 0; i < to.height(); i++) {
            t.load(r.kinds[i], r.slots[i]);
        }
        if (!k.payload().isEmpty()) {
            c.local(ALOAD, slot);
            c.invoke(INVOKESTATIC, EXCEPTIONS, "payload", "(" + THROWN + ")[J");
            c.local(ASTORE, r.payloadSlot);
            int e = 0;
            for (ValType v : k.payload()) {
                char kind = JvmTypes.kind(v);
                for (int half = 0; half < JvmTypes.entries(kind); half++) {
                    c.local(ALOAD, r.payloadSlot);
                    c.intConst(e++);
                    c.op(LALOAD);
                }
                if (kind == 'I') {
                    c.op(L2I);
                }
            }
        }
        if (k.ref()) {
            Label s = t.fuel().startSite();
            handle(slot);
            t.fuel().endExactSite(s);
        }
        if (to.kind() == Frames.FUNC) {
            t.emitReturn();
        } else {
            t.fuel().edge(to.label());
            c.jump(GOTO, to.label());
        }
    }

    /** Pushes the exnref handle of the exception in {@code slot}. */
    private void handle(int slot) {
        t.loadContext();
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
        c.local(ALOAD, slot);
        c.invoke(INVOKESTATIC, EXCEPTIONS, "handle", "(" + STORE + THROWN + ")J");
    }

    /** No clause of {@code r} matched: on to region {@code to}'s dispatch, or (null) out of the frame. */
    private void goOn(Region r, Region to) {
        c.local(ALOAD, r.catcher.slot());
        if (to != null) {
            to.needed = true;
            c.local(ASTORE, to.catcher.slot());
            c.jump(GOTO, to.catcher.dispatch());
            return;
        }
        // The store's fuel as at a trap: exact, the rest of the throwing block already added back.
        t.loadContext();
        c.field(GETFIELD, JvmTypes.CONTEXT, "store", STORE);
        t.fuel().loadLeft();
        c.invoke(INVOKESTATIC, SUPPORT, "fuelLeft", "(" + STORE + "I)V");
        c.op(ATHROW);
    }

    private FuncType tagType(int tag) {
        return t.module().types().get(t.module().tagTypeIndex(tag));
    }
}
