package dev.sandpiper.decoder.model;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When two defined function types are the same type (spec 3.0, Validation > Types > Defined Types
 * and Matching > Defined Types): a type index inside a type stands for the type it names, so types
 * are compared in their <em>closed</em> form, every index replaced by what it names. Without
 * {@code rec}, each type definition is a recursion group of one, so it may refer to the types
 * before it and to itself; a reference to itself closes as {@code rec.0} (its place in its own
 * group), which makes two self-referencing definitions of the same shape equal, as iso-recursive
 * equivalence does.
 *
 * <p>Closed forms are hash-consed into ids: a type's id is that of its shape with each index it
 * refers to replaced by that type's id, so equal ids mean equal closed forms, and the work and
 * space stay linear in the definitions (a closed form written out can be exponentially long). Ids
 * do not depend on the module, so they also compare types of different modules (imports,
 * {@code call_indirect} across instances). The table only grows, one entry per distinct type.
 */
public final class DefinedTypes {
    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

    private DefinedTypes() {}

    /**
     * The id of each type of {@code types}, in order: a type refers only to itself and the types
     * before it (later ones are invalid), so one pass suffices.
     */
    public static int[] ids(List<FuncType> types) {
        int[] ids = new int[types.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = intern(shape(types.get(i), ids, i));
        }
        return ids;
    }

    /** The id of a type outside any module (a host function's): type indices in it stay numbers. */
    public static int id(FuncType type) {
        return intern(shape(type, new int[0], -1));
    }

    private static int intern(String shape) {
        Integer id = IDS.get(shape);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            return IDS.computeIfAbsent(shape, s -> IDS.size());
        }
    }

    private static String shape(FuncType t, int[] before, int self) {
        StringBuilder sb = new StringBuilder("(func");
        for (ValType v : t.params()) {
            sb.append(" (param ").append(value(v, before, self)).append(')');
        }
        for (ValType v : t.results()) {
            sb.append(" (result ").append(value(v, before, self)).append(')');
        }
        return sb.append(')').toString();
    }

    private static String value(ValType v, int[] before, int self) {
        if (!v.isConcrete()) {
            return v.toString();
        }
        int x = v.heapType();
        String heap;
        if (x == self) {
            heap = "rec.0";
        } else if (x < self) {
            heap = "#" + before[x];
        } else {
            heap = "type " + x; // a later type: invalid in a module (validation says "unknown type")
        }
        return (v.isNullable() ? "(ref null " : "(ref ") + heap + ")";
    }
}
