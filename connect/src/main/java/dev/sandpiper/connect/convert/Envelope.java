package dev.sandpiper.connect.convert;

import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Read access to a Debezium envelope or one of its blocks ({@code source}, {@code transaction}), whether it is a
 * {@link Struct} with a schema or a schemaless {@link Map}: a missing field reads as null.
 */
final class Envelope {
    private final Struct struct;
    private final Map<?, ?> map;

    private Envelope(Struct struct, Map<?, ?> map) {
        this.struct = struct;
        this.map = map;
    }

    /** A view of {@code value}, or null when it is neither a Struct nor a Map. */
    static Envelope of(Object value) {
        if (value instanceof Struct s) {
            return new Envelope(s, null);
        }
        if (value instanceof Map<?, ?> m) {
            return new Envelope(null, m);
        }
        return null;
    }

    boolean isStruct() {
        return struct != null;
    }

    Struct struct() {
        return struct;
    }

    Map<?, ?> map() {
        return map;
    }

    /** Whether the envelope has a field (with a schema) or key (without) of this name. */
    boolean has(String name) {
        return struct != null ? struct.schema().field(name) != null : map.containsKey(name);
    }

    /** The field's schema, or null (schemaless, or no such field). */
    Schema schemaOf(String name) {
        return struct == null || struct.schema().field(name) == null ? null : struct.schema().field(name).schema();
    }

    Object get(String name) {
        if (struct != null) {
            return struct.schema().field(name) == null ? null : struct.getWithoutDefault(name);
        }
        return map.get(name);
    }

    /** A nested block, or null. */
    Envelope block(String name) {
        return of(get(name));
    }

    /** The field as text when it is a string, else null. */
    String string(String name) {
        return get(name) instanceof String s ? s : null;
    }

    /** The field as a long when it is an integer, else null. */
    Long number(String name) {
        Object v = get(name);
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                ? Long.valueOf(((Number) v).longValue()) : null;
    }
}
