package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.props;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Filter;
import org.junit.jupiter.api.Test;

/** The guest's filter export as a Connect predicate. */
class WasmPredicateTest {

    private static WasmPredicate<SourceRecord> predicate(String module, String... kv) {
        WasmPredicate<SourceRecord> p = new WasmPredicate<>();
        p.configure(props(module, kv));
        return p;
    }

    @Test
    void trueWhenTheGuestKeepsTheEvent() {
        WasmPredicate<SourceRecord> p = predicate(guest("drop-deletes"));
        try {
            assertTrue(p.test(change("c", null, user(1, "Alice", "a@example.com"))));
            assertTrue(p.test(change("u", null, user(1, "Alice", "a@example.com"))));
            assertFalse(p.test(change("d", user(1, "Alice", "a@example.com"), null)));
            SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "t", 0, null, null, null, null);
            assertFalse(p.test(tombstone));
            assertEquals(2, p.stats().outputCount());
            assertEquals(1, p.stats().filteredCount());
            assertEquals(1, p.stats().passedThroughCount());
        } finally {
            p.close();
        }
    }

    @Test
    void withConnectsFilterNegatedItDropsWhatTheGuestDrops() {
        // What a worker does with transforms.f.type=Filter, transforms.f.predicate=keep, transforms.f.negate=true.
        WasmPredicate<SourceRecord> p = predicate(guest("drop-deletes"));
        Filter<SourceRecord> filter = new Filter<>();
        filter.configure(Map.of());
        try {
            SourceRecord delete = change("d", user(1, "Alice", "a@example.com"), null);
            SourceRecord insert = change("c", null, user(1, "Alice", "a@example.com"));
            assertNull(p.test(delete) ? delete : filter.apply(delete));
            assertSame(insert, p.test(insert) ? insert : filter.apply(insert));
        } finally {
            p.close();
            filter.close();
        }
    }
}
