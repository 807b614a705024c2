package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.ValType;

/**
 * Run-time type tests of references ({@code ref.test}, {@code ref.cast}, {@code br_on_cast}) and
 * the conversions between the internal and external hierarchies.
 *
 * <p>Spec: 3.0, Execution > Instructions > {@code ref.test}: the reference's run-time type must
 * match the target; a defined type matches through its declared supertypes ({@link DefinedTypes#isSubtype}).
 */
final class GcCasts {
    private GcCasts() {}

    /**
     * Whether {@code ref} has a type matching {@code (ref null? heap)}: {@code heap} an abstract
     * heap type, or when {@code concrete} the closed id of a defined type.
     */
    static boolean test(long ref, boolean nullable, int heap, boolean concrete, Instance inst) {
        if (ref == Table.NULL) {
            return nullable;
        }
        if (concrete) {
            if (DefinedTypes.kind(heap) == DefinedTypes.FUNC) {
                return DefinedTypes.isSubtype(inst.store().function(ref).typeId(), heap);
            }
            Object o = inst.store().gcHeap().object(ref);
            int id = o instanceof GcObjects.Struct s ? s.typeId : o instanceof GcObjects.Array a ? a.typeId : -1;
            return id >= 0 && DefinedTypes.isSubtype(id, heap);
        }
        return switch (heap) {
            case ValType.HEAP_ANY, ValType.HEAP_FUNC, ValType.HEAP_EXTERN -> true;
            case ValType.HEAP_I31 -> GcHeap.isI31(ref);
            case ValType.HEAP_EQ -> GcHeap.isI31(ref) || isAggregate(inst.store().gcHeap().object(ref));
            case ValType.HEAP_STRUCT -> inst.store().gcHeap().object(ref) instanceof GcObjects.Struct;
            case ValType.HEAP_ARRAY -> inst.store().gcHeap().object(ref) instanceof GcObjects.Array;
            default -> false; // none, nofunc, noextern: only null
        };
    }

    private static boolean isAggregate(Object o) {
        return o instanceof GcObjects.Struct || o instanceof GcObjects.Array;
    }

    /**
     * {@code any.convert_extern}: a host value is itself in the internal hierarchy (a host reference,
     * neither i31 nor aggregate), unless its bits look like an i31 or object handle: then it is boxed
     * so that it keeps its identity. An internalised reference comes back as it was.
     */
    static long internalize(long ref, Instance inst) {
        if (ref == Table.NULL || !GcHeap.isTagged(ref)) {
            return ref;
        }
        GcHeap heap = inst.store().gcHeap();
        if (GcHeap.isI31(ref) || isAggregate(heap.peek(ref))) {
            return ref; // an internal reference that went out through extern.convert_any
        }
        heap.charge(8);
        return heap.add(new GcHeap.ExternBox(ref));
    }

    /** {@code extern.convert_any}: a boxed host value is unboxed; other references pass unchanged. */
    static long externalize(long ref, Instance inst) {
        if (ref == Table.NULL || !GcHeap.isTagged(ref)) {
            return ref;
        }
        return inst.store().gcHeap().object(ref) instanceof GcHeap.ExternBox b ? b.value() : ref;
    }
}
