package dev.sandpiper.abi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link Event}, from {@link Event#builder()} (defaults: envelope version 1, {@code beforeIsKeyOnly}
 * false, empty column lists, everything else null) or {@link Event#toBuilder()}. Not thread-safe; all checks
 * happen in {@link #build()}.
 *
 * <pre>{@code
 * Map<String, Object> row = new LinkedHashMap<>();   // iteration order = JSON key order
 * row.put("id", 1);
 * row.put("name", "alice");
 * Event e = Event.builder()
 *         .op(Op.INSERT).after(row)
 *         .source("postgres", "0/16B6A70", 1700000000000L)
 *         .ts(1700000000123L).schema("public").table("users").primaryKey("id")
 *         .build();
 * }</pre>
 */
public final class EventBuilder {
    private Map<String, ?> before;
    private Map<String, ?> after;
    private Op op;
    private Source source;
    private long ts;
    private String schema;
    private String table;
    private List<String> primaryKey;
    private Snapshot snapshot;
    private Transaction transaction;
    private int envelopeVersion = Event.ENVELOPE_VERSION;
    private boolean beforeIsKeyOnly;
    private List<String> unavailableColumns = List.of();
    private List<String> beforeUnavailableColumns = List.of();

    EventBuilder() {
    }

    EventBuilder(Event e) {
        before = e.before();
        after = e.after();
        op = e.op();
        source = e.source();
        ts = e.ts();
        schema = e.schema();
        table = e.table();
        primaryKey = e.primaryKey();
        snapshot = e.snapshot();
        transaction = e.transaction();
        envelopeVersion = e.envelopeVersion();
        beforeIsKeyOnly = e.beforeIsKeyOnly();
        unavailableColumns = e.unavailableColumns();
        beforeUnavailableColumns = e.beforeUnavailableColumns();
    }

    /** The prior row image, or null; copied at {@link #build()} unless it came from an event. */
    public EventBuilder before(Map<String, ?> before) {
        this.before = before;
        return this;
    }

    /** The new row image, or null; copied at {@link #build()} unless it came from an event. */
    public EventBuilder after(Map<String, ?> after) {
        this.after = after;
        return this;
    }

    /** The kind of change (required). */
    public EventBuilder op(Op op) {
        this.op = op;
        return this;
    }

    /** Where the event came from (required). */
    public EventBuilder source(Source source) {
        this.source = source;
        return this;
    }

    /** Shorthand for {@code source(new Source(sourceName, offset, timestamp))}. */
    public EventBuilder source(String sourceName, String offset, long timestamp) {
        return source(new Source(sourceName, offset, timestamp));
    }

    /** Event time, epoch milliseconds, unsigned 64-bit (default 0). */
    public EventBuilder ts(long ts) {
        this.ts = ts;
        return this;
    }

    /** The schema, or null. */
    public EventBuilder schema(String schema) {
        this.schema = schema;
        return this;
    }

    /** The table (required). */
    public EventBuilder table(String table) {
        this.table = table;
        return this;
    }

    /** The key column names, or null when unknown. */
    public EventBuilder primaryKey(List<String> primaryKey) {
        this.primaryKey = primaryKey;
        return this;
    }

    /** The key column names. */
    public EventBuilder primaryKey(String... primaryKey) {
        return primaryKey(Arrays.asList(primaryKey));
    }

    /** The snapshot, or null. */
    public EventBuilder snapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        return this;
    }

    /** The transaction, or null. */
    public EventBuilder transaction(Transaction transaction) {
        this.transaction = transaction;
        return this;
    }

    /** The envelope version, 0..65535 (default 1). */
    public EventBuilder envelopeVersion(int envelopeVersion) {
        this.envelopeVersion = envelopeVersion;
        return this;
    }

    /** Whether {@code before} holds only key columns (default false). */
    public EventBuilder beforeIsKeyOnly(boolean beforeIsKeyOnly) {
        this.beforeIsKeyOnly = beforeIsKeyOnly;
        return this;
    }

    /** Columns of {@code after} the source could not supply (null means empty). */
    public EventBuilder unavailableColumns(List<String> unavailableColumns) {
        this.unavailableColumns = unavailableColumns;
        return this;
    }

    /** Columns of {@code before} the source could not supply (null means empty). */
    public EventBuilder beforeUnavailableColumns(List<String> beforeUnavailableColumns) {
        this.beforeUnavailableColumns = beforeUnavailableColumns;
        return this;
    }

    /**
     * The event.
     *
     * @throws IllegalArgumentException naming the field, as {@link Event}'s constructor
     */
    public Event build() {
        return new Event(JsonValues.freezeRow(before, "before"), JsonValues.freezeRow(after, "after"), op, source, ts,
                schema, table, primaryKey, snapshot, transaction, envelopeVersion, beforeIsKeyOnly,
                unavailableColumns, beforeUnavailableColumns);
    }
}
