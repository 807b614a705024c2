package dev.sandpiper.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * The GC objects (structures, arrays, internalised external references) of one store, and how
 * references to them are written as the 64-bit values both tiers keep references in.
 *
 * <p>A reference of the internal hierarchy ({@code any}) is {@link Table#NULL}, an unboxed
 * {@code i31} ({@link #I31_TAG} and the 31 bits), or an object handle ({@link #OBJECT_TAG} and the
 * object's index here). Function references stay store function handles, external references the
 * host's values. A host value is also a valid internal reference (a host reference, neither i31
 * nor aggregate) unless its high bits look like a tag: {@code any.convert_extern} then boxes it
 * ({@link ExternBox}) and {@code extern.convert_any} unboxes it; other values, and internal
 * references, pass through both unchanged (spec 3.0, Execution > {@code any.convert_extern}, {@code extern.convert_any}).
 *
 * <p><b>Memory.</b> Objects are ordinary Java objects, reachable from this table while the store
 * is: the engine cannot see which 64-bit values on its stacks are handles, so it cannot free an
 * object earlier; the JVM frees them all with the store. Each allocation is charged, never refunded,
 * against two limits: the store's {@link ExecutionLimits#maxMemoryPages()} in 64 KiB pages (the
 * same number that caps an instance's linear memories) and the store's {@link MemoryBudget}, whose
 * reservation is given back when the store is closed or collected. An allocation past either traps
 * with {@link TrapKind#GC_OUT_OF_MEMORY}, so a guest that allocates forever stops with a precise
 * trap long before the JVM heap runs out.
 */
final class GcHeap {
    /** Tag of an unboxed i31 value: bit 62. */
    static final long I31_TAG = 1L << 62;
    /** Tag of an object handle: bit 61. */
    static final long OBJECT_TAG = 1L << 61;
    private static final long TAGS = I31_TAG | OBJECT_TAG | 1L << 63 | 1L << 60;
    /** Bytes charged per object beyond its payload: headers and its slot in this table. */
    static final long OVERHEAD = 40;

    private final List<Object> objects = new ArrayList<>();
    private final MemoryBudget.Holding holding;
    private final long limit;
    private long used;

    GcHeap(Store store) {
        this.holding = store.hold(this);
        this.limit = (long) store.limits().maxMemoryPages() * 65536L;
    }

    /** Charges {@code payload} bytes for a new object, or traps naming the limit it would pass. */
    void charge(long payload) {
        long bytes = payload + OVERHEAD;
        if (used + bytes > limit) {
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: GC allocation of " + bytes
                    + " bytes exceeds the store's limit of " + limit + " bytes (" + limit / 65536 + " pages)");
        }
        if (!holding.grow(bytes)) {
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: GC allocation of " + bytes
                    + " bytes does not fit the memory budget, which has " + holding.budget().describe());
        }
        used += bytes;
    }

    /** Adds an object already charged for; its reference value. */
    long add(Object o) {
        objects.add(o);
        return OBJECT_TAG | (objects.size() - 1);
    }

    /** Bytes charged so far. */
    long used() {
        return used;
    }

    /** The object {@code ref} designates, or null when it is not an object handle of this store. */
    Object object(long ref) {
        if ((ref & TAGS) != OBJECT_TAG) {
            return null;
        }
        long index = ref & ~OBJECT_TAG;
        return index < objects.size() ? objects.get((int) index) : null;
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
