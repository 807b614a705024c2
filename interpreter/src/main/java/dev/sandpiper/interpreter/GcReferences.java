package dev.sandpiper.interpreter;

/**
 * What an embedder can tell from a reference value of the internal hierarchy ({@code anyref} and
 * below) without its store: whether it is an unboxed {@code i31} and its value, or a handle to a
 * GC object (structure or array) of some store. Other non-null values are host references that
 * entered through {@code any.convert_extern} or a host call. ({@link GcHeap} describes the encoding.)
 * A handle the host holds stays valid as {@link Store} says (until the host's next call returns,
 * or while pinned); afterwards its object may have been freed, and using the handle traps
 * {@link TrapKind#STALE_REFERENCE}.
 */
public final class GcReferences {
    private GcReferences() {}

    /** Whether {@code ref} is an {@code i31} reference. */
    public static boolean isI31(long ref) {
        return GcHeap.isI31(ref);
    }

    /** The value of an {@code i31} reference, sign-extended from 31 bits. */
    public static int i31Value(long ref) {
        return ((int) (ref & 0x7FFF_FFFFL) << 1) >> 1;
    }

    /** Whether {@code ref} is a handle to a GC object. */
    public static boolean isObject(long ref) {
        return ref != Table.NULL && (ref & (GcHeap.I31_TAG | GcHeap.OBJECT_TAG | 1L << 63)) == GcHeap.OBJECT_TAG;
    }
}
