package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.ValType;

/**
 * The run-time layout of a module's structure and array types: for a structure, the slot each field
 * starts at and its width; for an array, its element's storage. Built once per module, which also
 * enters each type's layout for the collector ({@link GcLayouts}).
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Aggregate Instances (packed fields hold their low bits).
 */
final class GcTypes {
    /** Per type index: the fields of a structure type (null for others). */
    private final FieldType[][] fields;
    /** Per type index: the first slot of each field. */
    private final int[][] offsets;
    /** Per type index: the slots a structure takes. */
    private final int[] slots;
    /** Per type index: the element of an array type (null for others). */
    private final FieldType[] elements;
    private final int[] typeIds;

    GcTypes(RecTypes types, int[] typeIds) {
        int n = types.size();
        this.typeIds = typeIds;
        fields = new FieldType[n][];
        offsets = new int[n][];
        slots = new int[n];
        elements = new FieldType[n];
        for (int i = 0; i < n; i++) {
            CompositeType c = types.type(i).composite();
            if (c instanceof StructType s) {
                fields[i] = s.fields().toArray(new FieldType[0]);
                offsets[i] = new int[fields[i].length];
                int at = 0;
                for (int k = 0; k < fields[i].length; k++) {
                    offsets[i][k] = at;
                    at += fields[i][k].type().slots();
                }
                slots[i] = at;
                int[] refs = new int[fields[i].length];
                int nRefs = 0;
                for (int k = 0; k < fields[i].length; k++) {
                    if (fields[i][k].type().isReference()) {
                        refs[nRefs++] = offsets[i][k];
                    }
                }
                GcLayouts.register(typeIds[i], new GcLayouts.Layout(java.util.Arrays.copyOf(refs, nRefs), false, 0));
            } else if (c instanceof ArrayType a) {
                elements[i] = a.element();
                GcLayouts.register(typeIds[i], new GcLayouts.Layout(new int[0], a.element().type().isReference(),
                        a.element().byteSize()));
            }
        }
    }

    int typeId(int type) {
        return typeIds[type];
    }

    FieldType[] fields(int type) {
        return fields[type];
    }

    int offset(int type, int field) {
        return offsets[type][field];
    }

    int slots(int type) {
        return slots[type];
    }

    FieldType element(int type) {
        return elements[type];
    }

    /** Stack slots of a value of the field's (unpacked) type. */
    static int width(FieldType f) {
        return f.type() == ValType.V128 ? 2 : 1;
    }

    /** A value written to a field: packed fields keep their low 8 or 16 bits. */
    static long wrap(FieldType f, long v) {
        return switch (f.packedBits()) {
            case 8 -> v & 0xFF;
            case 16 -> v & 0xFFFF;
            default -> v;
        };
    }

    /** A packed field read by {@code get_s} (sign-extended) or {@code get_u}, as an i32. */
    static long unpack(FieldType f, long v, boolean signed) {
        if (f.packedBits() == 8) {
            return signed ? (byte) v : v & 0xFF;
        }
        if (f.packedBits() == 16) {
            return signed ? (short) v : v & 0xFFFF;
        }
        return v;
    }

    /** The default value of a field's type: zero, or null for a reference. */
    static long defaultValue(FieldType f) {
        return f.type().isReference() ? Table.NULL : 0;
    }
}
