package dev.sandpiper.connect.convert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The JSON values of a guest's Event row → Connect values (contract.md, "Kafka Connect and Debezium records ↔
 * Event", points 4 and 5): the inverse of {@link ToJson}.
 *
 * <p>With a schema, a value is converted to the schema's type (a decimal to {@link BigDecimal} at the schema's
 * scale, days to a {@code Date}, base64 to bytes, an integer to the field's width) or is a {@link #MISFIT} when it
 * cannot be without loss: an integer out of the field's range, a decimal finer than the scale, a string in a number
 * field, null in a required field, a struct whose keys are not exactly the schema's fields (strict mode). Then
 * {@link SchemaDeriver} gives the row a schema that fits.
 *
 * <p>Without a schema, the input's own value at the same place is the template: a number goes back to the
 * template's Java type ({@code Integer}, {@code Double}, {@code BigDecimal} at its scale...), a base64 string to
 * bytes where the template held bytes; new values are plain JSON values ({@code Long}, {@code BigInteger},
 * {@code BigDecimal}, {@code String}, {@code Boolean}, {@code List}, {@code Map}).
 */
final class FromJson {
    /** The value does not fit the schema. */
    static final Object MISFIT = new Object() {
        @Override
        public String toString() {
            return "MISFIT";
        }
    };

    private FromJson() {
    }

    /**
     * {@code json} as a value of {@code schema}, or {@link #MISFIT}. {@code strict}: a struct must have exactly the
     * schema's fields; otherwise absent fields are null (a shape {@link SchemaDeriver} made for this value).
     */
    static Object toConnect(Schema schema, Object json, boolean strict) {
        if (json == null) {
            return schema.isOptional() ? null : MISFIT;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Decimal.LOGICAL_NAME:
                    return decimal(schema, json);
                case Date.LOGICAL_NAME: {
                    Long days = integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    return days == null ? MISFIT : Date.toLogical(schema, days.intValue());
                }
                case Time.LOGICAL_NAME: {
                    Long ms = integer(json, 0, 24L * 60 * 60 * 1000 - 1);
                    return ms == null ? MISFIT : Time.toLogical(schema, ms.intValue());
                }
                case Timestamp.LOGICAL_NAME: {
                    Long ms = integer(json, Long.MIN_VALUE, Long.MAX_VALUE);
                    return ms == null ? MISFIT : Timestamp.toLogical(schema, ms);
                }
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case INT8: {
                Long v = integer(json, Byte.MIN_VALUE, Byte.MAX_VALUE);
                return v == null ? MISFIT : (Object) v.byteValue();
            }
            case INT16: {
                Long v = integer(json, Short.MIN_VALUE, Short.MAX_VALUE);
                return v == null ? MISFIT : (Object) v.shortValue();
            }
            case INT32: {
                Long v = integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
                return v == null ? MISFIT : (Object) v.intValue();
            }
            case INT64: {
                Long v = integer(json, Long.MIN_VALUE, Long.MAX_VALUE);
                return v == null ? MISFIT : v;
            }
            case FLOAT32: {
                Float f = FloatText.toFloat(json);
                return f == null ? MISFIT : f;
            }
            case FLOAT64: {
                Double d = FloatText.toDouble(json);
                return d == null ? MISFIT : d;
            }
            case BOOLEAN:
                return json instanceof Boolean ? json : MISFIT;
            case STRING:
                return json instanceof String ? json : MISFIT;
            case BYTES: {
                byte[] b = json instanceof String s ? base64(s) : null;
                return b == null ? MISFIT : b;
            }
            case ARRAY:
                return json instanceof List<?> l ? array(schema.valueSchema(), l, strict) : MISFIT;
            case MAP:
                return map(schema, json, strict);
            case STRUCT:
                return json instanceof Map<?, ?> m ? struct(schema, m, strict) : MISFIT;
            default:
                return MISFIT;
        }
    }

    private static Object decimal(Schema schema, Object json) {
        if (!(json instanceof Long || json instanceof BigInteger || json instanceof BigDecimal)) {
            return MISFIT;
        }
        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
        try {
            return FloatText.toBigDecimal((Number) json).setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException finer) {
            return MISFIT;
        }
    }

    /** The integer {@code json} holds when it lies in [min, max], else null (not an integer, or out of range). */
    private static Long integer(Object json, long min, long max) {
        if (!(json instanceof Long v)) {
            return null; // BigInteger: outside 64 bits; BigDecimal: has a fraction or an exponent
        }
        return v >= min && v <= max ? v : null;
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static Object array(Schema elementSchema, List<?> list, boolean strict) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object e : list) {
            Object v = toConnect(elementSchema, e, strict);
            if (v == MISFIT) {
                return MISFIT;
            }
            out.add(v);
        }
        return out;
    }

    private static Object map(Schema schema, Object json, boolean strict) {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (schema.keySchema().type() == Schema.Type.STRING) {
            if (!(json instanceof Map<?, ?> m)) {
                return MISFIT;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = toConnect(schema.keySchema(), e.getKey(), strict);
                Object v = toConnect(schema.valueSchema(), e.getValue(), strict);
                if (k == MISFIT || v == MISFIT) {
                    return MISFIT;
                }
                out.put(k, v);
            }
            return out;
        }
        if (!(json instanceof List<?> pairs)) {
            return MISFIT;
        }
        for (Object p : pairs) {
            if (!(p instanceof List<?> pair) || pair.size() != 2) {
                return MISFIT;
            }
            Object k = toConnect(schema.keySchema(), pair.get(0), strict);
            Object v = toConnect(schema.valueSchema(), pair.get(1), strict);
            if (k == MISFIT || v == MISFIT || out.containsKey(k)) {
                return MISFIT;
            }
            out.put(k, v);
        }
        return out;
    }

    private static Object struct(Schema schema, Map<?, ?> json, boolean strict) {
        if (strict ? json.size() != schema.fields().size() : json.size() > schema.fields().size()) {
            return MISFIT;
        }
        Struct out = new Struct(schema);
        int seen = 0;
        for (Field f : schema.fields()) {
            Object j = json.get(f.name());
            if (j == null && !json.containsKey(f.name())) {
                if (strict || !f.schema().isOptional()) {
                    return MISFIT;
                }
                continue;
            }
            seen++;
            Object v = toConnect(f.schema(), j, strict);
            if (v == MISFIT) {
                return MISFIT;
            }
            out.put(f, v);
        }
        return seen == json.size() ? out : MISFIT;
    }

    // ---- schemaless: the input's value is the template ----

    /** {@code json} as the Java type of {@code template} (the input's value at the same place, or null). */
    static Object like(Object template, Object json) {
        if (json == null) {
            return null;
        }
        if (template instanceof Struct s) {
            Object v = toConnect(s.schema(), json, true);
            return v == MISFIT ? plain(json) : v;
        }
        if (json instanceof Map<?, ?> m) {
            Map<?, ?> t = template instanceof Map<?, ?> tm ? tm : Map.of();
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, like(t.get(k), v)));
            return out;
        }
        if (json instanceof List<?> l) {
            if (template instanceof Map<?, ?> tm && !tm.isEmpty() && !(tm.keySet().iterator().next() instanceof String)) {
                Object back = pairsLike(tm, l);
                if (back != null) {
                    return back;
                }
            }
            List<?> t = template instanceof List<?> tl ? tl : List.of();
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(like(i < t.size() ? t.get(i) : null, l.get(i)));
            }
            return out;
        }
        Object typed = template == null ? null : scalarLike(template, json);
        return typed != null ? typed : json;
    }

    /** A map with non-string keys came back as {@code [key, value]} pairs: a map again, keys like the template's. */
    private static Object pairsLike(Map<?, ?> template, List<?> pairs) {
        Object keyTemplate = template.keySet().iterator().next();
        Object valueTemplate = template.values().iterator().next();
        Map<Object, Object> out = new HashMap<>();
        for (Object p : pairs) {
            if (!(p instanceof List<?> pair) || pair.size() != 2) {
                return null;
            }
            Object k = like(keyTemplate, pair.get(0));
            out.put(k, like(template.containsKey(k) ? template.get(k) : valueTemplate, pair.get(1)));
        }
        return out;
    }

    private static Object scalarLike(Object template, Object json) {
        if (template instanceof Integer) {
            Long v = integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return v == null ? null : v.intValue();
        }
        if (template instanceof Short) {
            Long v = integer(json, Short.MIN_VALUE, Short.MAX_VALUE);
            return v == null ? null : v.shortValue();
        }
        if (template instanceof Byte) {
            Long v = integer(json, Byte.MIN_VALUE, Byte.MAX_VALUE);
            return v == null ? null : v.byteValue();
        }
        if (template instanceof Double) {
            return FloatText.toDouble(json);
        }
        if (template instanceof Float) {
            return FloatText.toFloat(json);
        }
        if (template instanceof BigInteger && json instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (template instanceof BigDecimal t && json instanceof Number n) {
            BigDecimal d = FloatText.toBigDecimal(n);
            try {
                return d.setScale(t.scale(), RoundingMode.UNNECESSARY);
            } catch (ArithmeticException finer) {
                return d;
            }
        }
        if ((template instanceof byte[] || template instanceof ByteBuffer) && json instanceof String s) {
            byte[] b = base64(s);
            return b == null ? null : template instanceof ByteBuffer ? ByteBuffer.wrap(b) : b;
        }
        if (template instanceof java.util.Date && json instanceof Long ms) {
            return new java.util.Date(ms);
        }
        return null;
    }

    /** A JSON value as plain Java values (maps keep their key order). */
    private static Object plain(Object json) {
        return like(null, json);
    }
}
