package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.code.CodeReader;
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

    /** A block open while reading: a loop (from its start offset) or another kind (start -1). */
    private static final class Open {
        final int start;
        int accesses;
        boolean disqualified;

        Open(int start) {
            this.start = start;
            this.disqualified = start < 0;
        }
    }

    /** The small loops of defined function {@code definedIndex}. */
    static TightLoops of(Module module, int definedIndex) {
        CodeReader r = module.codeReader(definedIndex);
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(-1)); // the function's body
        List<Integer> found = new ArrayList<>();
        while (r.hasNext() && !open.isEmpty()) {
            Opcode op = r.next();
            switch (op) {
                case LOOP -> open.push(new Open(r.opcodeOffset()));
                case BLOCK, IF, TRY_TABLE, TRY -> open.push(new Open(-1));
                case END, DELEGATE -> { // delegate ends a (legacy) try
                    Open b = open.pop();
                    if (!b.disqualified && b.accesses <= MAX_ACCESSES) {
                        found.add(b.start);
                        found.add(r.opcodeOffset());
                    }
                }
                case CALL, CALL_INDIRECT, CALL_REF, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF,
                        MEMORY_GROW -> open.forEach(b -> b.disqualified = true);
                default -> {
                    if (FunctionTranslator.plainAccess(op)) {
                        open.forEach(b -> b.accesses++);
                    }
                }
            }
        }
        return found.isEmpty() ? NONE : new TightLoops(found.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether a small loop starts at code offset {@code at} (its {@code loop} instruction). */
    boolean startsAt(int at) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (at == ranges[i]) {
                return true;
            }
        }
        return false;
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
