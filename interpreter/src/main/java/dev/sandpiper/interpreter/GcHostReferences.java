package dev.sandpiper.interpreter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The object references a store's host holds, as far as the store knows them: those handed to the
 * host since the last collection (a call's results, a host function's arguments, an exception's
 * payload reaching the host, a module global or table read by the host), which the next collection
 * keeps, and those the host pinned ({@link Store#pin}), kept until unpinned. So a reference the host
 * gets stays valid at least until its next call into the store returns ({@link Store}).
 */
final class GcHostReferences {
    /** What a reference handed to the host weighs towards the next collection: its place in the list. */
    static final long WEIGHT = 16;

    private long[] handedOut = new long[16];
    private int count;
    private final Map<Long, Integer> pins = new HashMap<>();

    /** Notes that the host received {@code ref}; whether it is an object handle (and was listed). */
    boolean handOut(long ref) {
        if ((ref & GcHeap.TAGS) != GcHeap.OBJECT_TAG) {
            return false;
        }
        if (count == handedOut.length) {
            makeRoom();
        }
        handedOut[count++] = ref;
        return true;
    }

    /**
     * Makes room in the full list: a long list drops its repeats first (a host reading one global a
     * million times between collections holds one entry), so it stays within the objects that
     * exist; it doubles only when still more than half full.
     */
    private void makeRoom() {
        if (count >= 4096) {
            Arrays.sort(handedOut, 0, count);
            int n = 1;
            for (int i = 1; i < count; i++) {
                if (handedOut[i] != handedOut[n - 1]) {
                    handedOut[n++] = handedOut[i];
                }
            }
            count = n;
        }
        if (count > handedOut.length / 2) {
            handedOut = Arrays.copyOf(handedOut, handedOut.length * 2);
        }
    }

    /** References listed since the last collection (repeats dropped when the list grew long). */
    int count() {
        return count;
    }

    void pin(long ref) {
        pins.merge(ref, 1, Integer::sum);
    }

    void unpin(long ref) {
        pins.computeIfPresent(ref, (r, n) -> n == 1 ? null : n - 1);
    }

    /** Marks the listed and the pinned references. */
    void mark(GcCollector c) {
        for (int i = 0; i < count; i++) {
            c.mark(handedOut[i]);
        }
        for (long ref : pins.keySet()) {
            c.mark(ref);
        }
    }

    /** After a collection: the references handed out before it are no longer kept by this list. */
    void clear() {
        count = 0;
        if (handedOut.length > 1024) {
            handedOut = new long[16];
        }
    }
}
