package dev.sandpiper.interpreter;

import dev.sandpiper.interpreter.code.FunctionCode;
import dev.sandpiper.interpreter.code.Op;
import java.util.Arrays;

/**
 * Throwing and catching WebAssembly exceptions in the interpreter (3.0, exception handling). A
 * throw is a Java throw of a {@link ThrownException}; the interpreter loop catches it and asks
 * {@link #handle} for the innermost handler of the frames it runs, which are searched from the
 * throwing op outwards through the handler tables ({@link Op#CATCHES}) of each function.
 *
 * <p>Fuel: as for a trap, the frames left are refunded the rest of their basic block; the catching
 * frame is refunded the rest of the block of the op that threw (or called), and the handler's
 * block is charged when entered, as a branch target is. Traps are {@link TrapException}s and never
 * reach a handler.
 *
 * <p>Spec: 3.0, Execution > Instructions > Control Instructions ({@code throw}, {@code throw_ref},
 * {@code try_table}); the appendix's legacy {@code try}, {@code catch}, {@code delegate},
 * {@code rethrow}.
 */
final class Exceptions {
    /** {@code flags} of a clause: hand the label an exnref after the payload (catch_ref, catch_all_ref). */
    static final int REF = 1;
    /** {@code flags} of a legacy catch: the exnref first, in the slot rethrow reads, then the payload. */
    static final int LEGACY = 2;
    /** {@code flags} of a legacy catch whose arm rethrows: the first slot gets the exnref handle. */
    static final int KEEP = 4;

    private Exceptions() {}

    /**
     * {@link Op#THROW}: the exception of tag {@code tag} with the payload in {@code stack[at...]}, or
     * for tag -1 the one the exnref in {@code stack[at]} designates (null traps).
     */
    static RuntimeException raise(Store s, Instance inst, int tag, long[] stack, int at) {
        if (tag < 0) {
            long ref = stack[at];
            if (ref == Table.NULL) {
                return new TrapException(TrapKind.NULL_EXCEPTION_REFERENCE);
            }
            return s.exception(ref);
        }
        Tag t = inst.tags[tag];
        return new ThrownException(t, Arrays.copyOfRange(stack, at, at + t.type().paramSlots()), true);
    }

    /**
     * Finds the handler of {@code ex}, thrown by (or through) the op ending at {@code pc} of
     * {@code fn} in the frame at {@code fp}, among the frames of this run of the loop (the frame
     * stack down to {@code entryFsp}). Found: writes the caught values into the handler's slots,
     * leaves the frame to resume in the store ({@code fuel}, {@code fsp}, {@code depth},
     * {@link Store#handlerFp}, {@link Store#handlerCode}) and returns the n word of the handler's
     * block. Not found: restores the store as at a trap and throws {@code ex} on.
     */
    static int handle(Store s, Instance inst, ThrownException ex, FunctionCode fn, int pc, int fp, int fsp,
            int depth, long fuel, int entryFsp, int entryDepth, int entryBase) {
        FunctionCode[] funcs = inst.codes;
        int[] frames = s.frames;
        for (;;) {
            fuel += fn.refundAt(pc);
            int target = catchIn(s, inst, ex, fn, pc, fp);
            if (target >= 0) {
                s.fuel = fuel;
                s.fsp = fsp;
                s.depth = depth;
                s.handlerFp = fp;
                s.handlerCode = fn;
                return target;
            }
            if (fsp == entryFsp) {
                s.fuel = fuel;
                s.fsp = entryFsp;
                s.depth = entryDepth;
                s.sp = entryBase;
                throw ex;
            }
            depth--;
            fn = funcs[frames[--fsp]];
            fp = frames[--fsp];
            pc = frames[--fsp];
        }
    }

    /**
     * The handler in {@code fn} for an exception from the op ending at {@code pc}: the first
     * matching clause of the innermost handler table around it, skipping those a legacy
     * {@code delegate} passes over. Returns its target, or -1.
     */
    private static int catchIn(Store s, Instance inst, ThrownException ex, FunctionCode fn, int pc, int fp) {
        if (fn.handlers().length == 0 || fn.isTailCallSite(pc)) {
            return -1; // a tail call left this frame's handlers behind
        }
        int[] code = fn.code();
        int limit = Integer.MAX_VALUE;
        for (int h : fn.handlers()) {
            // [CATCHES words start end depth limit n (tag flags dst target)*]
            if (pc <= code[h + 2] || pc > code[h + 3] || code[h + 4] > limit) {
                continue;
            }
            if (code[h + 5] >= 0) {
                limit = code[h + 5]; // delegate: on to the handlers at that depth and outside
                continue;
            }
            for (int i = 0, w = h + 7; i < code[h + 6]; i++, w += 4) {
                int tag = code[w];
                if (tag >= 0 && inst.tags[tag] != ex.tag()) {
                    continue;
                }
                long[] stack = s.stack;
                int d = fp + code[w + 2];
                if ((code[w + 1] & LEGACY) != 0) {
                    stack[d++] = (code[w + 1] & KEEP) != 0 ? s.exceptionHandle(ex) : Table.NULL;
                }
                if (tag >= 0) {
                    long[] payload = ex.payloadSlots();
                    System.arraycopy(payload, 0, stack, d, payload.length);
                    d += payload.length;
                }
                if ((code[w + 1] & REF) != 0) {
                    stack[d] = s.exceptionHandle(ex);
                }
                return code[w + 3];
            }
        }
        return -1;
    }
}
