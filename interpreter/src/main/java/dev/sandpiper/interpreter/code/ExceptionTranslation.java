package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers exception handling for the {@link CodeTranslator} (3.0, exception handling, and the
 * appendix's legacy instructions): {@code throw}, {@code throw_ref} and {@code rethrow} become
 * {@link Op#THROW}; each {@code try_table}, legacy {@code try} with catches and {@code delegate}
 * leaves a handler table ({@link Op#CATCHES}) in the code, listed innermost first in
 * {@link FunctionCode#handlers()}, which the interpreter reads only when an exception unwinds.
 *
 * <p>A catch clause's target is its label's block (as a branch's: the n word of its FUEL), its
 * values go to the label's slots. A legacy catch arm is a new block whose first slot holds the
 * caught exception (for {@code rethrow}), the tag's values above it; at the arm's end its results
 * move down to the try's slots. The structure markers ({@code try_table}, {@code try},
 * {@code catch}, {@code catch_all}, {@code delegate}) cost no fuel, like {@code block} and
 * {@code else}; the throws cost 1.
 */
final class ExceptionTranslation {
    /** Words of a CATCHES op before its clauses: words start end depth limit n. */
    private static final int HEADER = 6;

    private final CodeTranslator t;
    private final CodeBuffer code;
    private final ControlFrames frames;
    private final Operands v;

    private int[] handlers = new int[4];
    private int handlerCount;
    private int[] tailSites = new int[4];
    private int tailCount;
    // Per control frame: a try_table's CATCHES op, or -1; a legacy try's body start and end, and clauses.
    private int[] tableAt = new int[16];
    private int[] tryStart = new int[16];
    private int[] bodyEnd = new int[16];
    private int[][] clauses = new int[16][];
    private int[] clauseWords = new int[16];
    /** Per legacy try: whether a rethrow names one of its catch arms (only then is the exception kept). */
    private boolean[] rethrown = new boolean[16];

    ExceptionTranslation(CodeTranslator t, CodeBuffer code, ControlFrames frames, Operands v) {
        this.t = t;
        this.code = code;
        this.frames = frames;
        this.v = v;
    }

    void reset() {
        handlerCount = 0;
        tailCount = 0;
    }

    int[] handlers() {
        return Arrays.copyOf(handlers, handlerCount);
    }

    int[] tailCallSites() {
        return Arrays.copyOf(tailSites, tailCount);
    }

    /** A control frame opened at index {@code c}: it is no handler until said otherwise. */
    void opened(int c) {
        if (c >= tableAt.length) {
            int n = Math.max(c + 1, tableAt.length * 2);
            tableAt = Arrays.copyOf(tableAt, n);
            tryStart = Arrays.copyOf(tryStart, n);
            bodyEnd = Arrays.copyOf(bodyEnd, n);
            clauses = Arrays.copyOf(clauses, n);
            clauseWords = Arrays.copyOf(clauseWords, n);
            rethrown = Arrays.copyOf(rethrown, n);
        }
        tableAt[c] = -1;
        clauseWords[c] = 0;
        rethrown[c] = false;
    }

    /** The tail call ending at {@code pcAfter}: what it calls throws past this frame's handlers. */
    void tailCallSite(int pcAfter) {
        if (tailCount == tailSites.length) {
            tailSites = Arrays.copyOf(tailSites, tailCount * 2);
        }
        tailSites[tailCount++] = pcAfter;
    }

    // ---- throws ----

    /** {@code throw x}: the payload goes to canonical slots, from which the op copies it. */
    void throwTag(int tag, FuncType type) {
        t.cost();
        int top = t.stackForm(type.params().size());
        emitThrow(tag, top - type.paramSlots());
    }

    /** {@code throw_ref}: throws the exception its operand designates (null traps). */
    void throwRef() {
        t.cost();
        int ref = v.reg(v.top(), t);
        v.pop();
        emitThrow(-1, ref);
    }

    /** Legacy {@code rethrow l}: throws again the exception the catch arm {@code l} caught. */
    void rethrow(int label) {
        t.cost();
        int c = frames.frameOfLabel(label);
        rethrown[c] = true;
        emitThrow(-1, v.localSlots() + frames.height(c));
    }

    private void emitThrow(int tag, int src) {
        t.emit(Op.THROW);
        t.emit(tag);
        t.emit(src);
        t.trapSite();
        t.endOfReach();
    }

    // ---- try_table ----

    /** {@code try_table bt catch*}: its handler table, then the block. Labels resolve outside it. */
    void tryTable(CodeReader r, FuncType type) {
        t.materializeBlock();
        int n = r.catchCount();
        int h = code.pc();
        t.emit(Op.CATCHES);
        t.emit(HEADER + 4 * n);
        t.emit(0); // start, below
        t.emit(CodeBuffer.OPEN); // end, at the try_table's end
        t.emit(frames.depth()); // the control depth the try_table's frame gets
        t.emit(-1);
        t.emit(n);
        for (int i = 0; i < n; i++) {
            int kind = r.catchKind(i);
            int c = frames.frameOfLabel(r.catchLabel(i));
            boolean tagged = kind == CodeReader.CATCH || kind == CodeReader.CATCH_REF;
            boolean ref = kind == CodeReader.CATCH_REF || kind == CodeReader.CATCH_ALL_REF;
            t.emit(tagged ? r.catchTag(i) : -1);
            t.emit(ref ? REF_FLAG : 0);
            t.emit(v.localSlots() + frames.height(c));
            t.target(c);
        }
        code.set(h + 2, code.pc());
        t.noFusion();
        t.pushControl(ControlFrames.BLOCK, type, 0);
        tableAt[frames.innermost()] = h;
    }

    /** Flag words of a clause, as the interpreter reads them (Exceptions.REF, Exceptions.LEGACY). */
    static final int REF_FLAG = 1;
    static final int LEGACY_FLAG = 2;
    /** With LEGACY_FLAG: the arm rethrows, so its first slot gets the exception's exnref handle. */
    static final int KEEP_FLAG = 4;

    // ---- legacy try ----

    void legacyTry(FuncType type) {
        t.materializeBlock();
        t.pushControl(ControlFrames.TRY, type, 0);
        int c = frames.innermost();
        tryStart[c] = code.pc();
    }

    /**
     * Legacy {@code catch x} ({@code tag}, with its type) or {@code catch_all} ({@code tag} -1): the
     * arm before ends with a branch to the try's end; the new arm is a block of its own whose first
     * slot receives the exception, then the payload.
     */
    void legacyCatch(int tag, List<ValType> params) {
        int c = frames.innermost();
        if (frames.kind(c) == ControlFrames.TRY) {
            bodyEnd[c] = code.pc();
        }
        if (t.isLive()) {
            v.materializeFrom(frames.base(c), t);
            t.branch(c);
        }
        t.closeBlockHere();
        t.startBlockHere();
        int target = code.blockStart();
        frames.toCatch(c);
        v.truncate(frames.base(c));
        v.pushTemp(1);
        for (ValType p : params) {
            v.pushTemp(p.slots());
        }
        addClause(c, tag, LEGACY_FLAG, v.localSlots() + frames.height(c), target);
        t.setLive(true); // the try was reached, so its catch arms can be
    }

    private void addClause(int c, int tag, int flags, int dst, int target) {
        int[] cl = clauses[c];
        int k = clauseWords[c];
        if (cl == null || cl.length < k + 4) {
            cl = clauses[c] = cl == null ? new int[8] : Arrays.copyOf(cl, Math.max(k + 4, cl.length * 2));
        }
        cl[k] = tag;
        cl[k + 1] = flags;
        cl[k + 2] = dst;
        cl[k + 3] = target;
        clauseWords[c] = k + 4;
    }

    /**
     * Before the {@code end} of frame {@code c}: a try_table's table learns where the body ends; a
     * legacy catch arm moves its results down over the exception's slot and the try's table is
     * written.
     */
    void beforeEnd(int c) {
        if (tableAt[c] >= 0) {
            code.set(tableAt[c] + 3, code.pc());
            addHandler(tableAt[c]);
            // no fused op may rewind across the range's end, or later ops would fall inside it
            t.noFusion();
            return;
        }
        if (frames.kind(c) != ControlFrames.CATCH) {
            return;
        }
        if (t.isLive()) {
            v.materializeFrom(frames.base(c), t);
            t.moveBranchValues(c);
        }
        emitTable(c, -1);
    }

    /** Legacy {@code delegate l}: exceptions of the try's body go on to the handlers of label l. */
    void delegate(int label) {
        int c = frames.innermost();
        bodyEnd[c] = code.pc();
        clauseWords[c] = 0;
        emitTable(c, frames.frameOfLabel(label + 1));
    }

    private void emitTable(int c, int limit) {
        int n = clauseWords[c] / 4;
        int h = code.pc();
        t.emit(Op.CATCHES);
        t.emit(HEADER + 4 * n);
        t.emit(tryStart[c]);
        t.emit(bodyEnd[c]);
        t.emit(c);
        t.emit(limit);
        t.emit(n);
        for (int i = 0; i < 4 * n; i++) {
            // an arm no rethrow names needs no handle: the store then keeps nothing of the exception
            t.emit(i % 4 == 1 && rethrown[c] ? clauses[c][i] | KEEP_FLAG : clauses[c][i]);
        }
        t.noFusion();
        addHandler(h);
    }

    private void addHandler(int h) {
        if (handlerCount == handlers.length) {
            handlers = Arrays.copyOf(handlers, handlerCount * 2);
        }
        handlers[handlerCount++] = h;
    }
}
