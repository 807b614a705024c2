package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.ValType;

/**
 * The GC instructions for compiled code, public only for the {@code compiler} module's generated
 * code; not an API for hosts. Operands are primitives in WebAssembly's order (references as the
 * 64-bit values {@link GcHeap} describes, i32 and f32 values sign-extended as on the interpreter's
 * stack, floats as raw bits), then the instance and the static immediates (type index, field,
 * segment). A v128 field or element is two longs, low half first; its reads take the half to read.
 * Checks, traps and allocation charges are the interpreter's ({@link GcOps}, {@link GcArrays},
 * {@link GcCasts}), so both tiers stop the same way; nothing is allocated but the object itself.
 *
 * <p>Spec: 3.0, Execution > Instructions > Aggregate Reference Instructions, Scalar and External
 * Reference Instructions, {@code ref.test}, {@code ref.cast} ({@code exec/instructions.html}).
 */
public final class TierGc {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private TierGc() {}

    // ---- structures ----

    /** {@code struct.new}: the field values in {@code values}, each at its field's first slot. */
    public static long structNew(long[] values, Instance inst, int type) {
        return GcOps.newStruct(inst, type, values, 0);
    }

    /** {@code struct.new_default}: every field its type's default (zero, or null). */
    public static long structNewDefault(Instance inst, int type) {
        return GcOps.newStruct(inst, type, null, 0);
    }

    /**
     * {@code struct.get} ({@code signed} 0), {@code struct.get_u} (0) and {@code struct.get_s} (1):
     * half {@code half} (0 but for a v128's high half) of field {@code field}; traps on null.
     */
    public static long structGet(long ref, Instance inst, int type, int field, int signed, int half) {
        GcObjects.Struct s = GcOps.struct(ref, inst);
        GcTypes types = inst.gcTypes();
        return GcTypes.unpack(types.fields(type)[field], s.slots[types.offset(type, field) + half], signed != 0);
    }

    /** {@code struct.set} of a one-slot field: packed fields keep their low bits; traps on null. */
    public static void structSet(long ref, long value, Instance inst, int type, int field) {
        GcObjects.Struct s = GcOps.struct(ref, inst);
        GcTypes types = inst.gcTypes();
        s.slots[types.offset(type, field)] = GcTypes.wrap(types.fields(type)[field], value);
    }

    /** {@code struct.set} of a v128 field. */
    public static void structSet(long ref, long low, long high, Instance inst, int type, int field) {
        GcObjects.Struct s = GcOps.struct(ref, inst);
        int o = inst.gcTypes().offset(type, field);
        s.slots[o] = low;
        s.slots[o + 1] = high;
    }

    // ---- arrays ----

    /** {@code array.new}: {@code n} (u32) copies of {@code low} (and {@code high}, for v128). */
    public static long arrayNew(long low, long high, int n, Instance inst, int type) {
        GcTypes types = inst.gcTypes();
        FieldType e = types.element(type);
        long count = n & MASK32;
        GcObjects.Array a = GcArrays.allocate(types, type, count, inst);
        for (int i = 0; i < count; i++) {
            set(a, e, i, low, high);
        }
        return inst.store().gcHeap().add(a);
    }

    /** {@code array.new_default}. */
    public static long arrayNewDefault(int n, Instance inst, int type) {
        GcTypes types = inst.gcTypes();
        GcObjects.Array a = GcArrays.allocate(types, type, n & MASK32, inst);
        if (types.element(type).type().isReference()) {
            java.util.Arrays.fill((long[]) a.data, Table.NULL);
        }
        return inst.store().gcHeap().add(a);
    }

    /** {@code array.new_fixed}: the {@code n} elements in {@code values}, a v128 taking two entries. */
    public static long arrayNewFixed(long[] values, Instance inst, int type, int n) {
        GcTypes types = inst.gcTypes();
        FieldType e = types.element(type);
        int w = GcTypes.width(e);
        GcObjects.Array a = GcArrays.allocate(types, type, n, inst);
        for (int i = 0; i < n; i++) {
            set(a, e, i, values[i * w], w == 2 ? values[i * w + 1] : 0);
        }
        return inst.store().gcHeap().add(a);
    }

    /** {@code array.new_data}: {@code n} elements from data segment {@code segment} at byte {@code s}. */
    public static long arrayNewData(int s, int n, Instance inst, int type, int segment) {
        GcTypes types = inst.gcTypes();
        long from = s & MASK32;
        long count = n & MASK32;
        byte[] data = inst.data[segment];
        FieldType e = types.element(type);
        if (from + count * e.byteSize() > data.length) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        GcObjects.Array a = GcArrays.allocate(types, type, count, inst);
        GcArrays.fromData(a, e, 0, data, from, count);
        return inst.store().gcHeap().add(a);
    }

    /** {@code array.new_elem}: {@code n} references from element segment {@code segment} at {@code s}. */
    public static long arrayNewElem(int s, int n, Instance inst, int type, int segment) {
        long from = s & MASK32;
        long count = n & MASK32;
        long[] seg = inst.elements[segment];
        if (from + count > seg.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        GcObjects.Array a = GcArrays.allocate(inst.gcTypes(), type, count, inst);
        System.arraycopy(seg, (int) from, a.data, 0, (int) count);
        return inst.store().gcHeap().add(a);
    }

    /**
     * {@code array.get} ({@code signed} 0), {@code array.get_u} (0), {@code array.get_s} (1): half
     * {@code half} of element {@code i}; traps on null and out of bounds.
     */
    public static long arrayGet(long ref, int i, Instance inst, int type, int signed, int half) {
        GcObjects.Array a = GcArrays.array(ref, inst);
        GcArrays.index(a, i & MASK32, 1);
        return switch (inst.gcTypes().element(type).packedBits()) {
            case 8 -> signed != 0 ? ((byte[]) a.data)[i] : ((byte[]) a.data)[i] & 0xFF;
            case 16 -> signed != 0 ? ((short[]) a.data)[i] : ((short[]) a.data)[i] & 0xFFFF;
            default -> ((long[]) a.data)[i * (1 + halves(inst, type)) + half];
        };
    }

    /** {@code array.set}: element {@code i} (the high half only for v128). */
    public static void arraySet(long ref, int i, long low, long high, Instance inst, int type) {
        GcObjects.Array a = GcArrays.array(ref, inst);
        GcArrays.index(a, i & MASK32, 1);
        set(a, inst.gcTypes().element(type), i, low, high);
    }

    /** {@code array.len}; traps on null. */
    public static int arrayLen(long ref, Instance inst) {
        return GcArrays.array(ref, inst).length;
    }

    /** {@code array.fill}: elements {@code [d, d + n)} (u32s) become the value. */
    public static void arrayFill(long ref, int d, long low, long high, int n, Instance inst, int type) {
        GcObjects.Array a = GcArrays.array(ref, inst);
        long start = d & MASK32;
        long end = GcArrays.index(a, start, n & MASK32);
        FieldType e = inst.gcTypes().element(type);
        for (long i = start; i < end; i++) {
            set(a, e, (int) i, low, high);
        }
    }

    /** {@code array.copy}: {@code n} elements from {@code src} at {@code s} to {@code dst} at {@code d} (overlap allowed). */
    public static void arrayCopy(long dst, int d, long src, int s, int n, Instance inst, int type) {
        GcObjects.Array to = GcArrays.array(dst, inst);
        GcObjects.Array from = GcArrays.array(src, inst);
        long count = n & MASK32;
        GcArrays.index(to, d & MASK32, count);
        GcArrays.index(from, s & MASK32, count);
        int scale = 1 + halves(inst, type);
        System.arraycopy(from.data, s * scale, to.data, d * scale, (int) count * scale);
    }

    /** {@code array.init_data}: elements {@code [d, d + n)} from data segment {@code segment} at byte {@code s}. */
    public static void arrayInitData(long ref, int d, int s, int n, Instance inst, int type, int segment) {
        GcObjects.Array a = GcArrays.array(ref, inst);
        long count = n & MASK32;
        GcArrays.index(a, d & MASK32, count);
        FieldType e = inst.gcTypes().element(type);
        byte[] data = inst.data[segment];
        long from = s & MASK32;
        if (from + count * e.byteSize() > data.length) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        GcArrays.fromData(a, e, d, data, from, count);
    }

    /** {@code array.init_elem}: elements {@code [d, d + n)} from element segment {@code segment} at {@code s}. */
    public static void arrayInitElem(long ref, int d, int s, int n, Instance inst, int segment) {
        GcObjects.Array a = GcArrays.array(ref, inst);
        long count = n & MASK32;
        GcArrays.index(a, d & MASK32, count);
        long[] seg = inst.elements[segment];
        long from = s & MASK32;
        if (from + count > seg.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        System.arraycopy(seg, (int) from, a.data, d, (int) count);
    }

    // ---- casts, conversions, i31 ----

    /**
     * {@code ref.test} and the test of {@code br_on_cast}: whether {@code ref} matches
     * {@code (ref null? heap)}, {@code heap} an abstract heap type's code or, when {@code concrete},
     * a defined type's closed id.
     */
    public static boolean refTest(long ref, Instance inst, boolean nullable, int heap, boolean concrete) {
        return GcCasts.test(ref, nullable, heap, concrete, inst);
    }

    /** {@code ref.cast}: {@code ref}, or the interpreter's trap "cast failure". */
    public static long refCast(long ref, Instance inst, boolean nullable, int heap, boolean concrete) {
        if (!GcCasts.test(ref, nullable, heap, concrete, inst)) {
            throw new TrapException(TrapKind.CAST_FAILURE);
        }
        return ref;
    }

    /** {@code any.convert_extern} (may allocate a box, charged as the interpreter charges it). */
    public static long anyConvertExtern(long ref, Instance inst) {
        return GcCasts.internalize(ref, inst);
    }

    /** {@code extern.convert_any}. */
    public static long externConvertAny(long ref, Instance inst) {
        return GcCasts.externalize(ref, inst);
    }

    /** {@code ref.i31}: the low 31 bits of {@code value}, tagged as an i31 reference. */
    public static long refI31(int value) {
        return GcHeap.i31(value);
    }

    /** {@code i31.get_s} ({@code signed}) or {@code i31.get_u}; traps on null. */
    public static int i31Get(long ref, boolean signed) {
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.NULL_I31_REFERENCE);
        }
        int bits = (int) (ref & 0x7FFF_FFFFL);
        return signed ? (bits << 1) >> 1 : bits;
    }

    /** 1 when type {@code type}'s elements are v128 (two longs each), else 0. */
    private static int halves(Instance inst, int type) {
        return inst.gcTypes().element(type).type() == ValType.V128 ? 1 : 0;
    }

    private static void set(GcObjects.Array a, FieldType e, int i, long low, long high) {
        switch (e.packedBits()) {
            case 8 -> ((byte[]) a.data)[i] = (byte) low;
            case 16 -> ((short[]) a.data)[i] = (short) low;
            default -> {
                long[] d = (long[]) a.data;
                if (e.type() == ValType.V128) {
                    d[2 * i] = low;
                    d[2 * i + 1] = high;
                } else {
                    d[i] = low;
                }
            }
        }
    }
}
