package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FuncType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical ids of function types, equal for structurally equal types of any module, so that
 * {@code call_indirect} compares two ints (spec 2.0, Execution > Instructions > call_indirect:
 * the callee's type must match). The table only grows; it holds one entry per distinct signature
 * ever compiled.
 */
final class TypeIds {
    private static final ConcurrentHashMap<FuncType, Integer> IDS = new ConcurrentHashMap<>();

    private TypeIds() {}

    static int of(FuncType type) {
        Integer id = IDS.get(type);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            return IDS.computeIfAbsent(type, t -> IDS.size());
        }
    }
}
