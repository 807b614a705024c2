package dev.sandpiper.validator;

import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * The 3.0 subtype relation on value types, as far as typed function references need it: a type
 * matches itself; {@code (ref ht)} matches {@code (ref null ht)}; a concrete function type index
 * matches {@code func}; two type indices match when they name the same type, compared closed
 * ({@link dev.sandpiper.decoder.model.DefinedTypes}: 3.0, Matching > Defined Types). Without
 * the feature every reference type is one of funcref and externref, and matching is equality.
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

    /** Spec: 3.0, Matching > Heap Types: a function type index is below {@code func}. */
    static boolean heapMatches(int actual, int expected, int[] types) {
        if (actual == expected) {
            return true;
        }
        if (actual >= 0 && expected == ValType.HEAP_FUNC) {
            return true;
        }
        if (actual == ValType.HEAP_NOEXN && expected == ValType.HEAP_EXN) {
            return true; // noexn is exn's bottom (3.0, exception handling)
        }
        // Type indices whose closed types are the same are equivalent.
        return actual >= 0 && expected >= 0 && actual < types.length && expected < types.length
                && types[actual] == types[expected];
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
