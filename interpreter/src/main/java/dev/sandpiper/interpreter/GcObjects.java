package dev.sandpiper.interpreter;

/**
 * Structure and array instances. A structure keeps each field in 64-bit slots (v128 two, packed
 * fields wrapped to their width); an array keeps its elements in a primitive array by element
 * width: {@code byte[]} for i8, {@code short[]} for i16, {@code long[]} otherwise (v128 two per
 * element). Each knows the closed id of its defined type, which casts compare.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Aggregate Instances, {@code exec/runtime.html#aggregate-instances}.
 */
final class GcObjects {
    private GcObjects() {}

    /** A structure: {@code typeId} and the field slots. */
    static final class Struct {
        final int typeId;
        final long[] slots;

        Struct(int typeId, long[] slots) {
            this.typeId = typeId;
            this.slots = slots;
        }
    }

    /** An array: {@code typeId}, {@code length} elements in {@code data}. */
    static final class Array {
        final int typeId;
        final int length;
        final Object data;

        Array(int typeId, int length, Object data) {
            this.typeId = typeId;
            this.length = length;
            this.data = data;
        }
    }
}
