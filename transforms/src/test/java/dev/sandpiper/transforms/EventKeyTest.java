package dev.sandpiper.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.Op;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The ordering key: primary key values from after, else before, per table. */
class EventKeyTest {
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Event event(Op op, String table, Map<String, Object> before, Map<String, Object> after, String... pk) {
        var b = Event.builder().op(op).source("pg", "0/1", 1).ts(1).schema("public").table(table).before(before)
                .after(after);
        return (pk.length == 0 ? b : b.primaryKey(pk)).build();
    }

    @Test
    void theKeyComesFromAfterElseBefore() {
        Object insert = EventKey.of(event(Op.INSERT, "users", null, row("id", 7, "name", "a"), "id"));
        Object update = EventKey.of(event(Op.UPDATE, "users", row("id", 7), row("id", 7, "name", "b"), "id"));
        Object delete = EventKey.of(event(Op.DELETE, "users", row("id", 7, "name", "b"), null, "id"));
        assertEquals(insert, update);
        assertEquals(insert, delete);
        assertEquals(insert.hashCode(), delete.hashCode());
        assertEquals(Arrays.asList("public", "users", 7L), insert);
    }

    @Test
    void tablesAndCompositeKeysAreDistinguished() {
        assertNotEquals(EventKey.of(event(Op.INSERT, "users", null, row("id", 7), "id")),
                EventKey.of(event(Op.INSERT, "orders", null, row("id", 7), "id")));
        assertEquals(Arrays.asList("public", "t", 1L, "x"),
                EventKey.of(event(Op.INSERT, "t", null, row("a", 1, "b", "x", "c", 3), "a", "b")));
    }

    @Test
    void noPrimaryKeyOrNoRowMeansNoKey() {
        assertNull(EventKey.of(event(Op.INSERT, "t", null, row("id", 1))));
        assertNull(EventKey.of(event(Op.TRUNCATE, "t", null, null, "id")));
    }

    @Property(tries = 200)
    void equalKeyValuesGiveEqualKeysWhateverTheOtherColumns(@ForAll @IntRange(max = 1000) int id,
            @ForAll String other) {
        Object a = EventKey.of(event(Op.INSERT, "t", null, row("id", id, "v", other), "id"));
        Object b = EventKey.of(event(Op.UPDATE, "t", row("id", id), row("v", "x", "id", id), "id"));
        assertEquals(a, b);
        assertEquals(List.of("public", "t", (long) id), a);
    }
}
