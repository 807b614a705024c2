package dev.sandpiper.interpreter;

import java.util.Arrays;

/**
 * The GC objects (structures, arrays, internalised external references, and exceptions held as
 * {@code exnref}) of one store, and how references to them are written as the 64-bit values both
 * tiers keep references in.
 *
 * <p><b>Encoding.</b> A reference of the internal hierarchy ({@code any}) is {@link Table#NULL}, an
 * unboxed {@code i31} ({@link #I31_TAG} and the 31 bits), or an object handle: {@link #OBJECT_TAG}
 * (bit 61), the slot's generation in bits 32..59 and the object's slot here in bits 0..31. Bits 63
 * and 60 of a handle are clear. An {@code exnref} is an object handle too. Function references
 * stay store function handles, external references the host's values. A host value is also a
 * valid internal reference (a host reference, neither i31 nor aggregate) unless its high bits look
 * like a tag: {@code any.convert_extern} then boxes it ({@link ExternBox}) and
 * {@code extern.convert_any} unboxes it; other values, and internal references, pass through both
 * unchanged (spec 3.0, Execution > {@code any.convert_extern}, {@code extern.convert_any}). Two
 * handles designate the same object exactly when their 64 bits are equal, which is {@code ref.eq}.
 *
 * <p><b>When objects are freed.</b> The store collects ({@link GcCollector}) only at a safe point:
 * when the host's outermost call into the store returns (with results, a trap or an exception), so
 * that no WebAssembly frame of the store is active on either tier and every reference is in a
 * root: a global, a table or a passive element segment not yet dropped of the store's instances,
 * a field of a reachable object, the payload of a reachable exception, or a reference handed to
 * the host ({@link #handOut}, {@link #pin}). It collects only when the bytes allocated since the
 * last collection, with a few bytes for each reference handed to the host, pass a threshold:
 * the bytes live after the last collection, at least 1 MiB, at most half the room left under the
 * limits, so a call that allocates nothing pays one comparison. Unreachable objects leave their
 * slot, their charge is refunded and the JVM reclaims them. A freed slot is reused with its
 * generation advanced, so a handle kept past its object's life never designates another object:
 * using it traps with {@link TrapKind#STALE_REFERENCE}. (A slot whose generation would wrap is
 * never reused.) Allocation itself never collects: it happens inside WebAssembly code or
 * instantiation, where references live in frames the collector cannot see.
 *
 * <p><b>Memory.</b> Each allocation is charged against two limits: the store's
 * {@link ExecutionLimits#maxMemoryPages()} in 64 KiB pages (the same number that caps an
 * instance's linear memories) and the store's {@link MemoryBudget}, whose reservation is given back
 * when objects are freed and when the store is closed or collected by the JVM. An allocation past
 * either traps with {@link TrapKind#GC_OUT_OF_MEMORY}, so a guest that keeps allocating reachable
 * objects stops with a precise trap long before the JVM heap runs out. Exceptions are not charged;
 * at most {@link Store#MAX_EXCEPTION_REFERENCES} of them are held as references at once.
 */
final class GcHeap {
    /** Tag of an unboxed i31 value: bit 62. */
    static final long I31_TAG = 1L << 62;
    /** Tag of an object handle: bit 61. */
    static final long OBJECT_TAG = 1L << 61;
    static final long TAGS = I31_TAG | OBJECT_TAG | 1L << 63 | 1L << 60;
    /** Largest generation (28 bits, bits 32..59 of a handle). */
    static final int MAX_GENERATION = (1 << 28) - 1;
    /** Bytes charged per object beyond its payload: headers and its slot in this table. */
    static final long OVERHEAD = 40;
    /** Least threshold of allocation between two collections. */
    static final long MIN_THRESHOLD = 1 << 20;

    Object[] objects = new Object[64];
    int[] generations = new int[64];
    /** Slots in use or freed: slots at and past this one were never used. */
    int count;
    private int[] free = new int[64];
    private int freeCount;
    private final MemoryBudget.Holding holding;
    private final long limit;
    private long used;
    private int live;
    /** Exceptions held as references (slots holding a {@link ThrownException}). */
    int exceptions;

    /** Bytes allocated, and weight handed out, since the last collection: the store compares it with {@link #threshold}. */
    long sinceCollection;
    long threshold;
    private long collections;

    /** The references the host holds: roots of every collection. */
    final GcHostReferences host = new GcHostReferences();

    GcHeap(Store store) {
        this.holding = store.hold(this);
        this.limit = (long) store.limits().maxMemoryPages() * 65536L;
        this.threshold = Math.min(MIN_THRESHOLD, limit / 2);
    }

    /** Charges {@code payload} bytes for a new object, or traps naming the limit it would pass. */
    void charge(long payload) {
        long bytes = payload + OVERHEAD;
        if (used + bytes > limit) {
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: GC allocation of " + bytes
                    + " bytes exceeds the store's limit of " + limit + " bytes (" + limit / 65536 + " pages), "
                    + used + " in use by reachable or not yet collected objects");
        }
        if (!holding.grow(bytes)) {
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: GC allocation of " + bytes
                    + " bytes does not fit the memory budget, which has " + holding.budget().describe());
        }
        used += bytes;
        sinceCollection += bytes;
    }

    /** Gives back a charge of {@code payload} bytes whose object could not be made. */
    void refund(long payload) {
        long bytes = payload + OVERHEAD;
        used -= bytes;
        sinceCollection -= bytes;
        holding.shrink(bytes);
    }

    /** Adds an object already charged for (an exception needs no charge); its reference value. */
    long add(Object o) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (count == objects.length) {
                if (count == Integer.MAX_VALUE) {
                    throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: more than "
                            + Integer.MAX_VALUE + " GC objects");
                }
                int n = (int) Math.min(Integer.MAX_VALUE, 2L * count);
                try {
                    Object[] moreObjects = Arrays.copyOf(objects, n);
                    generations = Arrays.copyOf(generations, n);
                    objects = moreObjects; // last: objects.length is what add compares with
                } catch (OutOfMemoryError heapFull) {
                    throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: the JVM heap has no room for a"
                            + " table of " + n + " GC objects");
                }
            }
            slot = count++;
        }
        objects[slot] = o;
        live++;
        return OBJECT_TAG | (long) generations[slot] << 32 | slot;
    }

    /** Bytes charged for objects not yet freed. */
    long used() {
        return used;
    }

    /** Objects not yet freed. */
    int live() {
        return live;
    }

    /** Collections so far. */
    long collections() {
        return collections;
    }

    /**
     * The object {@code ref} designates, or null when it is not an object handle of this store.
     * Traps with {@link TrapKind#STALE_REFERENCE} when it is the handle of an object since freed.
     */
    Object object(long ref) {
        if ((ref & TAGS) != OBJECT_TAG) {
            return null;
        }
        int slot = (int) ref;
        if (slot < 0 || slot >= count) {
            return null;
        }
        Object o = objects[slot];
        if (o == null || generations[slot] != generation(ref)) {
            throw stale(ref);
        }
        return o;
    }

    /** As {@link #object}, but null for a stale handle too. */
    Object peek(long ref) {
        if ((ref & TAGS) != OBJECT_TAG) {
            return null;
        }
        int slot = (int) ref;
        if (slot < 0 || slot >= count || generations[slot] != generation(ref)) {
            return null;
        }
        return objects[slot];
    }

    /** Whether {@code ref} is the handle of an object of this store since freed. */
    boolean isStale(long ref) {
        if ((ref & TAGS) != OBJECT_TAG) {
            return false;
        }
        int slot = (int) ref;
        return slot >= 0 && slot < count && (objects[slot] == null || generations[slot] != generation(ref));
    }

    static int generation(long ref) {
        return (int) (ref >>> 32) & MAX_GENERATION;
    }

    static TrapException stale(long ref) {
        return new TrapException(TrapKind.STALE_REFERENCE, staleDetail(ref));
    }

    /** Why {@code ref} is stale, for a trap's detail. */
    static String staleDetail(long ref) {
        return "0x" + Long.toHexString(ref) + " designates an object a collection of the store has freed (a reference"
                + " handed to the host stays valid until the host's next call into the store returns, or while"
                + " pinned with Store.pin)";
    }

    // ---- references handed to the host ----

    /** Notes that the host received {@code ref}: it survives the next collection. */
    void handOut(long ref) {
        if (host.handOut(ref)) {
            sinceCollection += GcHostReferences.WEIGHT;
        }
    }

    /** Notes the references among {@code values} (at {@code slots}) as handed to the host. */
    void handOut(long[] values, int[] slots) {
        for (int at : slots) {
            handOut(values[at]);
        }
    }

    /** {@link Store#refuseStale}. */
    void refuseStale(FunctionInstance f, long[] values, int[] slots, String what) {
        for (int at : slots) {
            if (at < values.length && isStale(values[at])) {
                throw new TrapException(TrapKind.STALE_REFERENCE, what + " slot " + at + " of " + f + ": "
                        + staleDetail(values[at]));
            }
        }
    }

    /** {@link Store#pin}: traps when {@code ref} is stale. */
    void pin(long ref) {
        if (object(ref) != null) {
            host.pin(ref);
        }
    }

    // ---- collection ----

    /**
     * Frees every object the collector did not mark, refunds their charges, forgets the references
     * handed out before, and sets the next threshold.
     */
    void sweep(long[] marks) {
        long freed = 0;
        for (int slot = 0; slot < count; slot++) {
            Object o = objects[slot];
            if (o == null || (marks[slot >>> 6] & 1L << slot) != 0) {
                continue;
            }
            freed += charged(o);
            if (o instanceof ThrownException) {
                exceptions--;
            }
            objects[slot] = null;
            live--;
            if (generations[slot] < MAX_GENERATION) {
                generations[slot]++;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = slot;
            }
        }
        used -= freed;
        holding.shrink(freed);
        host.clear();
        collections++;
        sinceCollection = 0;
        long room = limit - used;
        MemoryBudget budget = holding.budget();
        room = Math.min(room, budget.capacity() - budget.used());
        threshold = Math.max(0, Math.min(Math.max(MIN_THRESHOLD, used), room / 2));
    }

    /** What {@code o} was charged: its payload and {@link #OVERHEAD}; nothing for an exception. */
    private static long charged(Object o) {
        if (o instanceof GcObjects.Struct s) {
            return 8L * s.slots.length + OVERHEAD;
        }
        if (o instanceof GcObjects.Array a) {
            return (long) a.length * GcLayouts.of(a.typeId).elementBytes() + OVERHEAD;
        }
        if (o instanceof ExternBox) {
            return 8 + OVERHEAD;
        }
        return 0;
    }

    /** Whether {@code ref} (not null) has tag bits: an i31, an object handle, or a host value that looks like one. */
    static boolean isTagged(long ref) {
        return (ref & TAGS) != 0;
    }

    static boolean isI31(long ref) {
        return (ref & TAGS) == I31_TAG && (ref & ~I31_TAG) <= 0x7FFF_FFFFL;
    }

    /** {@code ref.i31}: the low 31 bits of {@code value}. */
    static long i31(int value) {
        return I31_TAG | (value & 0x7FFF_FFFFL);
    }

    /** An external reference seen from the internal hierarchy (spec 3.0: {@code any.convert_extern}). */
    record ExternBox(long value) {
    }
}
