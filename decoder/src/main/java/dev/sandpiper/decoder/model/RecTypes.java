package dev.sandpiper.decoder.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A module's type section: every defined type in index order, split into recursion groups. A
 * type without {@code rec} is a group of its own. Types inside a group may refer to each other
 * (and to every type of earlier groups), which is what makes recursive structures expressible.
 *
 * <p>Spec: 3.0, Structure > Types > Recursive Types, {@code syntax/types.html#recursive-types};
 * Binary Format > Modules > Type Section ({@code 0x4E vec(subtype)} is a group).
 */
public final class RecTypes {
    private static final RecTypes EMPTY = new RecTypes(List.of(), new int[0]);

    private final List<SubType> types;
    private final int[] groupStart;
    private final List<FuncType> functions;

    /**
     * {@code groupStart[i]} is the index of the first type of type {@code i}'s group (so groups are
     * runs of equal values, each starting at its own index).
     */
    public RecTypes(List<SubType> types, int[] groupStart) {
        if (groupStart.length != types.size()) {
            throw new IllegalArgumentException("one group start per type");
        }
        this.types = List.copyOf(types);
        this.groupStart = groupStart.clone();
        List<FuncType> fs = new ArrayList<>(types.size());
        for (SubType t : types) {
            fs.add(t.composite() instanceof FuncType f ? f : NOT_A_FUNCTION);
        }
        this.functions = List.copyOf(fs);
    }

    /**
     * The entry of {@link #functions()} for a structure or array type: validation refuses every
     * use of such an index where a function type is needed, so the engines never read it.
     */
    public static final FuncType NOT_A_FUNCTION = new FuncType(List.of(), List.of());

    /** Function types only, each its own group, as 2.0 and typed function references write them. */
    public static RecTypes ofFunctions(List<FuncType> types) {
        if (types.isEmpty()) {
            return EMPTY;
        }
        List<SubType> subs = new ArrayList<>(types.size());
        int[] starts = new int[types.size()];
        for (int i = 0; i < starts.length; i++) {
            subs.add(SubType.plain(types.get(i)));
            starts[i] = i;
        }
        return new RecTypes(subs, starts);
    }

    public int size() {
        return types.size();
    }

    public SubType type(int index) {
        return types.get(index);
    }

    public List<SubType> types() {
        return types;
    }

    /** Index of the first type of the group type {@code index} belongs to. */
    public int groupStart(int index) {
        return groupStart[index];
    }

    /** Number of types in the group that starts at {@code start}. */
    public int groupSize(int start) {
        int end = start + 1;
        while (end < groupStart.length && groupStart[end] == start) {
            end++;
        }
        return end - start;
    }

    /** Whether type {@code index} is a function type. */
    public boolean isFunction(int index) {
        return types.get(index).composite() instanceof FuncType;
    }

    /** Each type's function type, {@link #NOT_A_FUNCTION} for a structure or array type. */
    public List<FuncType> functions() {
        return functions;
    }

    /** Whether the section uses nothing beyond function types in groups of one, final. */
    public boolean functionsOnly() {
        for (int i = 0; i < types.size(); i++) {
            SubType t = types.get(i);
            if (!(t.composite() instanceof FuncType) || !t.isFinal() || !t.supertypes().isEmpty()
                    || groupStart[i] != i || groupSize(i) != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecTypes r && r.types.equals(types) && Arrays.equals(r.groupStart, groupStart);
    }

    @Override
    public int hashCode() {
        return types.hashCode() * 31 + Arrays.hashCode(groupStart);
    }
}
