package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one canonical {@link Event} from a Jackson parser positioned before its first token, strictly (the rules
 * are listed at {@link EventJson#fromJson(byte[])}); row images and unknown fields go to {@link RowReader}. In
 * validate mode nothing is returned and rows are checked without being built. One instance per document; not
 * thread-safe.
 */
final class EventReader {
    // One bit per top-level field, for SeenFields.
    private static final int BEFORE = 1;
    private static final int AFTER = 1 << 1;
    private static final int OP = 1 << 2;
    private static final int SOURCE = 1 << 3;
    private static final int TS = 1 << 4;
    private static final int SCHEMA = 1 << 5;
    private static final int TABLE = 1 << 6;
    private static final int PRIMARY_KEY = 1 << 7;
    private static final int SNAPSHOT = 1 << 8;
    private static final int TRANSACTION = 1 << 9;
    private static final int ENVELOPE_VERSION = 1 << 10;
    private static final int BEFORE_IS_KEY_ONLY = 1 << 11;
    private static final int UNAVAILABLE_COLUMNS = 1 << 12;
    private static final int BEFORE_UNAVAILABLE_COLUMNS = 1 << 13;

    private final JsonParser p;
    private final boolean build;
    private final RowReader rows;

    EventReader(JsonParser parser, boolean build) {
        this.p = parser;
        this.build = build;
        this.rows = new RowReader(parser, build);
    }

    /** Reads the event and checks that nothing follows it; in validate mode returns null. */
    Event read() throws IOException, EventFormatException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new EventFormatException(null, "expected a JSON object at the top level, got " + Describe.token(p));
        }
        Object before = null;
        Object after = null;
        Op op = null;
        Source source = null;
        long ts = 0;
        String schema = null;
        String table = null;
        List<String> primaryKey = null;
        Snapshot snapshot = null;
        Transaction transaction = null;
        int envelopeVersion = 0;
        boolean keyOnly = false;
        List<String> unavailable = List.of();
        List<String> beforeUnavailable = List.of();
        SeenFields seen = new SeenFields(p, null);
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "before": seen.once(BEFORE, name); before = rowOrNull(name); break;
                case "after": seen.once(AFTER, name); after = rowOrNull(name); break;
                case "op": seen.once(OP, name); op = op(); break;
                case "source": seen.once(SOURCE, name); source = source(); break;
                case "ts": seen.once(TS, name); ts = u64(name); break;
                case "schema": seen.once(SCHEMA, name); schema = stringOrNull(name); break;
                case "table": seen.once(TABLE, name); table = string(name); break;
                case "primary_key": seen.once(PRIMARY_KEY, name); primaryKey = names(name, null); break;
                case "snapshot": seen.once(SNAPSHOT, name); snapshot = snapshot(); break;
                case "transaction": seen.once(TRANSACTION, name); transaction = transaction(); break;
                case "envelope_version":
                    seen.once(ENVELOPE_VERSION, name);
                    envelopeVersion = (int) unsigned(name, Checks.U16_MAX, "an unsigned 16-bit integer");
                    break;
                case "before_is_key_only": seen.once(BEFORE_IS_KEY_ONLY, name); keyOnly = bool(name); break;
                case "unavailable_columns":
                    seen.once(UNAVAILABLE_COLUMNS, name);
                    unavailable = names(name, List.of());
                    break;
                case "before_unavailable_columns":
                    seen.once(BEFORE_UNAVAILABLE_COLUMNS, name);
                    beforeUnavailable = names(name, List.of());
                    break;
                default: seen.unknown(name); rows.skip(); break;
            }
        }
        seen.require(OP, "op");
        seen.require(SOURCE, "source");
        seen.require(TS, "ts");
        seen.require(TABLE, "table");
        seen.require(ENVELOPE_VERSION, "envelope_version");
        if (keyOnly && before == null) {
            throw new EventFormatException("before_is_key_only", Event.KEY_ONLY_WITHOUT_BEFORE);
        }
        if (keyOnly && !beforeUnavailable.isEmpty()) {
            throw new EventFormatException("before_is_key_only", Event.KEY_ONLY_WITH_UNAVAILABLE);
        }
        if (p.nextToken() != null) {
            throw new EventFormatException(null, "trailing content after the event object at line "
                    + p.currentTokenLocation().getLineNr() + " column " + p.currentTokenLocation().getColumnNr());
        }
        if (!build) {
            return null;
        }
        return new Event((JsonObject) before, (JsonObject) after, op, source, ts, schema, table, primaryKey,
                snapshot, transaction, envelopeVersion, keyOnly, unavailable, beforeUnavailable);
    }

    private Op op() throws IOException, EventFormatException {
        Op op = Op.lookup(string("op"));
        if (op == null) {
            throw new EventFormatException("op", "unknown value " + Describe.quote(p.getText()));
        }
        return op;
    }

    private Source source() throws IOException, EventFormatException {
        expectObject("source");
        String sourceName = null;
        String offset = null;
        long timestamp = 0;
        SeenFields seen = new SeenFields(p, "source");
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "source_name": seen.once(1, name); sourceName = string("source.source_name"); break;
                case "offset": seen.once(1 << 1, name); offset = string("source.offset"); break;
                case "timestamp": seen.once(1 << 2, name); timestamp = u64("source.timestamp"); break;
                default: seen.unknown(name); rows.skip(); break;
            }
        }
        seen.require(1, "source_name");
        seen.require(1 << 1, "offset");
        seen.require(1 << 2, "timestamp");
        return new Source(sourceName, offset, timestamp);
    }

    private Snapshot snapshot() throws IOException, EventFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject("snapshot");
        String id = null;
        long chunk = 0;
        boolean last = false;
        SeenFields seen = new SeenFields(p, "snapshot");
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "snapshot_id": seen.once(1, name); id = string("snapshot.snapshot_id"); break;
                case "chunk_index":
                    seen.once(1 << 1, name);
                    chunk = unsigned("snapshot.chunk_index", Checks.U32_MAX, "an unsigned 32-bit integer");
                    break;
                case "is_last_chunk": seen.once(1 << 2, name); last = bool("snapshot.is_last_chunk"); break;
                default: seen.unknown(name); rows.skip(); break;
            }
        }
        seen.require(1, "snapshot_id");
        seen.require(1 << 1, "chunk_index");
        seen.require(1 << 2, "is_last_chunk");
        return new Snapshot(id, chunk, last);
    }

    private Transaction transaction() throws IOException, EventFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject("transaction");
        long txId = 0;
        Long total = null;
        long index = 0;
        SeenFields seen = new SeenFields(p, "transaction");
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            switch (name) {
                case "tx_id": seen.once(1, name); txId = u64("transaction.tx_id"); break;
                case "total_events":
                    seen.once(1 << 1, name);
                    if (p.currentToken() != JsonToken.VALUE_NULL) {
                        total = unsigned("transaction.total_events", Checks.U32_MAX, "an unsigned 32-bit integer");
                    }
                    break;
                case "event_index":
                    seen.once(1 << 2, name);
                    index = unsigned("transaction.event_index", Checks.U32_MAX, "an unsigned 32-bit integer");
                    break;
                default: seen.unknown(name); rows.skip(); break;
            }
        }
        seen.require(1, "tx_id");
        seen.require(1 << 2, "event_index");
        return new Transaction(txId, total, index);
    }

    private void expectObject(String path) throws EventFormatException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new EventFormatException(path, "expected an object, got " + Describe.token(p));
        }
    }

    private long u64(String path) throws IOException, EventFormatException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long v = p.getLongValue();
                if (v >= 0) {
                    return v;
                }
            } else if (p.getTextLength() <= 21) { // 2^64-1 has 20 digits; longer is out of range unparsed
                BigInteger v = p.getBigIntegerValue();
                if (v.signum() >= 0 && v.bitLength() <= 64) {
                    return v.longValue();
                }
            }
        }
        throw new EventFormatException(path, "expected an unsigned 64-bit integer, got " + Describe.token(p));
    }

    private long unsigned(String path, long max, String what) throws IOException, EventFormatException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue();
            if (v >= 0 && v <= max) {
                return v;
            }
        }
        throw new EventFormatException(path, "expected " + what + ", got " + Describe.token(p));
    }

    private boolean bool(String path) throws EventFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        throw new EventFormatException(path, "expected a boolean, got " + Describe.token(p));
    }

    private String string(String path) throws IOException, EventFormatException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new EventFormatException(path, "expected a string, got " + Describe.token(p));
        }
        String s = p.getText();
        int bad = JsonValues.unpairedSurrogate(s);
        if (bad >= 0) {
            throw new EventFormatException(path, JsonValues.surrogateProblem(s.charAt(bad)));
        }
        return s;
    }

    private String stringOrNull(String path) throws IOException, EventFormatException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : string(path);
    }

    /** An array of strings; {@code ifNull} for JSON null. */
    private List<String> names(String path, List<String> ifNull) throws IOException, EventFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return ifNull;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new EventFormatException(path, "expected an array of strings or null, got " + Describe.token(p));
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new EventFormatException(path + "[" + names.size() + "]",
                        "expected a string, got " + Describe.token(p));
            }
            String s = p.getText();
            int bad = JsonValues.unpairedSurrogate(s);
            if (bad >= 0) {
                throw new EventFormatException(path + "[" + names.size() + "]",
                        JsonValues.surrogateProblem(s.charAt(bad)));
            }
            names.add(s);
        }
        return List.copyOf(names);
    }

    private Object rowOrNull(String path) throws IOException, EventFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new EventFormatException(path, "expected an object or null, got " + Describe.token(p));
        }
        return rows.object();
    }

}
