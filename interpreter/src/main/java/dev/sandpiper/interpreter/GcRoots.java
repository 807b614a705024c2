package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where a store's collector ({@link GcCollector}) starts: the globals and tables of the store's
 * instances (defined or imported) whose type can hold an object, and the instances whose element
 * segments can. Each is held weakly: one the JVM has found unreachable can never be read again, so
 * it roots nothing. Function references are store handles, not objects, so globals, tables and
 * segments of the {@code func} hierarchy are left out.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Store (global, table and element instances hold
 * references).
 */
final class GcRoots {
    private final Map<Global, Boolean> globals = new WeakHashMap<>();
    private final Map<Table, Boolean> tables = new WeakHashMap<>();
    private final Map<Instance, Boolean> instances = new WeakHashMap<>();

    /** Adds the globals, tables and element segments of a new instance (before it runs any code). */
    void register(Instance inst) {
        for (Global g : inst.globals) {
            if (mayHoldObjects(g.type().valType(), g.heapId())) {
                globals.put(g, Boolean.TRUE);
            }
        }
        for (Table t : inst.tables) {
            if (mayHoldObjects(t.elementType(), t.heapId())) {
                tables.put(t, Boolean.TRUE);
            }
        }
        List<ElementSegment> segments = inst.module().module().elements();
        for (ElementSegment seg : segments) {
            if (mayHoldObjects(seg.type(), inst.module().heapId(seg.type()))) {
                instances.put(inst, Boolean.TRUE);
                break;
            }
        }
    }

    /** Marks what the roots hold. */
    void mark(GcCollector c) {
        for (Global g : globals.keySet()) {
            c.mark(g.value);
        }
        for (Table t : tables.keySet()) {
            c.mark(t.elements);
        }
        for (Instance inst : instances.keySet()) {
            for (long[] seg : inst.elements) {
                c.mark(seg);
            }
        }
    }

    /**
     * Whether a value of type {@code t} can be an object handle: a reference outside the
     * {@code func} hierarchy ({@code heapId} the closed id of a type index it names, or -1).
     */
    static boolean mayHoldObjects(ValType t, int heapId) {
        if (!t.isReference()) {
            return false;
        }
        int heap = t.heapType();
        if (heap == ValType.HEAP_FUNC || heap == ValType.HEAP_NOFUNC) {
            return false;
        }
        return heap < 0 || heapId < 0 || DefinedTypes.kind(heapId) != DefinedTypes.FUNC;
    }
}
