package dev.sandpiper.abi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change-data-capture event, the value a transform receives and returns: the canonical Event of the rustcdc
 * contract, envelope version 1. Components are in the canonical JSON field order; their wire names are snake case
 * ({@code primaryKey} is {@code primary_key}). Immutable and safe to share between threads.
 *
 * <h2>Unsigned numbers</h2>
 * {@code ts}, {@code source.timestamp} and {@code transaction.tx_id} are unsigned 64-bit values (0..2^64-1) held in a
 * {@code long}: values above {@link Long#MAX_VALUE} are negative in Java; use {@link Long#toUnsignedString(long)},
 * {@link Long#parseUnsignedLong(String)} and {@link Long#compareUnsigned(long, long)}. Unsigned 32-bit fields are
 * {@code long}s in 0..2^32-1, {@code envelopeVersion} an {@code int} in 0..65535.
 *
 * <h2>Row images</h2>
 * {@code before} and {@code after} are JSON objects given as unmodifiable {@code Map<String, Object>}s that iterate
 * in the JSON key order, or null. Their values are JSON values mapped as follows:
 * <table>
 *   <caption>JSON to Java</caption>
 *   <tr><th>JSON</th><th>Java</th></tr>
 *   <tr><td>{@code null}</td><td>{@code null}</td></tr>
 *   <tr><td>{@code true}, {@code false}</td><td>{@link Boolean}</td></tr>
 *   <tr><td>string</td><td>{@link String}</td></tr>
 *   <tr><td>integer (no fraction, no exponent) that fits 64 bits</td><td>{@link Long}</td></tr>
 *   <tr><td>any other integer</td><td>{@link BigInteger}</td></tr>
 *   <tr><td>number with a fraction or an exponent</td><td>{@link BigDecimal}, scale kept: {@code 100.50} stays
 *       {@code 100.50}, {@code 1e400} is {@code 1E+400}</td></tr>
 *   <tr><td>array</td><td>unmodifiable {@code List<Object>}</td></tr>
 *   <tr><td>object</td><td>unmodifiable {@code Map<String, Object>}, key order kept</td></tr>
 * </table>
 * Numbers never pass through a {@code double}. Exponent notation may be normalised ({@code 1e2} is written
 * {@code 1E+2}; {@code 1.5e1}, scale 0, is the integer {@code 15}), and the sign of a zero decimal is lost:
 * {@link BigDecimal} has no negative zero, so {@code -0.0} reads as {@code 0.0}.
 *
 * <p>The constructor (and so {@link EventBuilder#build()}) accepts any {@code Map}s and {@code List}s with such
 * values and copies them once into that immutable form; it also accepts {@link Integer}, {@link Short},
 * {@link Byte} (as {@code Long}), finite {@link Double} and {@link Float} (as the {@code BigDecimal} of their
 * shortest decimal text) and normalises numbers so that each value has one representation: a {@code BigInteger}
 * that fits becomes a {@code Long}, a {@code BigDecimal} of scale 0 (which prints as an integer) becomes an
 * integer. Rows that came from the parser or from another {@code Event} are shared, not copied. Strings anywhere in
 * an event must be well-formed UTF-16 (no unpaired surrogate), since the wire form is UTF-8. Rows may nest at most
 * 999 levels.
 *
 * <h2>Equality</h2>
 * Two events are equal exactly when their canonical JSON is byte for byte the same: row images compare in key order
 * and decimals compare with their scale ({@code 1.0} is not {@code 1.00}). {@link #toString()} is the canonical JSON.
 *
 * @param before                   prior row image (full, key-only, or null when absent)
 * @param after                    new row image, or null
 * @param op                       the kind of change
 * @param source                   where the event came from
 * @param ts                       event time, epoch milliseconds, unsigned 64-bit
 * @param schema                   the table's schema (namespace), or null
 * @param table                    the table's name
 * @param primaryKey               the key column names, or null when unknown
 * @param snapshot                 the snapshot the event belongs to, or null
 * @param transaction              the transaction the event belongs to, or null
 * @param envelopeVersion          the envelope version, 0..65535; this model is version 1
 * @param beforeIsKeyOnly          true when {@code before} holds only the key columns
 * @param unavailableColumns       columns of {@code after} whose value the source could not supply; never null
 * @param beforeUnavailableColumns the same for {@code before}; never null
 */
public record Event(
        Map<String, Object> before,
        Map<String, Object> after,
        Op op,
        Source source,
        long ts,
        String schema,
        String table,
        List<String> primaryKey,
        Snapshot snapshot,
        Transaction transaction,
        int envelopeVersion,
        boolean beforeIsKeyOnly,
        List<String> unavailableColumns,
        List<String> beforeUnavailableColumns) {

    /** The envelope version this model describes, the default of {@link #builder()}. */
    public static final int ENVELOPE_VERSION = 1;

    static final String KEY_ONLY_WITHOUT_BEFORE = "true requires a non-null before";
    static final String KEY_ONLY_WITH_UNAVAILABLE = "true requires an empty before_unavailable_columns";

    /**
     * Checks and normalises the components: rows are frozen (see above), null column lists become empty.
     *
     * @throws IllegalArgumentException naming the field: {@code op}, {@code source} or {@code table} null, a number
     *                                  out of range, a row value that cannot be represented, a string with an
     *                                  unpaired surrogate, {@code beforeIsKeyOnly} true with a null {@code before}
     *                                  or a non-empty {@code beforeUnavailableColumns}
     */
    public Event {
        before = JsonValues.freezeRow(before, "before");
        after = JsonValues.freezeRow(after, "after");
        if (op == null) {
            throw new IllegalArgumentException("op: must not be null");
        }
        if (source == null) {
            throw new IllegalArgumentException("source: must not be null");
        }
        if (schema != null) {
            Checks.text(schema, "schema");
        }
        Checks.text(table, "table");
        if (primaryKey != null) {
            primaryKey = Checks.names(primaryKey, "primary_key");
        }
        Checks.u16(envelopeVersion, "envelope_version");
        unavailableColumns = unavailableColumns == null ? List.of()
                : Checks.names(unavailableColumns, "unavailable_columns");
        beforeUnavailableColumns = beforeUnavailableColumns == null ? List.of()
                : Checks.names(beforeUnavailableColumns, "before_unavailable_columns");
        if (beforeIsKeyOnly && before == null) {
            throw new IllegalArgumentException("before_is_key_only: " + KEY_ONLY_WITHOUT_BEFORE);
        }
        if (beforeIsKeyOnly && !beforeUnavailableColumns.isEmpty()) {
            throw new IllegalArgumentException("before_is_key_only: " + KEY_ONLY_WITH_UNAVAILABLE);
        }
    }

    /** A builder with the defaults: envelope version 1, everything else null, false or empty. */
    public static EventBuilder builder() {
        return new EventBuilder();
    }

    /** A builder holding this event's values (rows are shared, not copied). */
    public EventBuilder toBuilder() {
        return new EventBuilder(this);
    }

    /** Equal when the canonical JSON is the same (row key order and decimal scale matter). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Event)) {
            return false;
        }
        Event e = (Event) o;
        return ts == e.ts
                && envelopeVersion == e.envelopeVersion
                && beforeIsKeyOnly == e.beforeIsKeyOnly
                && op == e.op
                && source.equals(e.source)
                && table.equals(e.table)
                && Objects.equals(schema, e.schema)
                && Objects.equals(primaryKey, e.primaryKey)
                && Objects.equals(snapshot, e.snapshot)
                && Objects.equals(transaction, e.transaction)
                && unavailableColumns.equals(e.unavailableColumns)
                && beforeUnavailableColumns.equals(e.beforeUnavailableColumns)
                && JsonValues.sameJson(before, e.before)
                && JsonValues.sameJson(after, e.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(before, after, op, source, ts, schema, table, primaryKey, snapshot, transaction,
                envelopeVersion, beforeIsKeyOnly, unavailableColumns, beforeUnavailableColumns);
    }

    /** The canonical JSON text. */
    @Override
    public String toString() {
        return EventJson.toJsonString(this);
    }
}
