package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The small loops of a function, where its loads and stores at offset 0 take {@code
 * TierLoopMemory}'s form (the array's check first, which HotSpot then finds redundant, see there):
 * loops without a call or {@code memory.grow} anywhere inside (loops inside them included) and with
 * at most {@link #MAX_ACCESSES} scalar accesses in all. Found once per function by reading its code;
 * a loop is the byte range of its instructions. The limit keeps the form out of large loop bodies
 * with many accesses, where its extra test of the array's length against the size costs more than
 * the check it saves (the JSON kernel's tokenizing loop, 26 loads); the sieve kernel's loops, one
 * to four accesses each, ran twice as fast with it.
 */
final class TightLoops {
    /** Most scalar accesses a loop may make and still count as small. */
    static final int MAX_ACCESSES = 8;

    private static final TightLoops NONE = new TightLoops(new int[0]);

    /** Start and end code offsets of each small loop, in pairs, in code order. */
    private final int[] ranges;

    private TightLoops(int[] ranges) {
        this.ranges = ranges;
    }

    /** The small loops of defined function {@code definedIndex}. */
    static TightLoops of(Module module, int definedIndex) {
        CodeReader r = module.codeReader(definedIndex);
        Deque<int[]> open = new ArrayDeque<>(); // per open block: start (-1 unless a loop), accesses, 1 if disqualified
        open.push(new int[] {-1, 0, 1});
        List<Integer> found = new ArrayList<>();
        while (r.hasNext() && !open.isEmpty()) {
            Opcode op = r.next();
            switch (op) {
                case LOOP -> open.push(new int[] {r.opcodeOffset(), 0, 0});
                case BLOCK, IF, TRY_TABLE, TRY -> open.push(new int[] {-1, 0, 1});
                case END, DELEGATE -> { // delegate ends a (legacy) try
                    int[] b = open.pop();
                    if (b[0] >= 0 && b[2] == 0 && b[1] <= MAX_ACCESSES) {
                        found.add(b[0]);
                        found.add(r.opcodeOffset());
                    }
                }
                case CALL, CALL_INDIRECT, CALL_REF, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF,
                        MEMORY_GROW -> disqualify(open);
                default -> {
                    if (op.family() == Family.MEMORY && op.prefix() == 0 && op.memoryBytes() > 0) {
                        for (int[] b : open) {
                            b[1]++;
                        }
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return NONE;
        }
        int[] ranges = new int[found.size()];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = found.get(i);
        }
        return new TightLoops(ranges);
    }

    private static void disqualify(Deque<int[]> open) {
        for (int[] b : open) {
            b[2] = 1;
        }
    }

    /** Whether the instruction at code offset {@code at} is inside a small loop. */
    boolean contains(int at) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (at > ranges[i] && at < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
