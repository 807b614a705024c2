package dev.sandpiper.jmh.connect;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.MaskField;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Kafka's {@link MaskField.Value} applied inside a Debezium envelope. MaskField masks top-level fields of a record's
 * value only (Kafka 4.4's MaskField has no nested field paths), and a Debezium record's columns are one level down,
 * in {@code before} and {@code after}. So this wrapper, for each of the two that is a non-null {@link Struct}, hands
 * MaskField a temporary record whose value is that row (the input record's topic, partition and timestamp, no key)
 * and takes the row of its result; then it builds a new envelope {@code Struct} with the envelope's schema, the two
 * rows and the other envelope fields as they were, and returns {@code record.newRecord} with it (the same key,
 * value schema, topic, partition, timestamp and headers). Any other value (null, not a Struct) passes through.
 *
 * <p>Configuration: MaskField's own ({@code fields}, {@code replacement}, {@code replace.null.with.default}),
 * handed to it unchanged.
 */
public final class NestedMaskField<R extends ConnectRecord<R>> implements Transformation<R> {
    private final MaskField.Value<R> mask = new MaskField.Value<>();

    @Override
    public void configure(Map<String, ?> props) {
        mask.configure(props);
    }

    @Override
    public R apply(R record) {
        if (!(record.value() instanceof Struct envelope)) {
            return record;
        }
        Schema schema = envelope.schema();
        Struct out = new Struct(schema);
        for (Field f : schema.fields()) {
            Object v = envelope.getWithoutDefault(f.name());
            if (v instanceof Struct row && (f.name().equals("before") || f.name().equals("after"))) {
                v = mask.apply(record.newRecord(record.topic(), record.kafkaPartition(), null, null, f.schema(), row,
                        record.timestamp(), record.headers())).value();
            }
            out.put(f, v);
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), out, record.timestamp(), record.headers());
    }

    @Override
    public ConfigDef config() {
        return mask.config();
    }

    @Override
    public void close() {
        mask.close();
    }
}
