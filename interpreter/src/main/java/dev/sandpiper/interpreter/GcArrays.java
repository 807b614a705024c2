package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.ValType;

/**
 * The array, i31, cast and conversion instructions of {@link GcOps} (same code layout).
 *
 * <p>Spec: 3.0, Execution > Instructions > Aggregate Reference Instructions ({@code array.*}),
 * Scalar and External Reference Instructions, {@code ref.test}/{@code ref.cast}.
 */
final class GcArrays {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private GcArrays() {}

    static void execute(Opcode op, int[] code, int p, long[] stack, int top, Instance inst) {
        GcTypes types = inst.gcTypes();
        int x = code[p + 1];
        switch (op) {
            case ARRAY_NEW -> {
                FieldType e = types.element(x);
                int w = GcTypes.width(e);
                long n = stack[top - 1] & MASK32;
                GcObjects.Array a = allocate(types, x, n, inst);
                for (int i = 0; i < n; i++) {
                    set(a, e, i, stack, top - 1 - w);
                }
                stack[top - 1 - w] = inst.store().gcHeap().add(a);
            }
            case ARRAY_NEW_DEFAULT -> {
                FieldType e = types.element(x);
                long n = stack[top - 1] & MASK32;
                GcObjects.Array a = allocate(types, x, n, inst);
                if (e.type().isReference()) {
                    java.util.Arrays.fill((long[]) a.data, Table.NULL);
                }
                stack[top - 1] = inst.store().gcHeap().add(a);
            }
            case ARRAY_NEW_FIXED -> {
                FieldType e = types.element(x);
                int w = GcTypes.width(e);
                int n = code[p + 2];
                GcObjects.Array a = allocate(types, x, n, inst);
                int base = top - n * w;
                for (int i = 0; i < n; i++) {
                    set(a, e, i, stack, base + i * w);
                }
                stack[base] = inst.store().gcHeap().add(a);
            }
            case ARRAY_NEW_DATA -> {
                long s = stack[top - 2] & MASK32;
                long n = stack[top - 1] & MASK32;
                byte[] data = inst.data[code[p + 2]];
                FieldType e = types.element(x);
                if (s + n * e.byteSize() > data.length) {
                    throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
                }
                GcObjects.Array a = allocate(types, x, n, inst);
                fromData(a, e, 0, data, s, n);
                stack[top - 2] = inst.store().gcHeap().add(a);
            }
            case ARRAY_NEW_ELEM -> {
                long s = stack[top - 2] & MASK32;
                long n = stack[top - 1] & MASK32;
                long[] seg = inst.elements[code[p + 2]];
                if (s + n > seg.length) {
                    throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
                }
                GcObjects.Array a = allocate(types, x, n, inst);
                System.arraycopy(seg, (int) s, a.data, 0, (int) n);
                stack[top - 2] = inst.store().gcHeap().add(a);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                GcObjects.Array a = array(stack[top - 2], inst);
                long i = stack[top - 1] & MASK32;
                index(a, i, 1);
                FieldType e = types.element(x);
                get(a, e, (int) i, op == Opcode.ARRAY_GET_S, stack, top - 2);
            }
            case ARRAY_SET -> {
                FieldType e = types.element(x);
                int w = GcTypes.width(e);
                GcObjects.Array a = array(stack[top - 2 - w], inst);
                long i = stack[top - 1 - w] & MASK32;
                index(a, i, 1);
                set(a, e, (int) i, stack, top - w);
            }
            case ARRAY_LEN -> stack[top - 1] = array(stack[top - 1], inst).length;
            case ARRAY_FILL -> {
                FieldType e = types.element(x);
                int w = GcTypes.width(e);
                int base = top - 3 - w;
                GcObjects.Array a = array(stack[base], inst);
                long d = stack[base + 1] & MASK32;
                long n = stack[top - 1] & MASK32;
                long end = index(a, d, n);
                for (long i = d; i < end; i++) {
                    set(a, e, (int) i, stack, base + 2);
                }
            }
            case ARRAY_COPY -> {
                GcObjects.Array dst = array(stack[top - 5], inst);
                long d = stack[top - 4] & MASK32;
                GcObjects.Array src = array(stack[top - 3], inst);
                long s = stack[top - 2] & MASK32;
                long n = stack[top - 1] & MASK32;
                index(dst, d, n);
                index(src, s, n);
                int scale = types.element(x).type() == ValType.V128 ? 2 : 1;
                System.arraycopy(src.data, (int) s * scale, dst.data, (int) d * scale, (int) n * scale);
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                GcObjects.Array a = array(stack[top - 4], inst);
                long d = stack[top - 3] & MASK32;
                long s = stack[top - 2] & MASK32;
                long n = stack[top - 1] & MASK32;
                index(a, d, n);
                FieldType e = types.element(x);
                if (op == Opcode.ARRAY_INIT_DATA) {
                    byte[] data = inst.data[code[p + 2]];
                    if (s + n * e.byteSize() > data.length) {
                        throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
                    }
                    fromData(a, e, (int) d, data, s, n);
                } else {
                    long[] seg = inst.elements[code[p + 2]];
                    if (s + n > seg.length) {
                        throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
                    }
                    System.arraycopy(seg, (int) s, a.data, (int) d, (int) n);
                }
            }
            case REF_TEST, REF_TEST_NULL ->
                    stack[top - 1] = GcCasts.test(stack[top - 1], code[p + 1] != 0, code[p + 2], code[p + 3] != 0, inst) ? 1 : 0;
            case REF_CAST, REF_CAST_NULL -> {
                if (!GcCasts.test(stack[top - 1], code[p + 1] != 0, code[p + 2], code[p + 3] != 0, inst)) {
                    throw new TrapException(TrapKind.CAST_FAILURE);
                }
            }
            case ANY_CONVERT_EXTERN -> stack[top - 1] = GcCasts.internalize(stack[top - 1], inst);
            case EXTERN_CONVERT_ANY -> stack[top - 1] = GcCasts.externalize(stack[top - 1], inst);
            case REF_I31 -> stack[top - 1] = GcHeap.i31((int) stack[top - 1]);
            case I31_GET_S, I31_GET_U -> {
                long r = stack[top - 1];
                if (r == Table.NULL) {
                    throw new TrapException(TrapKind.NULL_I31_REFERENCE);
                }
                int bits = (int) (r & 0x7FFF_FFFFL);
                stack[top - 1] = op == Opcode.I31_GET_S ? (bits << 1) >> 1 : bits;
            }
            default -> throw new AssertionError(op);
        }
    }

    /** A new array of {@code n} elements of type {@code x}, charged to the store; not yet in the heap. */
    static GcObjects.Array allocate(GcTypes types, int x, long n, Instance inst) {
        FieldType e = types.element(x);
        if (n > Integer.MAX_VALUE / 2) {
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: an array of " + n + " elements");
        }
        long bytes = n * e.byteSize();
        inst.store().gcHeap().charge(bytes);
        int len = (int) n;
        Object data;
        try {
            data = switch (e.packedBits()) {
                case 8 -> new byte[len];
                case 16 -> new short[len];
                default -> new long[e.type() == ValType.V128 ? 2 * len : len];
            };
        } catch (OutOfMemoryError heapFull) {
            inst.store().gcHeap().refund(bytes);
            throw new TrapException(TrapKind.GC_OUT_OF_MEMORY, "out of memory: the JVM heap has no room for an array of "
                    + n + " elements");
        }
        return new GcObjects.Array(types.typeId(x), len, data);
    }

    /** The array {@code ref} designates; traps on null. */
    static GcObjects.Array array(long ref, Instance inst) {
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.NULL_ARRAY_REFERENCE);
        }
        if (inst.store().gcHeap().object(ref) instanceof GcObjects.Array a) {
            return a;
        }
        // Only a host can pass such a value (validation types everything the guest makes).
        throw new TrapException(TrapKind.CAST_FAILURE, "not an array of this store: " + Long.toHexString(ref));
    }

    /** Checks that {@code [i, i + n)} (u32s) lies in the array; returns its end. */
    static long index(GcObjects.Array a, long i, long n) {
        long start = i & MASK32;
        long end = start + n;
        if (end > a.length) {
            throw new TrapException(TrapKind.ARRAY_OUT_OF_BOUNDS);
        }
        return end;
    }

    private static void set(GcObjects.Array a, FieldType e, int i, long[] stack, int at) {
        switch (e.packedBits()) {
            case 8 -> ((byte[]) a.data)[i] = (byte) stack[at];
            case 16 -> ((short[]) a.data)[i] = (short) stack[at];
            default -> {
                long[] d = (long[]) a.data;
                if (e.type() == ValType.V128) {
                    d[2 * i] = stack[at];
                    d[2 * i + 1] = stack[at + 1];
                } else {
                    d[i] = stack[at];
                }
            }
        }
    }

    private static void get(GcObjects.Array a, FieldType e, int i, boolean signed, long[] stack, int at) {
        switch (e.packedBits()) {
            case 8 -> stack[at] = signed ? ((byte[]) a.data)[i] : ((byte[]) a.data)[i] & 0xFF;
            case 16 -> stack[at] = signed ? ((short[]) a.data)[i] : ((short[]) a.data)[i] & 0xFFFF;
            default -> {
                long[] d = (long[]) a.data;
                if (e.type() == ValType.V128) {
                    stack[at] = d[2 * i];
                    stack[at + 1] = d[2 * i + 1];
                } else {
                    stack[at] = d[i];
                }
            }
        }
    }

    /** Elements {@code [d, d + n)} from data bytes at {@code s}, little-endian (3.0: array.new_data). */
    static void fromData(GcObjects.Array a, FieldType e, int d, byte[] data, long s, long n) {
        int size = e.byteSize();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            int at = (int) s + k * size;
            int i = d + k;
            switch (e.packedBits()) {
                case 8 -> ((byte[]) a.data)[i] = data[at];
                case 16 -> ((short[]) a.data)[i] = b.getShort(at);
                default -> {
                    long[] out = (long[]) a.data;
                    switch (e.type().kind()) {
                        case I32, F32 -> out[i] = b.getInt(at); // i32s stay sign-extended, as on the stack
                        case V128 -> {
                            out[2 * i] = b.getLong(at);
                            out[2 * i + 1] = b.getLong(at + 8);
                        }
                        default -> out[i] = b.getLong(at);
                    }
                }
            }
        }
    }
}
