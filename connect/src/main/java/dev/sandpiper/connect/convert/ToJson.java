package dev.sandpiper.connect.convert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
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
 * Connect values → the JSON values of an Event row: what Kafka's {@code JsonConverter} with
 * {@code schemas.enable=false} and {@code decimal.format=NUMERIC} writes for them (contract.md, "Kafka Connect and
 * Debezium records ↔ Event", point 3):
 * <ul>
 *   <li>int8..int64 as integers, booleans, strings as themselves; float32/float64 as exact decimals
 *       ({@link FloatText} for NaN, infinities and -0.0);</li>
 *   <li>bytes as base64 strings; {@code Decimal} as the exact number at its scale ({@code 100.50});
 *       {@code Date} as days since the epoch, {@code Time} as milliseconds of the day, {@code Timestamp} as epoch
 *       milliseconds; Debezium's temporal types ({@code io.debezium.time.*}) and {@code io.debezium.data.Json} are
 *       named int32/int64/string schemas and go as the numbers or strings the connector produced;</li>
 *   <li>structs as objects in field order, arrays as arrays, maps with string keys as objects and other maps as
 *       arrays of {@code [key, value]} pairs.</li>
 * </ul>
 * A struct field holding null is written as null, not as the field's default (so the record round-trips exactly).
 * Without a schema (schemaless {@code Map} values) the Java type decides, with the same rules.
 */
final class ToJson {
    private ToJson() {
    }

    /** The JSON form of {@code value} under {@code schema} (null: schemaless); {@code path} names it in errors. */
    static Object value(Schema schema, Object value, String path) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            return schemaless(value, path);
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Decimal.LOGICAL_NAME:
                    return expect(BigDecimal.class, value, schema, path);
                case Date.LOGICAL_NAME:
                    return (long) Date.fromLogical(schema, expect(java.util.Date.class, value, schema, path));
                case Time.LOGICAL_NAME:
                    return (long) Time.fromLogical(schema, expect(java.util.Date.class, value, schema, path));
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.fromLogical(schema, expect(java.util.Date.class, value, schema, path));
                default:
                    break;
            }
        }
        switch (schema.type()) {
            case INT8:
            case INT16:
            case INT32:
            case INT64:
                return expect(Number.class, value, schema, path).longValue();
            case FLOAT32:
                return FloatText.ofFloat(expect(Float.class, value, schema, path));
            case FLOAT64:
                return FloatText.ofDouble(expect(Double.class, value, schema, path));
            case BOOLEAN:
                return expect(Boolean.class, value, schema, path);
            case STRING:
                return expect(String.class, value, schema, path);
            case BYTES:
                return base64(value, schema, path);
            case ARRAY:
                return list(schema.valueSchema(), expect(List.class, value, schema, path), path);
            case MAP:
                return map(schema.keySchema(), schema.valueSchema(), expect(Map.class, value, schema, path), path);
            case STRUCT:
                return struct(expect(Struct.class, value, schema, path), path);
            default:
                throw new ConversionException(path + ": unsupported schema type " + schema.type());
        }
    }

    /** A struct as an object, fields in schema order, nulls as null (not the field's default). */
    static Map<String, Object> struct(Struct struct, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : struct.schema().fields()) {
            out.put(f.name(), value(f.schema(), struct.getWithoutDefault(f.name()), path + "." + f.name()));
        }
        return out;
    }

    private static Object map(Schema keySchema, Schema valueSchema, Map<?, ?> map, String path) {
        boolean object = keySchema == null
                ? map.keySet().stream().allMatch(k -> k instanceof String)
                : keySchema.type() == Schema.Type.STRING;
        if (object) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new ConversionException(path + ": map key " + e.getKey() + " is not a string");
                }
                out.put(key, value(valueSchema, e.getValue(), path + "." + key));
            }
            return out;
        }
        List<Object> pairs = new ArrayList<>(map.size());
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String at = path + "[" + i++ + "]";
            List<Object> pair = new ArrayList<>(2);
            pair.add(value(keySchema, e.getKey(), at + "[0]"));
            pair.add(value(valueSchema, e.getValue(), at + "[1]"));
            pairs.add(pair);
        }
        return pairs;
    }

    private static Object schemaless(Object value, String path) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double d) {
            return FloatText.ofDouble(d);
        }
        if (value instanceof Float f) {
            return FloatText.ofFloat(f);
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return base64(value, null, path);
        }
        if (value instanceof java.util.Date d) {
            return d.getTime();
        }
        if (value instanceof Struct s) {
            return struct(s, path);
        }
        if (value instanceof Map<?, ?> m) {
            return map(null, null, m, path);
        }
        if (value instanceof List<?> l) {
            return list(null, l, path);
        }
        throw new ConversionException(path + ": unsupported value type " + value.getClass().getName());
    }

    private static List<Object> list(Schema elementSchema, List<?> list, String path) {
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(value(elementSchema, list.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static String base64(Object value, Schema schema, String path) {
        if (value instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (value instanceof ByteBuffer buf) {
            ByteBuffer copy = buf.duplicate();
            byte[] b = new byte[copy.remaining()];
            copy.get(b);
            return Base64.getEncoder().encodeToString(b);
        }
        throw mismatch(value, schema, path);
    }

    private static <T> T expect(Class<T> type, Object value, Schema schema, String path) {
        if (!type.isInstance(value)) {
            throw mismatch(value, schema, path);
        }
        return type.cast(value);
    }

    private static ConversionException mismatch(Object value, Schema schema, String path) {
        return new ConversionException(path + ": a " + value.getClass().getName() + " does not match its schema "
                + Schemas.describe(schema));
    }
}
