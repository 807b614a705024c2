package dev.sandpiper.abi;

import static dev.sandpiper.abi.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The model: defaults, validation (messages name the field), copies, equality. */
class EventModelTest {

    private static void assertInvalid(String message, Supplier<?> construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction::get).getMessage());
    }

    private static EventBuilder valid() {
        return Event.builder().op(Op.READ).source("pg", "0/1", 1).ts(2).table("t");
    }

    @Test
    void builderDefaults() {
        Event e = valid().build();
        assertEquals(Event.ENVELOPE_VERSION, e.envelopeVersion());
        assertEquals(false, e.beforeIsKeyOnly());
        assertEquals(List.of(), e.unavailableColumns());
        assertEquals(List.of(), e.beforeUnavailableColumns());
        assertNull(e.before());
        assertNull(e.primaryKey());
    }

    @Test
    void requiredFieldsAreChecked() {
        assertInvalid("op: must not be null", () -> valid().op(null).build());
        assertInvalid("source: must not be null", () -> valid().source(null).build());
        assertInvalid("table: must not be null", () -> valid().table(null).build());
        assertInvalid("source.offset: must not be null", () -> new Source("pg", null, 1));
        assertInvalid("snapshot.snapshot_id: must not be null", () -> new Snapshot(null, 1, true));
    }

    @Test
    void rangesAreChecked() {
        assertInvalid("envelope_version: must be an unsigned 16-bit integer, got 65536",
                () -> valid().envelopeVersion(65536).build());
        assertInvalid("envelope_version: must be an unsigned 16-bit integer, got -1",
                () -> valid().envelopeVersion(-1).build());
        assertInvalid("snapshot.chunk_index: must be an unsigned 32-bit integer, got 4294967296",
                () -> new Snapshot("s", 1L << 32, false));
        assertInvalid("transaction.total_events: must be an unsigned 32-bit integer, got -1",
                () -> new Transaction(1, -1L, 0));
        assertInvalid("transaction.event_index: must be an unsigned 32-bit integer, got 4294967296",
                () -> new Transaction(1, null, 1L << 32));
        // u64 fields take every long, read as unsigned.
        assertEquals(-1L, valid().ts(-1).build().ts());
        assertEquals(Long.MIN_VALUE, new Transaction(Long.MIN_VALUE, 4294967295L, 4294967295L).txId());
    }

    @Test
    void keyOnlyBeforeInvariants() {
        assertInvalid("before_is_key_only: true requires a non-null before",
                () -> valid().beforeIsKeyOnly(true).build());
        assertInvalid("before_is_key_only: true requires an empty before_unavailable_columns",
                () -> valid().before(row("id", 1)).beforeIsKeyOnly(true)
                        .beforeUnavailableColumns(List.of("c")).build());
        assertTrue(valid().before(row("id", 1)).beforeIsKeyOnly(true).build().beforeIsKeyOnly());
    }

    @Test
    void columnListsAreCheckedAndCopied() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Event e = valid().primaryKey(names).unavailableColumns(names).build();
        names.add("c");
        assertEquals(List.of("a", "b"), e.primaryKey());
        assertEquals(List.of("a", "b"), e.unavailableColumns());
        assertThrows(UnsupportedOperationException.class, () -> e.primaryKey().add("x"));
        assertInvalid("primary_key[1]: must be a string, got null",
                () -> valid().primaryKey(Arrays.asList("a", null)).build());
        assertInvalid("unavailable_columns[0]: contains an unpaired surrogate U+DC00 (not valid Unicode, cannot be"
                + " UTF-8)", () -> valid().unavailableColumns(List.of("\udc00")).build());
        assertEquals(List.of(), valid().unavailableColumns(null).beforeUnavailableColumns(null).build()
                .beforeUnavailableColumns());
    }

    @Test
    void stringsMustBeWellFormed() {
        assertInvalid("table: contains an unpaired surrogate U+D83D (not valid Unicode, cannot be UTF-8)",
                () -> valid().table("x\ud83d").build());
        assertInvalid("source.source_name: contains an unpaired surrogate U+DE00 (not valid Unicode, cannot be UTF-8)",
                () -> new Source("\ude00", "o", 0));
        assertEquals("\ud83d\ude00", valid().schema("\ud83d\ude00").build().schema());
    }

    @Test
    void toBuilderCopiesEverything() {
        Event e = valid().before(row("id", 1)).after(row("id", 2)).schema("s").primaryKey("id")
                .snapshot(new Snapshot("s", 1, false)).transaction(new Transaction(5, null, 0)).envelopeVersion(7)
                .beforeIsKeyOnly(true).unavailableColumns(List.of("u")).build();
        assertEquals(e, e.toBuilder().build());
        assertEquals(e.hashCode(), e.toBuilder().build().hashCode());
        assertNotEquals(e, e.toBuilder().ts(3).build());
    }

    @Test
    void equalityIsCanonicalJsonEquality() {
        Event a = valid().after(row("x", 1, "y", 2)).build();
        Event sameOrder = valid().after(row("x", 1L, "y", new BigDecimal("2"))).build();
        Event otherOrder = valid().after(row("y", 2, "x", 1)).build();
        Event otherScale = valid().after(row("x", 1, "y", new BigDecimal("2.0"))).build();
        assertEquals(a, sameOrder);
        assertEquals(a.hashCode(), sameOrder.hashCode());
        assertNotEquals(a, otherOrder);
        assertEquals(a.after(), otherOrder.after(), "as Maps, rows follow the Map contract");
        assertNotEquals(a, otherScale);
        Event nested = valid().after(row("n", row("p", 1, "q", 2))).build();
        Event nestedSwapped = valid().after(row("n", row("q", 2, "p", 1))).build();
        assertNotEquals(nested, nestedSwapped);
    }

    @Test
    void opWireNames() {
        assertEquals("schema_change", Op.SCHEMA_CHANGE.wireName());
        assertEquals(Op.TRUNCATE, Op.fromWireName("truncate"));
        assertInvalid("op: unknown value \"Insert\"", () -> Op.fromWireName("Insert"));
    }
}
