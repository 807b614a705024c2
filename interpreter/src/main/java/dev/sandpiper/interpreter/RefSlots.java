package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * Where a function type's reference values sit among its parameter and result slots: what the
 * store looks at when values cross between the host and WebAssembly (references handed to the host
 * survive the next collection; a stale one coming in is refused), see {@link GcHeap}.
 *
 * @param params the slots of reference parameters
 * @param internalParams those not external: a tagged value there must be a live object handle
 * @param results the slots of reference results
 * @param internalResults those not external
 */
record RefSlots(int[] params, int[] internalParams, int[] results, int[] internalResults) {
    /** The reference slots of {@code type}, or null when it has no reference parameter or result. */
    static RefSlots of(FuncType type) {
        int[] p = slots(type.params(), false);
        int[] r = slots(type.results(), false);
        if (p.length == 0 && r.length == 0) {
            return null;
        }
        return new RefSlots(p, slots(type.params(), true), r, slots(type.results(), true));
    }

    private static int[] slots(List<ValType> types, boolean internalOnly) {
        int[] out = new int[types.size()];
        int n = 0;
        int at = 0;
        for (ValType t : types) {
            if (t.isReference() && !(internalOnly && t.kind() == ValType.Kind.EXTERNREF)) {
                out[n++] = at;
            }
            at += t.slots();
        }
        return Arrays.copyOf(out, n);
    }
}
