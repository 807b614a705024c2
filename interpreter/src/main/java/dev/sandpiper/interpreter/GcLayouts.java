package dev.sandpiper.interpreter;

import java.util.Arrays;

/**
 * What the collector ({@link GcCollector}) needs to know of an object from its type's closed id
 * ({@link dev.sandpiper.decoder.model.DefinedTypes}): which slots of a structure hold references,
 * whether an array's elements are references, and the bytes an array element was charged. Closed
 * ids are process-wide and equal ids mean equal types, so one table serves every store; each
 * module's structure and array types enter it when the module is compiled ({@link GcTypes}),
 * before any object of them can exist.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Aggregate Instances (a field or element of
 * reference type holds a reference; packed and numeric ones hold none).
 */
final class GcLayouts {
    /** The layout of one structure or array type. */
    record Layout(int[] refSlots, boolean refElements, int elementBytes) {
    }

    private static volatile Layout[] byId = new Layout[64];

    private GcLayouts() {}

    /** Enters the layout of the type with closed id {@code id} (once; later calls change nothing). */
    static synchronized void register(int id, Layout layout) {
        Layout[] table = byId;
        if (id >= table.length) {
            table = Arrays.copyOf(table, Math.max(id + 1, table.length * 2));
        }
        if (table[id] == null) {
            table[id] = layout;
        }
        byId = table;
    }

    /** The layouts by closed id, for a collection to read without a volatile read per object. */
    static Layout[] table() {
        return byId;
    }

    /** The layout of the type with closed id {@code id}; entered before any object of it exists. */
    static Layout of(int id) {
        return byId[id];
    }
}
