package dev.sandpiper.connect.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;

/**
 * Schemas for rows whose shape a guest changed (contract.md, "Kafka Connect and Debezium records ↔ Event",
 * point 4): derived from the input row's schema, field by field in the guest's key order.
 * <ul>
 *   <li>a field the guest kept, whose value still fits its schema ({@link FromJson}), keeps its schema as is;</li>
 *   <li>a kept field that is now null becomes optional; a kept struct field whose value no longer fits is derived
 *       the same way, recursively, and optional; any other kept field whose value no longer fits (a retyped value)
 *       gets the type {@link SchemaInference} gives its value, optional;</li>
 *   <li>an added field gets the inferred type, optional; a removed field is gone.</li>
 * </ul>
 * The derived struct keeps the input schema's name, version, doc and parameters. Derived schemas are cached per
 * shape: structurally equal schemas are handed out as one object, so converters downstream that cache per schema
 * (Avro, a schema registry) see one schema per shape. The cache holds at most {@value #MAX_CACHED} shapes and
 * starts over when full. Thread-safe.
 */
public final class SchemaDeriver {
    static final int MAX_CACHED = 1024;

    private final Map<Schema, Schema> shapes = new ConcurrentHashMap<>();

    /** The schema of a row {@code json} that does not fit {@code base} (a struct schema). */
    Schema row(Schema base, Map<?, ?> json, String path) {
        return intern(struct(base, json, path));
    }

    /** {@code envelope} with the schemas of its {@code before} and {@code after} fields replaced. */
    Schema envelope(Schema envelope, Schema before, Schema after) {
        List<String> names = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        for (Field f : envelope.fields()) {
            names.add(f.name());
            schemas.add(f.name().equals("before") && before != null ? before
                    : f.name().equals("after") && after != null ? after : f.schema());
        }
        return intern(Schemas.struct(envelope, names, schemas));
    }

    /** How many shapes the cache holds (for tests). */
    int cachedShapes() {
        return shapes.size();
    }

    private Schema struct(Schema base, Map<?, ?> json, String path) {
        List<String> names = new ArrayList<>(json.size());
        List<Schema> schemas = new ArrayList<>(json.size());
        for (Map.Entry<?, ?> e : json.entrySet()) {
            String name = (String) e.getKey();
            Object value = e.getValue();
            String at = path + "." + name;
            Field f = base.field(name);
            names.add(name);
            schemas.add(f == null ? SchemaInference.infer(value, at) : field(f.schema(), value, at));
        }
        return Schemas.struct(base, names, schemas);
    }

    private Schema field(Schema schema, Object value, String path) {
        if (FromJson.toConnect(schema, value, true) != FromJson.MISFIT) {
            return schema;
        }
        if (value == null) {
            return Schemas.optional(schema);
        }
        if (schema.type() == Schema.Type.STRUCT && value instanceof Map<?, ?> m) {
            return Schemas.optional(struct(schema, m, path));
        }
        return SchemaInference.infer(value, path);
    }

    private Schema intern(Schema schema) {
        if (shapes.size() >= MAX_CACHED) {
            shapes.clear();
        }
        Schema known = shapes.putIfAbsent(schema, schema);
        return known == null ? schema : known;
    }
}
