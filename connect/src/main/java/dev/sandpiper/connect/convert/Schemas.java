package dev.sandpiper.connect.convert;

import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Copies of Connect schemas with one thing changed, and their description in messages. */
final class Schemas {
    private Schemas() {
    }

    /** {@code schema} itself when optional, else an optional copy (name, version, doc, parameters, default kept). */
    static Schema optional(Schema schema) {
        if (schema.isOptional()) {
            return schema;
        }
        SchemaBuilder b = builderLike(schema);
        if (schema.type() == Schema.Type.STRUCT) {
            for (Field f : schema.fields()) {
                b.field(f.name(), f.schema());
            }
        }
        if (schema.defaultValue() != null) {
            b.defaultValue(schema.defaultValue());
        }
        return b.optional().build();
    }

    /**
     * A struct schema with {@code base}'s name, version, doc, parameters and optionality, and {@code fields}
     * (names and schemas, in order).
     */
    static Schema struct(Schema base, List<String> names, List<Schema> fieldSchemas) {
        SchemaBuilder b = base == null ? SchemaBuilder.struct() : builderLike(base);
        for (int i = 0; i < names.size(); i++) {
            b.field(names.get(i), fieldSchemas.get(i));
        }
        if (base == null || base.isOptional()) {
            b.optional();
        }
        return b.build();
    }

    /** A builder of {@code schema}'s type (with its key and value schemas), name, version, doc and parameters. */
    private static SchemaBuilder builderLike(Schema schema) {
        SchemaBuilder b = switch (schema.type()) {
            case ARRAY -> SchemaBuilder.array(schema.valueSchema());
            case MAP -> SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
            default -> SchemaBuilder.type(schema.type());
        };
        if (schema.name() != null) {
            b.name(schema.name());
        }
        if (schema.version() != null) {
            b.version(schema.version());
        }
        if (schema.doc() != null) {
            b.doc(schema.doc());
        }
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            b.parameters(schema.parameters());
        }
        return b;
    }

    /** {@code int64}, {@code org.apache.kafka.connect.data.Decimal (bytes)}, {@code struct Value{id,name}}... */
    static String describe(Schema schema) {
        if (schema == null) {
            return "(none)";
        }
        String type = schema.type().getName();
        if (schema.type() == Schema.Type.STRUCT) {
            StringBuilder sb = new StringBuilder("struct");
            if (schema.name() != null) {
                sb.append(' ').append(schema.name());
            }
            sb.append('{');
            for (Field f : schema.fields()) {
                sb.append(f.index() == 0 ? "" : ",").append(f.name());
            }
            return sb.append('}').toString();
        }
        return schema.name() == null ? type : schema.name() + " (" + type + ")";
    }
}
