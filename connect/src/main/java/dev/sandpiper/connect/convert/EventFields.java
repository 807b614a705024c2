package dev.sandpiper.connect.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.abi.EventBuilder;
import dev.sandpiper.abi.Source;
import dev.sandpiper.abi.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The Event's fields besides its rows, from a Debezium envelope and its record (contract.md, "Kafka Connect and
 * Debezium records ↔ Event", point 2):
 * <ul>
 *   <li>{@code table} ← {@code source.table} (else {@code source.collection}, else empty); {@code schema} ←
 *       {@code source.schema}, else {@code source.db}, else null;</li>
 *   <li>{@code ts} ← the envelope's {@code ts_ms}, else {@code source.ts_ms}, else the record's timestamp, else 0;</li>
 *   <li>{@code source.source_name} ← {@code source.connector} (else {@code unknown}); {@code source.timestamp} ←
 *       {@code source.ts_ms} (else 0); {@code source.offset} ← the LSN as {@code X/X} when the connector is
 *       {@code postgresql} and {@code source.lsn} is set, else a source record's offset as compact JSON (keys
 *       sorted), a sink record's Kafka position as {@code {"offset":N,"partition":N,"topic":"..."}}, else empty;</li>
 *   <li>{@code primary_key} ← the field names of a {@code Struct} key, the keys of a {@code Map} key with string
 *       keys, else null;</li>
 *   <li>{@code transaction} ← the envelope's {@code transaction} block when its {@code id} is a decimal u64:
 *       {@code tx_id} that number, {@code event_index} ← {@code total_order} - 1 (Debezium counts from 1; 0 when
 *       absent or out of range), {@code total_events} null (Debezium does not say); else null;</li>
 *   <li>{@code snapshot} null (Debezium has no snapshot id or chunk index), {@code before_is_key_only} false, no
 *       unavailable columns, envelope version 1.</li>
 * </ul>
 */
final class EventFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFields() {
    }

    static void fill(EventBuilder b, ConnectRecord<?> record, Envelope envelope) {
        Envelope source = envelope.block("source");
        Envelope none = Envelope.of(Map.of());
        Envelope src = source == null ? none : source;
        String table = src.string("table") != null ? src.string("table") : src.string("collection");
        b.table(table == null ? "" : table);
        b.schema(src.string("schema") != null ? src.string("schema") : src.string("db"));
        Long ts = envelope.number("ts_ms");
        if (ts == null) {
            ts = src.number("ts_ms");
        }
        if (ts == null) {
            ts = record.timestamp();
        }
        b.ts(ts == null ? 0 : ts);
        String connector = src.string("connector");
        Long sourceTs = src.number("ts_ms");
        b.source(new Source(connector == null ? "unknown" : connector, offset(record, connector, src),
                sourceTs == null ? 0 : sourceTs));
        b.primaryKey(primaryKey(record.key()));
        b.transaction(transaction(envelope.block("transaction")));
    }

    private static String offset(ConnectRecord<?> record, String connector, Envelope source) {
        Long lsn = source.number("lsn");
        if ("postgresql".equals(connector) && lsn != null) {
            return Long.toHexString(lsn >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                    + Long.toHexString(lsn & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT);
        }
        Map<String, Object> position = null;
        if (record instanceof SourceRecord sr && sr.sourceOffset() != null) {
            position = new TreeMap<>(sr.sourceOffset());
        } else if (record instanceof SinkRecord sk) {
            position = new TreeMap<>(Map.of("topic", sk.topic(), "partition",
                    sk.kafkaPartition() == null ? -1 : sk.kafkaPartition(), "offset", sk.kafkaOffset()));
        }
        if (position == null) {
            return "";
        }
        try {
            return JSON.writeValueAsString(position);
        } catch (JsonProcessingException e) {
            return String.valueOf(position);
        }
    }

    private static List<String> primaryKey(Object key) {
        if (key instanceof Struct s) {
            List<String> names = new ArrayList<>();
            for (Field f : s.schema().fields()) {
                names.add(f.name());
            }
            return names;
        }
        if (key instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)) {
            List<String> names = new ArrayList<>();
            m.keySet().forEach(k -> names.add((String) k));
            return names;
        }
        return null;
    }

    private static Transaction transaction(Envelope tx) {
        if (tx == null || tx.string("id") == null || !tx.string("id").matches("[0-9]{1,20}")) {
            return null;
        }
        long id;
        try {
            id = Long.parseUnsignedLong(tx.string("id"));
        } catch (NumberFormatException tooLarge) {
            return null;
        }
        Long order = tx.number("total_order");
        long index = order == null || order < 1 || order - 1 > 0xFFFF_FFFFL ? 0 : order - 1;
        return new Transaction(id, null, index);
    }
}
