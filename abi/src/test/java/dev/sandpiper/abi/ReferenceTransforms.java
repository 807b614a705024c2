package dev.sandpiper.abi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plain-Java versions of the good example guests' rules ({@code examples/transforms/README.md}), to compare the
 * guests' outputs with, as events.
 */
final class ReferenceTransforms {
    static final String REDACTED = "***REDACTED***";

    private ReferenceTransforms() {
    }

    /**
     * mask-pii: in {@code before} and {@code after}, every top-level key named in {@code fieldsToMask} whose value is
     * a string gets the value {@value #REDACTED}; everything else (other value types, nested keys, other fields) is
     * unchanged.
     */
    static Event mask(Event e, Set<String> fieldsToMask) {
        return e.toBuilder()
                .before(maskRow(e.before(), fieldsToMask))
                .after(maskRow(e.after(), fieldsToMask))
                .build();
    }

    private static Map<String, Object> maskRow(Map<String, Object> row, Set<String> fieldsToMask) {
        if (row == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, fieldsToMask.contains(k) && v instanceof String ? REDACTED : v));
        return out;
    }

    /** drop-deletes: filters deletes, passes everything else unchanged. */
    static Optional<Event> dropDeletes(Event e) {
        return e.op() == Op.DELETE ? Optional.empty() : Optional.of(e);
    }

    /**
     * enrich: when {@code after} is an object, its members minus any {@code _table}/{@code _tag}, then
     * {@code _table} = "schema.table" (just "table" without a schema) and {@code _tag} = the tag.
     */
    static Event enrich(Event e, String tag) {
        if (e.after() == null) {
            return e;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        e.after().forEach((k, v) -> {
            if (!k.equals("_table") && !k.equals("_tag")) {
                after.put(k, v);
            }
        });
        after.put("_table", e.schema() == null ? e.table() : e.schema() + "." + e.table());
        after.put("_tag", tag);
        return e.toBuilder().after(after).build();
    }

    /** The line enrich logs for an event it enriches. */
    static String enrichLogLine(Event e) {
        return "[enrich] enriched " + e.table() + " " + e.op().wireName();
    }
}
