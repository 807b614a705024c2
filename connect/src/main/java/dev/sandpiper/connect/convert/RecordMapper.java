package dev.sandpiper.connect.convert;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventBuilder;
import dev.sandpiper.abi.Op;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Connect records ↔ the canonical Events a guest sees and returns (contract.md, "Kafka Connect and Debezium records
 * ↔ Event"). One per plugin instance: it holds the cache of derived schemas. Thread-safe.
 *
 * <p>A change event is a record whose value is a Debezium envelope (a {@link Struct} with a schema, or a schemaless
 * {@link Map}) with an {@code op} of {@code c}, {@code u}, {@code d}, {@code r} or {@code t}. Every other record (a
 * tombstone, a heartbeat, a schema-change or {@code m} message record, a value without {@code op}) is not, and
 * {@link #toEvent} returns null for it: the plugin passes it through untouched without calling the guest.
 *
 * <p>{@link #toRecord} keeps everything of the input record but the rows: key, envelope fields ({@code op},
 * {@code source}, {@code ts_ms}, {@code transaction}...), partition, timestamp, headers, and the topic unless the
 * guest's {@code route} names another. Whatever else the guest changed in its Event is ignored.
 */
public final class RecordMapper {
    private final SchemaDeriver deriver = new SchemaDeriver();

    /**
     * The Event for a change record, or null when the record is not a change event.
     *
     * @throws ConversionException when a row value cannot be represented (a string with an unpaired surrogate, a
     *     value that does not match its schema, a map key that is neither a string nor convertible)
     */
    public Event toEvent(ConnectRecord<?> record) {
        Envelope envelope = Envelope.of(record.value());
        if (envelope == null) {
            return null;
        }
        Op op = ChangeOp.of(envelope.get("op"));
        if (op == null) {
            return null;
        }
        EventBuilder b = Event.builder().op(op).before(row(envelope, "before")).after(row(envelope, "after"));
        EventFields.fill(b, record, envelope);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConversionException(e.getMessage(), e);
        }
    }

    private static Map<String, Object> row(Envelope envelope, String name) {
        Object v = envelope.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Struct s) {
            return ToJson.struct(s, name);
        }
        if (v instanceof Map<?, ?> m && ToJson.value(null, m, name) instanceof Map<?, ?> json) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) json;
            return row;
        }
        throw new ConversionException(name + ": a row must be a Struct or a Map with string keys, not a "
                + v.getClass().getName());
    }

    /**
     * The output record: {@code record} with the rows of {@code output} and, when {@code topic} is not null, that
     * topic. {@code record} must be the change record {@code output} was made from.
     *
     * @throws ConversionException when the guest's rows cannot become values of the record's kind
     */
    public <R extends ConnectRecord<R>> R toRecord(R record, Event output, String topic) {
        Envelope envelope = Envelope.of(record.value());
        Schema valueSchema = record.valueSchema();
        Object value;
        if (envelope.isStruct()) {
            Struct in = envelope.struct();
            Row before = rowBack(envelope.schemaOf("before"), output.before(), "before");
            Row after = rowBack(envelope.schemaOf("after"), output.after(), "after");
            Schema schema = in.schema();
            if (before.schema != envelope.schemaOf("before") || after.schema != envelope.schemaOf("after")) {
                schema = deriver.envelope(in.schema(), before.schema, after.schema);
            }
            Struct out = new Struct(schema);
            for (Field f : schema.fields()) {
                Object v = switch (f.name()) {
                    case "before" -> before.value;
                    case "after" -> after.value;
                    default -> in.getWithoutDefault(f.name());
                };
                out.put(f, v);
            }
            value = out;
            if (valueSchema == null || valueSchema.equals(in.schema())) {
                valueSchema = schema;
            }
        } else {
            Map<Object, Object> out = new LinkedHashMap<>(envelope.map());
            putRow(out, envelope.map(), "before", output.before());
            putRow(out, envelope.map(), "after", output.after());
            value = out;
        }
        return record.newRecord(topic == null ? record.topic() : topic, record.kafkaPartition(), record.keySchema(),
                record.key(), valueSchema, value, record.timestamp(), record.headers());
    }

    private static void putRow(Map<Object, Object> out, Map<?, ?> in, String name, Map<String, Object> json) {
        if (json != null || in.containsKey(name)) {
            out.put(name, FromJson.like(in.get(name), json));
        }
    }

    /** A row's value and its schema (the field's own when the guest kept the shape). */
    private record Row(Schema schema, Object value) {}

    private Row rowBack(Schema fieldSchema, Map<String, Object> json, String name) {
        if (fieldSchema == null) {
            if (json == null) {
                return new Row(null, null);
            }
            throw new ConversionException(name + ": the guest returned a row, but the record's envelope has no "
                    + name + " field");
        }
        Object value = FromJson.toConnect(fieldSchema, json, true);
        if (value != FromJson.MISFIT) {
            return new Row(fieldSchema, value);
        }
        if (json == null) {
            return new Row(Schemas.optional(fieldSchema), null);
        }
        if (fieldSchema.type() != Schema.Type.STRUCT) {
            throw new ConversionException(name + ": the envelope's " + name + " field is "
                    + Schemas.describe(fieldSchema) + ", not a struct");
        }
        Schema derived = deriver.row(fieldSchema, json, name);
        value = FromJson.toConnect(derived, json, false);
        if (value == FromJson.MISFIT) {
            throw new ConversionException(name + ": the guest's row does not fit the schema derived for it, "
                    + Schemas.describe(derived));
        }
        return new Row(derived, value);
    }
}
