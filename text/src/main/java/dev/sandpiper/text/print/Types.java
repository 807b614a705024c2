package dev.sandpiper.text.print;

import dev.sandpiper.decoder.model.ArrayType;
import dev.sandpiper.decoder.model.CompositeType;
import dev.sandpiper.decoder.model.FieldType;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.StructType;
import dev.sandpiper.decoder.model.SubType;
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
        return ValType.heapName(t.heapType());
    }

    /**
     * A type definition's {@code subtype}: {@code (sub final? idx* comptype)}, or the bare
     * composite type when it is final without supertypes (3.0, Text Format > Types).
     */
    static void subType(StringBuilder sb, SubType t) {
        boolean plain = t.isFinal() && t.supertypes().isEmpty();
        if (!plain) {
            sb.append(t.isFinal() ? "(sub final" : "(sub");
            for (int s : t.supertypes()) {
                sb.append(' ').append(Integer.toUnsignedString(s));
            }
            sb.append(' ');
        }
        CompositeType c = t.composite();
        if (c instanceof FuncType f) {
            sb.append("(func");
            signature(sb, f);
        } else if (c instanceof StructType s) {
            sb.append("(struct");
            for (FieldType f : s.fields()) {
                sb.append(" (field ").append(f).append(')');
            }
        } else {
            sb.append("(array ").append(((ArrayType) c).element());
        }
        sb.append(plain ? ")" : "))");
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
