package dev.sandpiper.interpreter.code;

import java.util.Arrays;

/**
 * The code of one function as the {@link CodeTranslator} emits it: the words, the basic blocks'
 * fuel charges, and the refunds of the ops that may stop execution inside a block.
 *
 * <p>Every basic block opens with {@code [FUEL n]}; {@link #startBlock()} emits it with {@code n}
 * open, {@link #cost()} counts the block's instructions, and {@link #closeBlock()} writes {@code n}.
 * For each op marked with {@link #trapSite()} the block's instructions after it become that op's
 * refund ({@link FunctionCode#refundAt}), so an exact count survives a trap or a deadline.
 *
 * <p>A branch to a block end not yet emitted leaves its target word open: the open words of one
 * block form a chain through the words themselves ({@link #chain}), resolved at once by
 * {@link #resolveChain} when the end is emitted.
 */
final class CodeBuffer {
    /** The value of an open target word, and the end of a chain. */
    static final int OPEN = -1;

    private int[] out = new int[256];
    private int pc;

    private int[] pollPoints = new int[8];
    private int pollCount;
    private int fuelPos = -1;
    private int blockCost;
    private int[] pendingPc = new int[16];
    private int[] pendingCost = new int[16];
    private int pendingCount;
    private int[] refundPc = new int[16];
    private int[] refund = new int[16];
    private int refundCount;

    /** Starts a new function. */
    void reset() {
        pc = 0;
        fuelPos = -1;
        blockCost = 0;
        pendingCount = 0;
        refundCount = 0;
        pollCount = 0;
    }

    /** Where the next word goes. */
    int pc() {
        return pc;
    }

    /** Drops the words from {@code at} on (an op replaced by a fused one; no trap site among them). */
    void rewind(int at) {
        pc = at;
    }

    void emit(int word) {
        if (pc == out.length) {
            out = Arrays.copyOf(out, pc * 2);
        }
        out[pc++] = word;
    }

    int word(int at) {
        return out[at];
    }

    void set(int at, int word) {
        out[at] = word;
    }

    /** Sets the open target word at {@code at} to {@code target}; nothing when {@code at} is {@link #OPEN}. */
    void patch(int at, int target) {
        if (at != OPEN) {
            out[at] = target;
        }
    }

    /** Links the target word just emitted in front of the chain {@code head}; returns the new head. */
    int chain(int head) {
        out[pc - 1] = head;
        return pc - 1;
    }

    /** Sets every target word of the chain {@code head} to {@code target}. */
    void resolveChain(int head, int target) {
        for (int f = head; f != OPEN; ) {
            int next = out[f];
            out[f] = target;
            f = next;
        }
    }

    // ---- fuel ----

    /** Opens a basic block: its {@code FUEL} op, whose charge {@link #closeBlock()} fills in. */
    void startBlock() {
        emit(Op.FUEL);
        emit(0);
        fuelPos = pc - 1;
        blockCost = 0;
    }

    /**
     * Marks the open block as a poll point (a function's entry or a loop head): the only blocks
     * where running out of fuel stops execution.
     */
    void markPollPoint() {
        if (pollCount == pollPoints.length) {
            pollPoints = Arrays.copyOf(pollPoints, Math.max(8, pollCount * 2));
        }
        pollPoints[pollCount++] = fuelPos;
    }

    /** The n words of the poll-point blocks, ascending. */
    int[] pollPoints() {
        return Arrays.copyOf(pollPoints, pollCount);
    }

    /** The {@code n} word of the open block's {@code FUEL}: where branches to the block go. */
    int blockStart() {
        return fuelPos;
    }

    /** Counts one executed instruction of the current block. */
    void cost() {
        blockCost++;
    }

    /** Notes that the op just emitted may stop execution. */
    void trapSite() {
        trapSiteAt(pc);
    }

    /**
     * Notes that the op just emitted may stop execution with the interpreter's pc at {@code pcAt}
     * rather than after the op: a {@code ColdOps} op traps before the loop moves its pc past the
     * immediates, so its refund is looked up at its first immediate.
     */
    void trapSiteAt(int pcAt) {
        if (pendingCount == pendingPc.length) {
            pendingPc = Arrays.copyOf(pendingPc, pendingCount * 2);
            pendingCost = Arrays.copyOf(pendingCost, pendingCount * 2);
        }
        pendingPc[pendingCount] = pcAt;
        pendingCost[pendingCount] = blockCost;
        pendingCount++;
    }

    /** Ends the current basic block: fixes its FUEL charge and its trap sites' refunds. */
    void closeBlock() {
        if (fuelPos >= 0) {
            out[fuelPos] = blockCost;
        }
        for (int i = 0; i < pendingCount; i++) {
            int remaining = blockCost - pendingCost[i];
            if (remaining > 0) {
                if (refundCount == refundPc.length) {
                    refundPc = Arrays.copyOf(refundPc, refundCount * 2);
                    refund = Arrays.copyOf(refund, refundCount * 2);
                }
                refundPc[refundCount] = pendingPc[i];
                refund[refundCount] = remaining;
                refundCount++;
            }
        }
        fuelPos = -1;
        blockCost = 0;
        pendingCount = 0;
    }

    // ---- the result ----

    /**
     * A {@code BR} to a block that only returns one slot ({@code FUEL 0, RETURN1 src}) becomes that
     * return: one dispatch less on the usual way out of an if/else at the end of a function. The
     * skipped block charges nothing, so fuel does not change.
     */
    void threadJumpsToReturns() {
        for (int p = 0; p < pc; p += 1 + Op.immediates(out, p)) {
            if (out[p] == Op.BR) {
                int t = out[p + 1];
                if (out[t] == 0 && out[t + 1] == Op.RETURN1) {
                    out[p] = Op.RETURN1;
                    out[p + 1] = out[t + 2];
                }
            }
        }
    }

    int[] code() {
        return Arrays.copyOf(out, pc);
    }

    /** Each trap site's pc after its op, ascending. */
    int[] refundPcs() {
        return Arrays.copyOf(refundPc, refundCount);
    }

    /** Each trap site's refund: the instructions of its block after it. */
    int[] refunds() {
        return Arrays.copyOf(refund, refundCount);
    }
}
