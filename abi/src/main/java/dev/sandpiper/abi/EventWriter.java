package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Event} as canonical JSON: the contract's field order, {@code null} for absent values,
 * {@code unavailable_columns} and {@code before_unavailable_columns} only when non-empty, no whitespace. How
 * strings and numbers look is set by the generator's configuration in {@link EventJson}.
 *
 * <p>The model guarantees every value is printable (frozen row values, well-formed strings), so this class never
 * checks anything. Field names are pre-encoded.
 */
final class EventWriter {
    private static final SerializableString BEFORE = new SerializedString("before");
    private static final SerializableString AFTER = new SerializedString("after");
    private static final SerializableString OP = new SerializedString("op");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString SOURCE_NAME = new SerializedString("source_name");
    private static final SerializableString OFFSET = new SerializedString("offset");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString TS = new SerializedString("ts");
    private static final SerializableString SCHEMA = new SerializedString("schema");
    private static final SerializableString TABLE = new SerializedString("table");
    private static final SerializableString PRIMARY_KEY = new SerializedString("primary_key");
    private static final SerializableString SNAPSHOT = new SerializedString("snapshot");
    private static final SerializableString SNAPSHOT_ID = new SerializedString("snapshot_id");
    private static final SerializableString CHUNK_INDEX = new SerializedString("chunk_index");
    private static final SerializableString IS_LAST_CHUNK = new SerializedString("is_last_chunk");
    private static final SerializableString TRANSACTION = new SerializedString("transaction");
    private static final SerializableString TX_ID = new SerializedString("tx_id");
    private static final SerializableString TOTAL_EVENTS = new SerializedString("total_events");
    private static final SerializableString EVENT_INDEX = new SerializedString("event_index");
    private static final SerializableString ENVELOPE_VERSION = new SerializedString("envelope_version");
    private static final SerializableString BEFORE_IS_KEY_ONLY = new SerializedString("before_is_key_only");
    private static final SerializableString UNAVAILABLE_COLUMNS = new SerializedString("unavailable_columns");
    private static final SerializableString BEFORE_UNAVAILABLE_COLUMNS =
            new SerializedString("before_unavailable_columns");
    private static final SerializableString[] OPS = opNames();

    private EventWriter() {
    }

    private static SerializableString[] opNames() {
        Op[] ops = Op.values();
        SerializableString[] names = new SerializableString[ops.length];
        for (Op op : ops) {
            names[op.ordinal()] = new SerializedString(op.wireName());
        }
        return names;
    }

    static void write(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeFieldName(BEFORE);
        writeValue(g, e.before());
        g.writeFieldName(AFTER);
        writeValue(g, e.after());
        g.writeFieldName(OP);
        g.writeString(OPS[e.op().ordinal()]);

        Source source = e.source();
        g.writeFieldName(SOURCE);
        g.writeStartObject();
        g.writeFieldName(SOURCE_NAME);
        g.writeString(source.sourceName());
        g.writeFieldName(OFFSET);
        g.writeString(source.offset());
        g.writeFieldName(TIMESTAMP);
        writeU64(g, source.timestamp());
        g.writeEndObject();

        g.writeFieldName(TS);
        writeU64(g, e.ts());
        g.writeFieldName(SCHEMA);
        g.writeString(e.schema()); // writes null for null
        g.writeFieldName(TABLE);
        g.writeString(e.table());
        g.writeFieldName(PRIMARY_KEY);
        writeNames(g, e.primaryKey());

        Snapshot snapshot = e.snapshot();
        g.writeFieldName(SNAPSHOT);
        if (snapshot == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName(SNAPSHOT_ID);
            g.writeString(snapshot.snapshotId());
            g.writeFieldName(CHUNK_INDEX);
            g.writeNumber(snapshot.chunkIndex());
            g.writeFieldName(IS_LAST_CHUNK);
            g.writeBoolean(snapshot.isLastChunk());
            g.writeEndObject();
        }

        Transaction tx = e.transaction();
        g.writeFieldName(TRANSACTION);
        if (tx == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName(TX_ID);
            writeU64(g, tx.txId());
            g.writeFieldName(TOTAL_EVENTS);
            if (tx.totalEvents() == null) {
                g.writeNull();
            } else {
                g.writeNumber(tx.totalEvents().longValue());
            }
            g.writeFieldName(EVENT_INDEX);
            g.writeNumber(tx.eventIndex());
            g.writeEndObject();
        }

        g.writeFieldName(ENVELOPE_VERSION);
        g.writeNumber(e.envelopeVersion());
        g.writeFieldName(BEFORE_IS_KEY_ONLY);
        g.writeBoolean(e.beforeIsKeyOnly());
        if (!e.unavailableColumns().isEmpty()) {
            g.writeFieldName(UNAVAILABLE_COLUMNS);
            writeNames(g, e.unavailableColumns());
        }
        if (!e.beforeUnavailableColumns().isEmpty()) {
            g.writeFieldName(BEFORE_UNAVAILABLE_COLUMNS);
            writeNames(g, e.beforeUnavailableColumns());
        }
        g.writeEndObject();
    }

    private static void writeU64(JsonGenerator g, long value) throws IOException {
        if (value >= 0) {
            g.writeNumber(value);
        } else {
            g.writeNumber(Long.toUnsignedString(value));
        }
    }

    private static void writeNames(JsonGenerator g, List<String> names) throws IOException {
        if (names == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = 0, n = names.size(); i < n; i++) {
            g.writeString(names.get(i));
        }
        g.writeEndArray();
    }

    /** Writes a frozen value (see {@link JsonValues}). */
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String) {
            g.writeString((String) v);
        } else if (v instanceof Long) {
            g.writeNumber((Long) v);
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean) {
            g.writeBoolean((Boolean) v);
        } else if (v instanceof BigDecimal) {
            g.writeNumber((BigDecimal) v);
        } else if (v instanceof JsonObject) {
            JsonObject o = (JsonObject) v;
            g.writeStartObject();
            for (int i = 0, n = o.size(); i < n; i++) {
                g.writeFieldName(o.key(i));
                writeValue(g, o.value(i));
            }
            g.writeEndObject();
        } else if (v instanceof JsonArray) {
            JsonArray a = (JsonArray) v;
            g.writeStartArray();
            for (int i = 0, n = a.size(); i < n; i++) {
                writeValue(g, a.get(i));
            }
            g.writeEndArray();
        } else if (v instanceof BigInteger) {
            g.writeNumber((BigInteger) v);
        } else {
            throw new IllegalStateException("not a frozen JSON value: " + v.getClass().getName()
                    + " (" + Map.class.getSimpleName() + " rows must come through Event's constructor)");
        }
    }
}
