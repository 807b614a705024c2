package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * The state of the spec's validation algorithm: the operand stack of value types and the control
 * stack of frames, with the appendix's operations under its names ({@code pushOperand},
 * {@code popOperand}, {@code pushControl}, {@code popControl}, {@code unreachable}). Besides types it
 * tracks heights in 64-bit slots (v128 takes two) for {@link dev.sandpiper.validator.analysis.FunctionAnalysis}.
 * Arrays are reused from one function to the next.
 *
 * <p>Spec: 2.0, Appendix > Validation Algorithm, {@code appendix/algorithm.html}.
 */
final class TypeStack {
    /** The spec's bottom type: an operand of unknown type, produced in unreachable code. */
    static final int UNKNOWN = -1;

    private static final ValType[] TYPES = ValType.values();
    /** Codes of (ref func) and (ref extern); a concrete reference type's code starts at CONCRETE. */
    private static final int REF_FUNC = TYPES.length;
    private static final int REF_EXTERN = TYPES.length + 1;
    /** Codes of exnref and (ref exn) (3.0, exception handling). */
    private static final int EXNREF = 10;
    private static final int REF_EXN = 11;
    private static final int NULLEXNREF = 12;
    private static final int REF_NOEXN = 13;
    /** Codes of the other abstract reference types: ABSTRACT + 2 * (-heap - 0x0D) + (nullable ? 1 : 0). */
    private static final int ABSTRACT = 16;
    private static final int CONCRETE = 64;
    private static final int V128_CODE = ValType.V128.ordinal();

    // Operand stack: type codes (see code(ValType), or UNKNOWN) and the slot height after each operand.
    private int[] types = new int[64];
    private int[] slotTops = new int[64];
    private int size;
    private int maxSlots;

    // Control stack, one entry per open frame.
    private Opcode[] frameOps = new Opcode[16];
    private FuncType[] frameTypes = new FuncType[16];
    private int[] frameHeights = new int[16];
    private boolean[] frameUnreachable = new boolean[16];
    private int[] frameIds = new int[16];
    private int[] frameStarts = new int[16];
    private int frames;
    private int nextFrameId;

    // 3.0 local initialisation: locals set so far (spec's "inits"), and each frame's height in it.
    private boolean[] localSet = new boolean[16];
    private int[] inits = new int[16];
    private int initCount;
    private int[] frameInits = new int[16];

    private InvalidSink sink;
    /** The closed id of each type index ({@link dev.sandpiper.decoder.model.DefinedTypes}). */
    private int[] typeIds = new int[0];

    /** Where errors go: raises {@link InvalidModuleException} at the current instruction. */
    interface InvalidSink {
        InvalidModuleException invalid(String reason);
    }

    void reset(InvalidSink sink, int[] typeIds, int localCount) {
        this.sink = sink;
        this.typeIds = typeIds;
        if (localSet.length < localCount) {
            localSet = new boolean[localCount];
        } else {
            Arrays.fill(localSet, 0, localCount, false);
        }
        initCount = 0;
        size = 0;
        maxSlots = 0;
        frames = 0;
        nextFrameId = 0;
    }

    int maxSlots() {
        return maxSlots;
    }

    // ---- operands ----

    /**
     * A type as an int: the 2.0 types by kind (i32 0 ... externref 6), then (ref func), (ref
     * extern), then GC's abstract reference types, then concrete references as {@code CONCRETE + 2 * index + (nullable ? 1 : 0)}.
     */
    static int code(ValType t) {
        if (t.isConcrete()) {
            return CONCRETE + 2 * t.heapType() + (t.isNullable() ? 1 : 0);
        }
        if (t == ValType.REF_FUNC) {
            return REF_FUNC;
        }
        if (t == ValType.REF_EXTERN) {
            return REF_EXTERN;
        }
        if (t == ValType.EXNREF) {
            return EXNREF;
        }
        if (t == ValType.REF_EXN) {
            return REF_EXN;
        }
        if (t == ValType.NULLEXNREF) {
            return NULLEXNREF;
        }
        if (t == ValType.REF_NOEXN) {
            return REF_NOEXN;
        }
        if (t.isReference() && t != ValType.FUNCREF && t != ValType.EXTERNREF) {
            return ABSTRACT + 2 * (-t.heapType() - 0x0D) + (t.isNullable() ? 1 : 0);
        }
        return t.ordinal();
    }

    /** The type of a code ({@link #UNKNOWN} excluded). */
    static ValType type(int code) {
        if (code >= CONCRETE) {
            return ValType.ref(((code - CONCRETE) & 1) == 1, (code - CONCRETE) >>> 1);
        }
        if (code == REF_FUNC) {
            return ValType.REF_FUNC;
        }
        if (code == REF_EXTERN) {
            return ValType.REF_EXTERN;
        }
        if (code == EXNREF) {
            return ValType.EXNREF;
        }
        if (code == REF_EXN) {
            return ValType.REF_EXN;
        }
        if (code == NULLEXNREF) {
            return ValType.NULLEXNREF;
        }
        if (code == REF_NOEXN) {
            return ValType.REF_NOEXN;
        }
        if (code >= ABSTRACT) {
            return ValType.ref(((code - ABSTRACT) & 1) == 1, -((code - ABSTRACT) >>> 1) - 0x0D);
        }
        return TYPES[code];
    }

    static String name(int type) {
        return type == UNKNOWN ? "unknown" : type(type).toString();
    }

    static boolean isNumeric(int type) {
        return type == UNKNOWN || type < TYPES.length && TYPES[type].isNumeric();
    }

    static boolean isVector(int type) {
        return type == UNKNOWN || type == V128_CODE;
    }

    static boolean isReference(int type) {
        return type == UNKNOWN || type(type).isReference();
    }

    /** Slots the operand stack holds now. */
    int slotHeight() {
        return size == 0 ? 0 : slotTops[size - 1];
    }

    void pushOperand(int type) {
        if (size == types.length) {
            types = Arrays.copyOf(types, size * 2);
            slotTops = Arrays.copyOf(slotTops, size * 2);
        }
        int slots = type == V128_CODE ? 2 : 1;
        int top = slotHeight() + slots;
        types[size] = type;
        slotTops[size] = top;
        size++;
        if (top > maxSlots) {
            maxSlots = top;
        }
    }

    void pushOperand(ValType t) {
        pushOperand(code(t));
    }

    /** Operands of the innermost frame, above its base. */
    int operandsAboveBase() {
        return size - frameHeights[frames - 1];
    }

    /** Pops any operand; in unreachable code beyond the frame's base this yields {@link #UNKNOWN}. */
    int popOperand() {
        int base = frameHeights[frames - 1];
        if (size == base) {
            if (frameUnreachable[frames - 1]) {
                return UNKNOWN;
            }
            throw sink.invalid("type mismatch: expected a value, found an empty stack");
        }
        return types[--size];
    }

    /**
     * Pops an operand whose type matches {@code expected} (or of unknown type); returns the actual
     * type. Spec: 3.0, the appendix's pop_val with subtyping (Validation > Matching).
     */
    int popOperand(int expected) {
        int actual = popOperand();
        if (actual != expected && actual != UNKNOWN && expected != UNKNOWN && !matches(actual, expected)) {
            throw sink.invalid("type mismatch: expected " + name(expected) + ", found " + name(actual));
        }
        return actual;
    }

    int popOperand(ValType expected) {
        return popOperand(code(expected));
    }

    /** Whether type code {@code actual} matches {@code expected} (3.0 subtyping). */
    boolean matches(int actual, int expected) {
        if (actual == expected || actual == UNKNOWN || expected == UNKNOWN) {
            return true;
        }
        if (actual < REF_FUNC && expected < REF_FUNC) {
            return false;
        }
        return Subtyping.matches(type(actual), type(expected), typeIds);
    }

    // ---- local initialisation (3.0, Validation > Instructions > Local Instructions) ----

    /** Marks local {@code index} set until the end of the innermost frame. */
    void setLocal(int index) {
        if (!localSet[index]) {
            localSet[index] = true;
            if (initCount == inits.length) {
                inits = Arrays.copyOf(inits, initCount * 2);
            }
            inits[initCount++] = index;
        }
    }

    boolean isLocalSet(int index) {
        return localSet[index];
    }

    /** Forgets the locals set since the innermost frame opened: they are set only inside it. */
    private void resetLocals(int height) {
        while (initCount > height) {
            localSet[inits[--initCount]] = false;
        }
    }

    /**
     * Whether the innermost frame's top operands match {@code ts} (the frame's unreachable part
     * matching anything), so that popping them will not fail.
     */
    boolean topMatches(List<ValType> ts) {
        int base = frameHeights[frames - 1];
        for (int i = ts.size() - 1, at = size - 1; i >= 0; i--, at--) {
            if (at < base) {
                return frameUnreachable[frames - 1];
            }
            if (!matches(types[at], code(ts.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** The top {@code n} operands of the innermost frame (fewer if it has fewer), as {@code [t*]}. */
    String describeTop(int n) {
        int from = Math.max(frameHeights[frames - 1], size - n);
        StringBuilder sb = new StringBuilder("[");
        for (int i = from; i < size; i++) {
            sb.append(i > from ? " " : "").append(name(types[i]));
        }
        return sb.append(']').toString();
    }

    /** Types as the reference interpreter lists them: {@code [i32 i64]}. */
    static String list(List<ValType> ts) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ts.size(); i++) {
            sb.append(i > 0 ? " " : "").append(ts.get(i));
        }
        return sb.append(']').toString();
    }

    void pushOperands(List<ValType> ts) {
        for (int i = 0; i < ts.size(); i++) {
            pushOperand(ts.get(i));
        }
    }

    void popOperands(List<ValType> ts) {
        for (int i = ts.size() - 1; i >= 0; i--) {
            popOperand(ts.get(i));
        }
    }

    // ---- control frames ----

    int frameCount() {
        return frames;
    }

    /**
     * Opens a frame for {@code op} whose block type is {@code type}, with the params already popped
     * by the caller; pushes them back as the frame's first operands.
     *
     * @param start byte offset of the instruction that opens the frame
     */
    void pushControl(Opcode op, FuncType type, int start) {
        if (frames > dev.sandpiper.decoder.ImplementationLimits.MAX_CONTROL_DEPTH) {
            throw sink.invalid("control nesting deeper than " + dev.sandpiper.decoder.ImplementationLimits.MAX_CONTROL_DEPTH
                    + " (implementation limit)");
        }
        if (frames == frameOps.length) {
            int n = frames * 2;
            frameOps = Arrays.copyOf(frameOps, n);
            frameTypes = Arrays.copyOf(frameTypes, n);
            frameHeights = Arrays.copyOf(frameHeights, n);
            frameUnreachable = Arrays.copyOf(frameUnreachable, n);
            frameIds = Arrays.copyOf(frameIds, n);
            frameStarts = Arrays.copyOf(frameStarts, n);
            frameInits = Arrays.copyOf(frameInits, n);
        }
        frameInits[frames] = initCount;
        frameOps[frames] = op;
        frameTypes[frames] = type;
        frameHeights[frames] = size;
        frameUnreachable[frames] = false;
        frameIds[frames] = nextFrameId++;
        frameStarts[frames] = start;
        frames++;
        pushOperands(type.params());
    }

    /** Closes the innermost frame: its results must be exactly what remains above its base. */
    void popControl() {
        if (frames == 0) {
            throw sink.invalid("unexpected end");
        }
        int f = frames - 1;
        if (frameOps[f] == Opcode.TRY || frameOps[f] == Opcode.CATCH || frameOps[f] == Opcode.CATCH_ALL) {
            // the legacy suite words these as the reference interpreter does
            List<ValType> results = frameTypes[f].results();
            if (!topMatches(results)) {
                throw sink.invalid("type mismatch: instruction requires " + list(results) + " but stack has "
                        + describeTop(results.size()));
            }
            if (!frameUnreachable[f] && size - frameHeights[f] > results.size()) {
                throw sink.invalid("type mismatch: block requires " + list(results) + " but stack has "
                        + describeTop(size - frameHeights[f]));
            }
        }
        popOperands(frameTypes[f].results());
        if (size != frameHeights[f]) {
            throw sink.invalid("type mismatch: values remain on the stack at the end of a block");
        }
        resetLocals(frameInits[f]);
        frames--;
    }

    /**
     * Turns the innermost {@code if} frame into its {@code else} frame: the then-branch must have
     * produced the results; the frame keeps its id, since both arms end at the same {@code end}.
     */
    void enterElse() {
        int f = frames - 1;
        FuncType type = frameTypes[f];
        int id = frameIds[f];
        int start = frameStarts[f];
        popControl();
        pushControl(Opcode.ELSE, type, start);
        frameIds[frames - 1] = id;
        nextFrameId--;
    }

    /**
     * Turns the innermost {@code try} (or {@code catch}) frame into a legacy {@code catch} or
     * {@code catch_all} frame ({@code op}) whose parameters are {@code params}, the caught values:
     * the arm before must have produced the results. Below the new frame's base lies one hidden
     * {@code exnref}, the caught exception that {@code rethrow} throws again (the interpreter keeps
     * it in that slot); {@code end} pops it. The frame keeps its id, since every arm ends at the
     * same {@code end}. Spec: 3.0 appendix, legacy exception handling.
     */
    void enterCatch(Opcode op, List<ValType> params) {
        int f = frames - 1;
        FuncType type = frameTypes[f];
        int id = frameIds[f];
        int start = frameStarts[f];
        popControl();
        if (frameOps[f] == Opcode.CATCH || frameOps[f] == Opcode.CATCH_ALL) {
            popOperand(); // the previous arm's hidden exception
        }
        pushOperand(ValType.EXNREF);
        pushControl(op, new FuncType(params, type.results()), start);
        frameIds[frames - 1] = id;
        nextFrameId--;
    }

    /** The opcode that opened frame {@code f}. */
    Opcode frameOp(int f) {
        return frameOps[f];
    }

    /** The innermost frame's opcode, type and id (valid until the next pop). */
    Opcode topOp() {
        return frameOps[frames - 1];
    }

    FuncType topType() {
        return frameTypes[frames - 1];
    }

    int topId() {
        return frameIds[frames - 1];
    }

    /** Index of the frame a label of depth {@code depth} refers to, or -1 when there is none. */
    int frameOfLabel(long depth) {
        return depth >= 0 && depth < frames ? frames - 1 - (int) depth : -1;
    }

    /** The types a branch to frame {@code f} carries: a loop's params, any other frame's results. */
    List<ValType> labelTypes(int f) {
        return frameOps[f] == Opcode.LOOP ? frameTypes[f].params() : frameTypes[f].results();
    }

    boolean isLoop(int f) {
        return frameOps[f] == Opcode.LOOP;
    }

    int frameId(int f) {
        return frameIds[f];
    }

    int frameStart(int f) {
        return frameStarts[f];
    }

    /** Slot height at frame {@code f}'s base. */
    int frameBaseSlots(int f) {
        int h = frameHeights[f];
        return h == 0 ? 0 : slotTops[h - 1];
    }

    boolean isUnreachable() {
        return frameUnreachable[frames - 1];
    }

    /** The rest of the innermost frame cannot be reached: its operand stack becomes polymorphic. */
    void unreachable() {
        size = frameHeights[frames - 1];
        frameUnreachable[frames - 1] = true;
    }
}
