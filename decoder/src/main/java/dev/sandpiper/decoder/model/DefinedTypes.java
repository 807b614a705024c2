package dev.sandpiper.decoder.model;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When two defined types are the same type (spec 3.0, Validation > Types > Defined Types and
 * Matching > Defined Types): types are compared iso-recursively, as their recursion group and
 * their place in it. Inside a group, an index to a member of the group stands as {@code rec.k}
 * (its place in the group); an index to an earlier group stands for the type it names, so groups
 * are compared in their <em>closed</em> form. Two groups of the same shape give the same types,
 * whatever module or position they come from. Without {@code rec}, each type definition is a group
 * of one, so a self-reference closes as {@code rec.0}.
 *
 * <p>Closed forms are hash-consed into ids: a type's id is that of its group's shape with each
 * index into an earlier group replaced by that type's id, plus its place in the group, so equal ids
 * mean equal closed types, and the work and space stay linear in the definitions (a closed form
 * written out can be exponentially long). Ids do not depend on the module, so they also compare
 * types of different modules (imports, {@code call_indirect} and casts across instances). For each
 * id the table also keeps the id of its declared supertype and what kind of composite type it is,
 * which is all that matching of defined types needs ({@link #isSubtype}). The table only grows, one
 * entry per distinct type.
 */
public final class DefinedTypes {
    /** {@link #kind} of a function type. */
    public static final int FUNC = 0;
    /** {@link #kind} of a structure type. */
    public static final int STRUCT = 1;
    /** {@link #kind} of an array type. */
    public static final int ARRAY = 2;

    private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();
    /**
     * Per id: supertype id + 1 (0 for none) shifted left 2, or'ed with the kind. Written under IDS's
     * lock, copied when it grows and published through the volatile field, so casts read it
     * without locking.
     */
    private static volatile long[] info = new long[64];
    /** Marks a written entry of {@link #info}. */
    private static final long PRESENT = 1L << 62;
    private static int count;

    private DefinedTypes() {}

    /** The id of each function type of {@code types}, each its own recursion group (2.0's type section). */
    public static int[] ids(List<FuncType> types) {
        return ids(RecTypes.ofFunctions(types));
    }

    /**
     * The id of each type of {@code types}, in order: a group refers only to itself and the groups
     * before it (later ones are invalid), so one pass suffices.
     */
    public static int[] ids(RecTypes types) {
        int n = types.size();
        int[] ids = new int[n];
        int start = 0;
        while (start < n) {
            int size = types.groupSize(start);
            StringBuilder group = new StringBuilder("(rec");
            for (int k = 0; k < size; k++) {
                group.append(' ');
                shape(group, types.type(start + k), ids, start, size);
            }
            String shape = group.append(')').toString();
            for (int k = 0; k < size; k++) {
                SubType t = types.type(start + k);
                int superId = -1;
                if (!t.supertypes().isEmpty()) {
                    int s = t.supertypes().get(0);
                    superId = s >= 0 && s < start + k ? ids[s] : -1;
                }
                ids[start + k] = intern(shape + "." + k, superId, kindOf(t.composite()));
            }
            start += size;
        }
        return ids;
    }

    /** The id of a function type outside any module (a host function's): type indices in it stay numbers. */
    public static int id(FuncType type) {
        StringBuilder sb = new StringBuilder("(rec ");
        shape(sb, SubType.plain(type), new int[0], -1, 0);
        return intern(sb.append(").0").toString(), -1, FUNC);
    }

    /** Whether the type with id {@code sub} matches the one with id {@code sup}: equal, or a declared supertype chain leads there. */
    public static boolean isSubtype(int sub, int sup) {
        int t = sub;
        while (t >= 0) {
            if (t == sup) {
                return true;
            }
            t = superOf(t);
        }
        return false;
    }

    /** The id of the declared supertype of the type with id {@code id}, or -1. */
    public static int superOf(int id) {
        return (int) ((info(id) & ~PRESENT) >>> 2) - 1;
    }

    /** {@link #FUNC}, {@link #STRUCT} or {@link #ARRAY}: the composite type of the type with id {@code id}. */
    public static int kind(int id) {
        return (int) (info(id) & 3);
    }

    private static long info(int id) {
        long[] a = info;
        if (id < a.length && (a[id] & PRESENT) != 0) {
            return a[id];
        }
        synchronized (IDS) { // published after this thread last read the field
            return info[id];
        }
    }

    private static int kindOf(CompositeType c) {
        return c instanceof FuncType ? FUNC : c instanceof StructType ? STRUCT : ARRAY;
    }

    private static int intern(String shape, int superId, int kind) {
        Integer id = IDS.get(shape);
        if (id != null) {
            return id;
        }
        synchronized (IDS) {
            return IDS.computeIfAbsent(shape, s -> {
                long[] a = info;
                if (count == a.length) {
                    a = java.util.Arrays.copyOf(a, 2 * count);
                }
                a[count] = PRESENT | (long) (superId + 1) << 2 | kind;
                info = a;
                return count++;
            });
        }
    }

    private static void shape(StringBuilder sb, SubType t, int[] before, int groupStart, int groupSize) {
        sb.append(t.isFinal() ? "(sub final" : "(sub");
        for (int s : t.supertypes()) {
            sb.append(' ').append(index(s, before, groupStart, groupSize));
        }
        sb.append(' ');
        CompositeType c = t.composite();
        if (c instanceof FuncType f) {
            sb.append("(func");
            for (ValType v : f.params()) {
                sb.append(" (param ").append(value(v, before, groupStart, groupSize)).append(')');
            }
            for (ValType v : f.results()) {
                sb.append(" (result ").append(value(v, before, groupStart, groupSize)).append(')');
            }
        } else if (c instanceof StructType s) {
            sb.append("(struct");
            for (FieldType f : s.fields()) {
                sb.append(' ');
                field(sb, f, before, groupStart, groupSize);
            }
        } else {
            sb.append("(array ");
            field(sb, ((ArrayType) c).element(), before, groupStart, groupSize);
        }
        sb.append("))");
    }

    private static void field(StringBuilder sb, FieldType f, int[] before, int groupStart, int groupSize) {
        String storage = f.isPacked() ? f.storageText() : value(f.type(), before, groupStart, groupSize);
        sb.append(f.mutable() ? "(mut " + storage + ")" : storage);
    }

    private static String value(ValType v, int[] before, int groupStart, int groupSize) {
        if (!v.isConcrete()) {
            return v.toString();
        }
        return (v.isNullable() ? "(ref null " : "(ref ") + index(v.heapType(), before, groupStart, groupSize) + ")";
    }

    private static String index(int x, int[] before, int groupStart, int groupSize) {
        if (groupStart >= 0 && x >= groupStart && x < groupStart + groupSize) {
            return "rec." + (x - groupStart);
        }
        if (x >= 0 && x < groupStart && x < before.length) {
            return "#" + before[x];
        }
        return "type " + x; // a later type: invalid in a module (validation says "unknown type")
    }
}
