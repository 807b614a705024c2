package dev.sandpiper.interpreter.code;

import java.util.Arrays;

/**
 * A function body translated for the interpreter: its code words ({@link Op}) and the frame layout
 * the interpreter needs to call it. Immutable and shared by every instance of the module.
 *
 * <p>Frame layout in the value stack: the parameters, then the other locals and the zero slot (all
 * zeroed on entry; the zero slot is never written, ops read the constant 0 there), then up to
 * {@link #maxStackSlots()} canonical operand slots.
 */
public final class FunctionCode {
    private final int funcIndex;
    private final String name;
    private final int[] code;
    private final int paramSlots;
    private final int localSlots;
    private final int maxStackSlots;
    private final int resultSlots;
    private final int[] refundPcs;
    private final int[] refunds;
    private final int[] pollPoints;
    private final int[] handlers;
    private final int[] tailCallSites;

    FunctionCode(int funcIndex, String name, int[] code, int paramSlots, int localSlots, int maxStackSlots,
            int resultSlots, int[] refundPcs, int[] refunds, int[] pollPoints) {
        this(funcIndex, name, code, paramSlots, localSlots, maxStackSlots, resultSlots, refundPcs, refunds,
                pollPoints, new int[0], new int[0]);
    }

    FunctionCode(int funcIndex, String name, int[] code, int paramSlots, int localSlots, int maxStackSlots,
            int resultSlots, int[] refundPcs, int[] refunds, int[] pollPoints, int[] handlers, int[] tailCallSites) {
        this.handlers = handlers;
        this.tailCallSites = tailCallSites;
        this.funcIndex = funcIndex;
        this.name = name;
        this.code = code;
        this.paramSlots = paramSlots;
        this.localSlots = localSlots;
        this.maxStackSlots = maxStackSlots;
        this.resultSlots = resultSlots;
        this.refundPcs = refundPcs;
        this.refunds = refunds;
        this.pollPoints = pollPoints;
    }

    /** Index of the function in the module's function index space. */
    public int funcIndex() {
        return funcIndex;
    }

    /** Debug name from the name section, or null. */
    public String name() {
        return name;
    }

    /** The code words; the interpreter reads them and never writes. */
    public int[] code() {
        return code;
    }

    public int paramSlots() {
        return paramSlots;
    }

    /** Slots before the operands: all locals, parameters included, and the zero slot. */
    public int localSlots() {
        return localSlots;
    }

    /** The slot that always holds 0, after the declared locals. */
    public int zeroSlot() {
        return localSlots - 1;
    }

    public int maxStackSlots() {
        return maxStackSlots;
    }

    /** Slots a frame of this function needs: locals plus operands. */
    public int frameSlots() {
        return localSlots + maxStackSlots;
    }

    public int resultSlots() {
        return resultSlots;
    }

    /**
     * Instructions charged in advance but not executed when execution stops inside the op that
     * ends at word {@code pcAfter} (a trap there, or in a function it called): the rest of that op's
     * basic block. 0 when none.
     */
    public int refundAt(int pcAfter) {
        int i = Arrays.binarySearch(refundPcs, pcAfter);
        return i >= 0 ? refunds[i] : 0;
    }

    /**
     * Whether the block whose n word is at {@code t} is a poll point, the function's entry or a loop
     * head: where running out of fuel stops execution (interpreter/README.md, Fuel).
     */
    public boolean isPollPoint(int t) {
        return Arrays.binarySearch(pollPoints, t) >= 0;
    }

    /**
     * Where the function's exception handler tables ({@link Op#CATCHES}) are, innermost first (in
     * the order their ranges end); empty without exception handling (3.0).
     */
    public int[] handlers() {
        return handlers;
    }

    /**
     * Whether the op ending at {@code pcAfter} is a tail call that calls (a host function or another
     * instance's) before returning: an exception from it is not this frame's to catch, since a tail
     * call leaves the frame first (3.0, {@code return_call}).
     */
    public boolean isTailCallSite(int pcAfter) {
        return Arrays.binarySearch(tailCallSites, pcAfter) >= 0;
    }

    /** "func N name" for traces. */
    public String describe() {
        return name == null ? "func " + funcIndex : "func " + funcIndex + " " + name;
    }
}
