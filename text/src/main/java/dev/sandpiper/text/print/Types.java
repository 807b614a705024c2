package dev.sandpiper.text.print;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Types in text: value types by name, heap types of {@code ref.null}, function types as
 * {@code (param ...) (result ...)}, limits as {@code min max?}.
 *
 * <p>Spec: 2.0, 6.4 Types ({@code text/types.html}).
 */
final class Types {
    private Types() {}

    /** {@code func}, {@code extern} or a type index: the heap type of a reference type (spec 6.4.2; 3.0). */
    static String heapType(ValType t) {
        if (t.isConcrete()) {
            return Integer.toString(t.heapType());
        }
        if (t.heapType() == ValType.HEAP_EXN) {
            return "exn"; // 3.0, exception handling
        }
        if (t.heapType() == ValType.HEAP_NOEXN) {
            return "noexn";
        }
        return t.heapType() == ValType.HEAP_EXTERN ? "extern" : "func";
    }

    /** {@code (param t*) (result t*)}, each group left out when empty, with a leading space. */
    static void signature(StringBuilder sb, FuncType t) {
        group(sb, "param", t.params());
        group(sb, "result", t.results());
    }

    static void group(StringBuilder sb, String keyword, List<ValType> types) {
        if (types.isEmpty()) {
            return;
        }
        sb.append(" (").append(keyword);
        for (ValType v : types) {
            sb.append(' ').append(v);
        }
        sb.append(')');
    }

    /**
     * {@code min} or {@code min max} (spec 6.4.4), after {@code i64} for a 64-bit memory or table
     * (3.0, Text Format > Types > Memory Types, Table Types); the bounds are unsigned.
     */
    static void limits(StringBuilder sb, Limits l) {
        if (l.address64()) {
            sb.append("i64 ");
        }
        sb.append(Long.toUnsignedString(l.min()));
        if (l.hasMax()) {
            sb.append(' ').append(Long.toUnsignedString(l.max()));
        }
    }
}
