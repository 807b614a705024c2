package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;

/**
 * One mark-sweep collection of a store's {@link GcHeap}: marks every object reachable from the
 * roots the store gives ({@link Store#collectGarbage()}), tracing the reference fields and
 * elements its type's layout names ({@link GcLayouts}) and the reference values of an exception's
 * payload, then lets the heap free the rest. The objects still to trace wait in an explicit work
 * list, so a long chain of objects takes no Java stack. Only an object handle of this store that
 * designates a live object is followed: i31 values, null, function handles and host values are
 * not objects, and a stale handle (a host's, past its validity) keeps nothing alive.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Store: objects that no reference reaches can never
 * be observed again, so the store may drop them (the spec leaves collection to the embedder).
 */
final class GcCollector {
    private final GcHeap heap;
    private final GcLayouts.Layout[] layouts = GcLayouts.table();
    /** A bit per slot: marked. */
    final long[] marks;
    private int[] work = new int[256];
    private int top;

    /**
     * Collects {@code heap}: marks from {@code roots} and the references the host holds, traces,
     * and frees the rest. Without heap for the mark bits or the work list, frees nothing (the next
     * safe point tries again).
     */
    static void collect(GcHeap heap, GcRoots roots) {
        GcCollector c;
        try {
            c = new GcCollector(heap);
            roots.mark(c);
            heap.host.mark(c);
            c.trace();
        } catch (OutOfMemoryError heapFull) {
            return;
        }
        heap.sweep(c.marks);
    }

    private GcCollector(GcHeap heap) {
        this.heap = heap;
        this.marks = new long[(heap.count + 63) >>> 6];
    }

    /** Marks the object {@code ref} designates, if it is a live object of this store. */
    void mark(long ref) {
        if ((ref & GcHeap.TAGS) != GcHeap.OBJECT_TAG) {
            return;
        }
        int slot = (int) ref;
        if (slot < 0 || slot >= heap.count || heap.objects[slot] == null
                || heap.generations[slot] != GcHeap.generation(ref)) {
            return;
        }
        int w = slot >>> 6;
        long bit = 1L << slot;
        if ((marks[w] & bit) != 0) {
            return;
        }
        marks[w] |= bit;
        if (top == work.length) {
            work = Arrays.copyOf(work, top * 2);
        }
        work[top++] = slot;
    }

    /** Marks the objects {@code refs} designate. */
    void mark(long[] refs) {
        for (long ref : refs) {
            mark(ref);
        }
    }

    /** Traces everything reachable from what is marked so far. */
    void trace() {
        while (top > 0) {
            Object o = heap.objects[work[--top]];
            if (o instanceof GcObjects.Struct s) {
                long[] slots = s.slots;
                for (int at : layouts[s.typeId].refSlots()) {
                    mark(slots[at]);
                }
            } else if (o instanceof GcObjects.Array a) {
                if (layouts[a.typeId].refElements()) {
                    long[] data = (long[]) a.data;
                    for (int i = 0; i < a.length; i++) {
                        mark(data[i]);
                    }
                }
            } else if (o instanceof ThrownException e) {
                payloadReferences(e, this::mark);
            }
        }
    }

    /** Gives {@code action} the references in an exception's payload (its tag's parameters of reference type). */
    static void payloadReferences(ThrownException e, java.util.function.LongConsumer action) {
        long[] payload = e.payloadSlots();
        int at = 0;
        for (ValType t : e.tag().type().params()) {
            if (t.isReference()) {
                action.accept(payload[at]);
            }
            at += t.slots();
        }
    }
}
