package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.FuncType;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's type definitions: first the explicit {@code (type ...)} fields in order, then the
 * types that type uses without a matching definition insert at the end of the module, in the order
 * of those uses (spec 6.6.3 Type Uses, abbreviation).
 */
public final class TypeTable {
    private final List<FuncType> types = new ArrayList<>();
    private int explicit;

    /** An explicit definition, in field order (all of them come before any implicit one). */
    public void addExplicit(FuncType t) {
        types.add(t);
        explicit = types.size();
    }

    public int explicitCount() {
        return explicit;
    }

    public int size() {
        return types.size();
    }

    public FuncType get(int index) {
        return types.get(index);
    }

    /** The smallest index of a type equal to {@code t}, inserting it at the end if there is none. */
    public int findOrAdd(FuncType t) {
        int i = types.indexOf(t);
        if (i >= 0) {
            return i;
        }
        types.add(t);
        return types.size() - 1;
    }

    public List<FuncType> all() {
        return types;
    }
}
