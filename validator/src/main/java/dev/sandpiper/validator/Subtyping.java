package dev.sandpiper.validator;

import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * The 3.0 subtype relation on value types: a type matches itself; {@code (ref ht)} matches
 * {@code (ref null ht)}; heap types match along the three hierarchies of 3.0,
 * <pre>
 *   none &lt;: i31, struct types &lt;: struct, array types &lt;: array; i31, struct, array &lt;: eq &lt;: any
 *   nofunc &lt;: function types &lt;: func;  noextern &lt;: extern
 * </pre>
 * and a type index matches another when the type it names declares (through its chain of
 * supertypes) the other, compared closed ({@link DefinedTypes}: 3.0, Matching > Defined Types).
 * Without the features every reference type is one of funcref and externref, and matching is
 * equality.
 *
 * <p>Spec: 3.0, Validation > Matching > Value Types, Reference Types and Heap Types,
 * {@code valid/matching.html#reference-types}.
 */
final class Subtyping {
    private Subtyping() {}

    /** Whether {@code actual} matches {@code expected} in a module whose types have closed ids {@code types}. */
    static boolean matches(ValType actual, ValType expected, int[] types) {
        if (actual == expected) {
            return true;
        }
        if (!actual.isReference() || !expected.isReference()) {
            return false;
        }
        if (actual.isNullable() && !expected.isNullable()) {
            return false;
        }
        return heapMatches(actual.heapType(), expected.heapType(), types);
    }

    /** Spec: 3.0, Matching > Heap Types. */
    static boolean heapMatches(int actual, int expected, int[] types) {
        if (actual == expected) {
            return true;
        }
        if (actual >= 0 && actual >= types.length || expected >= 0 && expected >= types.length) {
            return false; // an unknown type index, reported where it occurs
        }
        if (actual >= 0 && expected >= 0) {
            return DefinedTypes.isSubtype(types[actual], types[expected]);
        }
        if (actual >= 0) {
            return abstractAbove(DefinedTypes.kind(types[actual]), expected);
        }
        if (expected >= 0) {
            return actual == bottomOf(DefinedTypes.kind(types[expected]));
        }
        return switch (actual) {
            case ValType.HEAP_NONE -> expected == ValType.HEAP_I31 || expected == ValType.HEAP_STRUCT
                    || expected == ValType.HEAP_ARRAY || expected == ValType.HEAP_EQ || expected == ValType.HEAP_ANY;
            case ValType.HEAP_I31, ValType.HEAP_STRUCT, ValType.HEAP_ARRAY ->
                    expected == ValType.HEAP_EQ || expected == ValType.HEAP_ANY;
            case ValType.HEAP_EQ -> expected == ValType.HEAP_ANY;
            case ValType.HEAP_NOFUNC -> expected == ValType.HEAP_FUNC;
            case ValType.HEAP_NOEXTERN -> expected == ValType.HEAP_EXTERN;
            case ValType.HEAP_NOEXN -> expected == ValType.HEAP_EXN; // exn's bottom (3.0, exception handling)
            default -> false;
        };
    }

    /** Whether a defined type of composite kind {@code kind} matches the abstract heap type {@code heap}. */
    private static boolean abstractAbove(int kind, int heap) {
        if (kind == DefinedTypes.FUNC) {
            return heap == ValType.HEAP_FUNC;
        }
        return heap == ValType.HEAP_ANY || heap == ValType.HEAP_EQ
                || heap == (kind == DefinedTypes.STRUCT ? ValType.HEAP_STRUCT : ValType.HEAP_ARRAY);
    }

    /** The bottom heap type of the hierarchy a defined type of composite kind {@code kind} is in. */
    static int bottomOf(int kind) {
        return kind == DefinedTypes.FUNC ? ValType.HEAP_NOFUNC : ValType.HEAP_NONE;
    }

    /**
     * The top heap type of the hierarchy {@code heap} is in ({@code any}, {@code func} or
     * {@code extern}); spec 3.0, Validation > Instructions: ref.test and br_on_cast need operand and
     * target in the same hierarchy.
     */
    static int topOf(int heap, int[] types) {
        if (heap >= 0) {
            return heap < types.length && DefinedTypes.kind(types[heap]) == DefinedTypes.FUNC
                    ? ValType.HEAP_FUNC : ValType.HEAP_ANY;
        }
        return switch (heap) {
            case ValType.HEAP_FUNC, ValType.HEAP_NOFUNC -> ValType.HEAP_FUNC;
            case ValType.HEAP_EXTERN, ValType.HEAP_NOEXTERN -> ValType.HEAP_EXTERN;
            case ValType.HEAP_EXN, ValType.HEAP_NOEXN -> ValType.HEAP_EXN;
            default -> ValType.HEAP_ANY;
        };
    }

    /** Whether every type of {@code actual} matches the one at its position in {@code expected}. */
    static boolean allMatch(List<ValType> actual, List<ValType> expected, int[] types) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!matches(actual.get(i), expected.get(i), types)) {
                return false;
            }
        }
        return true;
    }
}
