package dev.sandpiper.connect.convert;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The Connect schema of a JSON value a guest added or retyped, with no input schema to follow; always optional:
 * <ul>
 *   <li>boolean → {@code boolean}, string → {@code string}, an integer of 64 bits → {@code int64}, a larger integer
 *       → {@code Decimal} scale 0, a decimal → {@code Decimal} at its scale (at least 0), so no value loses
 *       precision;</li>
 *   <li>an object → a struct of its keys in order; an array → an array of the elements' common type;</li>
 *   <li>null alone → an optional {@code string} documented as {@link #OPEN} (nothing tells the type).</li>
 * </ul>
 * Common type of array elements: equal types; {@link #OPEN} and anything; {@code int64} and {@code Decimal}s → {@code Decimal} at the largest
 * scale; structs → the union of their fields; arrays → arrays of the common element type; null fits anything. Other
 * mixes (a string and a number) have none, and the conversion fails naming the path.
 */
final class SchemaInference {
    private SchemaInference() {
    }

    /** The type of values seen only as null: an optional string, which unifies with anything. */
    static final Schema OPEN = SchemaBuilder.string().optional().doc("only nulls seen: type unknown").build();

    static Schema infer(Object json, String path) {
        if (json == null) {
            return OPEN;
        }
        if (json instanceof Boolean) {
            return Schema.OPTIONAL_BOOLEAN_SCHEMA;
        }
        if (json instanceof String) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }
        if (json instanceof Long) {
            return Schema.OPTIONAL_INT64_SCHEMA;
        }
        if (json instanceof BigInteger) {
            return decimal(0);
        }
        if (json instanceof BigDecimal d) {
            return decimal(Math.max(0, d.scale()));
        }
        if (json instanceof List<?> list) {
            Schema element = OPEN;
            for (int i = 0; i < list.size(); i++) {
                element = unify(element, infer(list.get(i), path + "[" + i + "]"), path);
            }
            return SchemaBuilder.array(element).optional().build();
        }
        if (json instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>(map.size());
            List<Schema> schemas = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                names.add((String) e.getKey());
                schemas.add(infer(e.getValue(), path + "." + e.getKey()));
            }
            return Schemas.struct(null, names, schemas);
        }
        throw new ConversionException(path + ": unsupported JSON value " + json.getClass().getName());
    }

    private static Schema decimal(int scale) {
        return Decimal.builder(scale).optional().build();
    }

    /** The common type of two element types. */
    static Schema unify(Schema a, Schema b, String path) {
        if (a.equals(OPEN) || a.equals(b)) {
            return b;
        }
        if (b.equals(OPEN)) {
            return a;
        }
        if (isNumber(a) && isNumber(b)) {
            return decimal(Math.max(scale(a), scale(b)));
        }
        if (a.type() == Schema.Type.ARRAY && b.type() == Schema.Type.ARRAY) {
            return SchemaBuilder.array(unify(a.valueSchema(), b.valueSchema(), path)).optional().build();
        }
        if (a.type() == Schema.Type.STRUCT && b.type() == Schema.Type.STRUCT && a.name() == null && b.name() == null) {
            List<String> names = new ArrayList<>();
            List<Schema> schemas = new ArrayList<>();
            for (Field f : a.fields()) {
                Field other = b.field(f.name());
                names.add(f.name());
                schemas.add(other == null ? f.schema() : unify(f.schema(), other.schema(), path + "." + f.name()));
            }
            for (Field f : b.fields()) {
                if (a.field(f.name()) == null) {
                    names.add(f.name());
                    schemas.add(f.schema());
                }
            }
            return Schemas.struct(null, names, schemas);
        }
        throw new ConversionException(path + ": the elements have no common Connect type (" + Schemas.describe(a)
                + " and " + Schemas.describe(b) + ")");
    }

    private static boolean isNumber(Schema s) {
        return s.type() == Schema.Type.INT64 && s.name() == null || Decimal.LOGICAL_NAME.equals(s.name());
    }

    private static int scale(Schema s) {
        return s.type() == Schema.Type.INT64 ? 0 : Integer.parseInt(s.parameters().get(Decimal.SCALE_FIELD));
    }
}
