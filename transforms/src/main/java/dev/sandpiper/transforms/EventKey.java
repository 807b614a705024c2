package dev.sandpiper.transforms;

import dev.sandpiper.abi.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key that orders events: the row's identity, from the values of the event's
 * {@code primary_key} columns in {@code after}, or in {@code before} when {@code after} is null,
 * qualified by schema and table. Events without a primary key (or without row images) have no key
 * and no order among themselves.
 */
final class EventKey {
    private EventKey() {}

    /** A value with {@code equals} and a deterministic {@code hashCode}, or null when the event has no key. */
    static Object of(Event e) {
        List<String> pk = e.primaryKey();
        if (pk == null || pk.isEmpty()) {
            return null;
        }
        Map<String, Object> row = e.after() != null ? e.after() : e.before();
        if (row == null) {
            return null;
        }
        List<Object> key = new ArrayList<>(pk.size() + 2);
        key.add(e.schema());
        key.add(e.table());
        for (String column : pk) {
            key.add(row.get(column));
        }
        return key;
    }
}
