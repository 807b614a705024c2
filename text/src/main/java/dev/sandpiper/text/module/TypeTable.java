package dev.sandpiper.text.module;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.SubType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's type definitions: first the explicit {@code (type ...)} fields in order, grouped
 * as their {@code (rec ...)} fields say, then the types that type uses without a matching
 * definition insert at the end of the module, in the order of those uses (spec 6.6.3 Type Uses,
 * abbreviation; 3.0: only a final function type without supertypes alone in its group matches).
 * It also keeps the names of structure fields, per type (3.0, Text Format > Indices: fields).
 */
public final class TypeTable {
    private final List<SubType> types = new ArrayList<>();
    private final List<Integer> groupStarts = new ArrayList<>();
    private final Map<Integer, IndexSpace> fieldNames = new HashMap<>();
    private int explicit;

    /** An explicit function definition, alone in its group (all explicit ones come before any implicit one). */
    public void addExplicit(FuncType t) {
        addExplicit(SubType.plain(t), types.size());
    }

    /** An explicit definition in the group that starts at index {@code groupStart}. */
    public void addExplicit(SubType t, int groupStart) {
        types.add(t);
        groupStarts.add(groupStart);
        explicit = types.size();
    }

    public int explicitCount() {
        return explicit;
    }

    public int size() {
        return types.size();
    }

    /** The function type at {@code index}; {@link RecTypes#NOT_A_FUNCTION} for a structure or array type. */
    public FuncType get(int index) {
        return types.get(index).composite() instanceof FuncType f ? f : RecTypes.NOT_A_FUNCTION;
    }

    /** The definition at {@code index}. */
    public SubType definition(int index) {
        return types.get(index);
    }

    /**
     * The smallest index of a plain function type (final, no supertype, alone in its group) equal to
     * {@code t}, inserting it at the end if there is none.
     */
    public int findOrAdd(FuncType t) {
        for (int i = 0; i < types.size(); i++) {
            SubType s = types.get(i);
            if (s.isFinal() && s.supertypes().isEmpty() && t.equals(s.composite()) && alone(i)) {
                return i;
            }
        }
        types.add(SubType.plain(t));
        groupStarts.add(types.size() - 1);
        return types.size() - 1;
    }

    private boolean alone(int i) {
        return groupStarts.get(i) == i && (i + 1 == types.size() || groupStarts.get(i + 1) != i);
    }

    /** The names of type {@code index}'s fields (created empty). */
    public IndexSpace fields(int index) {
        return fieldNames.computeIfAbsent(index, k -> new IndexSpace("field", "field"));
    }

    /** Whether the definitions group as they would without {@code rec}: one plain function type each. */
    public RecTypes recTypes() {
        int[] starts = new int[groupStarts.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = groupStarts.get(i);
        }
        return new RecTypes(types, starts);
    }

    public List<FuncType> all() {
        return recTypes().functions();
    }
}
