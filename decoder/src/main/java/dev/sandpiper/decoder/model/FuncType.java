package dev.sandpiper.decoder.model;

import java.util.List;

/**
 * A function type {@code [params] -> [results]}.
 *
 * <p>Spec: 2.0, Structure > Types > Function Types, {@code syntax/types.html#function-types}.
 */
public record FuncType(List<ValType> params, List<ValType> results) implements CompositeType {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /** Total 64-bit slots the parameters take (v128 counts two). */
    public int paramSlots() {
        return slots(params);
    }

    /** Total 64-bit slots the results take (v128 counts two). */
    public int resultSlots() {
        return slots(results);
    }

    /** Total 64-bit slots a sequence of values takes (v128 counts two). */
    public static int slots(List<ValType> types) {
        int n = 0;
        for (ValType t : types) {
            n += t.slots();
        }
        return n;
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
