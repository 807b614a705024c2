package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.transform;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The example guests over Debezium-shaped records (contract.md, "Kafka Connect and Debezium records ↔ Event"). */
class WasmTransformTest {
    private static final String MASKED = "***REDACTED***";

    @Test
    void maskPiiMasksTheRowsAndKeepsEverythingElse() {
        try (WasmTransform<SourceRecord> t = transform(guest("mask-pii"),
                "config", "{\"fields_to_mask\":[\"email\",\"phone\",\"ssn\"]}")) {
            SourceRecord in = change("u", user(1, "Alice", "a@example.com"), user(1, "Alice", "alice@example.com"));
            SourceRecord out = t.apply(in);

            Struct value = (Struct) out.value();
            for (String row : new String[] {"before", "after"}) {
                Struct r = value.getStruct(row);
                assertEquals(MASKED, r.getString("email"));
                assertEquals(MASKED, r.getString("phone"));
                assertEquals(MASKED, r.getString("ssn"));
                assertEquals("Alice", r.getString("name"));
                assertEquals(new BigDecimal("100.50"), r.get("balance"));
                assertEquals(1_700_000_000_123_456L, r.getInt64("created_at"));
            }
            // The guest kept the shape: the very same schema, no derived one.
            assertSame(in.valueSchema(), out.valueSchema());
            assertSame(Fixtures.ROW, value.getStruct("after").schema());
            Struct inValue = (Struct) in.value();
            for (String kept : new String[] {"source", "transaction", "op", "ts_ms"}) {
                assertEquals(inValue.get(kept), value.get(kept), kept);
            }
            assertEquals(in.topic(), out.topic());
            assertEquals(in.kafkaPartition(), out.kafkaPartition());
            assertSame(in.key(), out.key());
            assertSame(in.keySchema(), out.keySchema());
            assertEquals(in.timestamp(), out.timestamp());
            assertEquals(in.headers(), out.headers());
            assertEquals(in.sourcePartition(), out.sourcePartition());
            assertEquals(in.sourceOffset(), out.sourceOffset());
            assertEquals(1, t.stats().outputCount());
        }
    }

    @Test
    void maskPiiLeavesANullEmailNull() {
        try (WasmTransform<SourceRecord> t = transform(guest("mask-pii"), "config", "{\"fields_to_mask\":[\"email\"]}")) {
            SourceRecord out = t.apply(change("c", null, user(2, "Bob", null)));
            Struct after = ((Struct) out.value()).getStruct("after");
            assertNull(after.get("email"));
            assertNull(((Struct) out.value()).get("before"));
            assertEquals("123-45-6789", after.getString("ssn"));
        }
    }

    @Test
    void maskPiiOnASchemalessRecord() {
        try (WasmTransform<SourceRecord> t = transform(guest("mask-pii"), "config", "{\"fields_to_mask\":[\"email\"]}")) {
            SourceRecord in = Fixtures.schemaless("c", null, Fixtures.userMap(7, "x@example.com"));
            SourceRecord out = t.apply(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> after = (Map<String, Object>) ((Map<?, ?>) out.value()).get("after");
            assertEquals(MASKED, after.get("email"));
            assertEquals(7L, after.get("id"));
            assertEquals(new BigDecimal("100.50"), after.get("balance"));
            assertNull(out.valueSchema());
            assertEquals(((Map<?, ?>) in.value()).get("source"), ((Map<?, ?>) out.value()).get("source"));
        }
    }

    @Test
    void dropDeletesDropsDeletesOnly() {
        try (WasmTransform<SourceRecord> t = transform(guest("drop-deletes"))) {
            assertNull(t.apply(change("d", user(1, "Alice", "a@example.com"), null)));
            SourceRecord insert = change("c", null, user(1, "Alice", "a@example.com"));
            assertEquals(insert.value(), t.apply(insert).value());
            SourceRecord snapshot = change("r", null, user(2, "Bob", "b@example.com"));
            assertEquals(snapshot.value(), t.apply(snapshot).value());
            assertEquals(1, t.stats().filteredCount());
            assertEquals(2, t.stats().outputCount());
        }
    }

    @Test
    void routeByTableSetsTheTopic() {
        try (WasmTransform<SourceRecord> t = transform(guest("route-by-table"), "config", "{\"topic_prefix\":\"clean.\"}")) {
            SourceRecord in = change("c", null, user(1, "Alice", "a@example.com"));
            SourceRecord out = t.apply(in);
            assertEquals("clean.users", out.topic());
            assertEquals(in.value(), out.value());
            assertEquals(in.kafkaPartition(), out.kafkaPartition());
        }
    }

    @Test
    void notChangeEventsPassUntouchedWithoutAGuestCall() {
        // bad-panic traps on every transform: any guest call would fail the record.
        try (WasmTransform<SourceRecord> t = transform(guest("bad-panic"))) {
            SourceRecord tombstone = new SourceRecord(Map.of(), Map.of(), "cdc.public.users", 0, Fixtures.KEY,
                    new Struct(Fixtures.KEY).put("id", 1), null, null);
            assertSame(tombstone, t.apply(tombstone));

            Schema heartbeatSchema = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                    .field("ts_ms", Schema.INT64_SCHEMA).build();
            SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.cdc", null, null,
                    heartbeatSchema, new Struct(heartbeatSchema).put("ts_ms", 1L));
            assertSame(heartbeat, t.apply(heartbeat));

            Schema messageSchema = SchemaBuilder.struct().name("io.debezium.connector.postgresql.MessageValue")
                    .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA).build();
            SourceRecord message = new SourceRecord(Map.of(), Map.of(), "cdc.message", null, null, messageSchema,
                    new Struct(messageSchema).put("op", "m").put("ts_ms", 1L));
            assertSame(message, t.apply(message));

            SourceRecord schemaChange = new SourceRecord(Map.of(), Map.of(), "cdc", null, null, null,
                    Map.of("ddl", "CREATE TABLE t (id int)", "databaseName", "app"));
            assertSame(schemaChange, t.apply(schemaChange));

            SourceRecord text = new SourceRecord(Map.of(), Map.of(), "plain", null, Schema.STRING_SCHEMA, "hello");
            assertSame(text, t.apply(text));

            assertEquals(5, t.stats().passedThroughCount());
            assertEquals(0, t.stats().events());
        }
    }

    @Test
    void truncateReachesTheGuest() {
        try (WasmTransform<SourceRecord> t = transform(guest("drop-deletes"))) {
            SourceRecord truncate = change("t", null, null);
            assertEquals(truncate.value(), t.apply(truncate).value());
            assertEquals(1, t.stats().events());
        }
    }

    @Test
    void enrichAddsFieldsUnderADerivedSchemaCachedPerShape() {
        try (WasmTransform<SourceRecord> t = transform(guest("enrich"), "config", "{\"tag\":\"v2\"}")) {
            SourceRecord first = t.apply(change("u", user(1, "Alice", "a@example.com"), user(1, "Alice", "b@example.com")));
            Struct value = (Struct) first.value();
            Struct after = value.getStruct("after");
            assertEquals("public.users", after.getString("_table"));
            assertEquals("v2", after.getString("_tag"));
            assertEquals("b@example.com", after.getString("email"));
            assertEquals(new BigDecimal("100.50"), after.get("balance"));
            Schema afterSchema = after.schema();
            assertEquals(Fixtures.ROW.name(), afterSchema.name());
            assertTrue(afterSchema.field("_table").schema().isOptional());
            assertEquals(Schema.Type.STRING, afterSchema.field("_tag").schema().type());
            // Kept fields keep their schemas; the untouched before keeps the input's row schema.
            assertSame(Fixtures.ROW.field("balance").schema(), afterSchema.field("balance").schema());
            assertSame(Fixtures.ROW, value.getStruct("before").schema());
            assertNotSame(Fixtures.ENVELOPE, first.valueSchema());
            assertEquals(Fixtures.ENVELOPE.name(), first.valueSchema().name());
            assertSame(first.valueSchema(), value.schema());

            SourceRecord second = t.apply(change("c", null, user(2, "Bob", "bob@example.com")));
            assertSame(afterSchema, ((Struct) second.value()).getStruct("after").schema());
            assertSame(first.valueSchema(), second.valueSchema());
            assertEquals(2L, t.stats().guestMetrics().get("events_enriched"));
        }
    }

    @Test
    void closeRunsTheGuestsShutdown() {
        WasmTransform<SourceRecord> t = transform(Fixtures.testGuest("probe"), "instances", "2");
        SourceRecord in = change("c", null, user(1, "Alice", "a@example.com"));
        assertEquals(in.value(), t.apply(in).value());
        assertEquals(2L, t.stats().guestMetrics().get("init_calls"));
        assertEquals(null, t.stats().guestMetrics().get("shutdown_calls"));
        t.close();
        assertEquals(2L, t.stats().guestMetrics().get("shutdown_calls"));
        assertThrows(IllegalStateException.class, () -> t.apply(in));
        t.close(); // idempotent
    }

    @Test
    void theCompilerEngineGivesTheSameRecords() {
        try (WasmTransform<SourceRecord> t = transform(guest("mask-pii"), "engine", "compiler",
                "config", "{\"fields_to_mask\":[\"ssn\"]}")) {
            SourceRecord out = t.apply(change("c", null, user(1, "Alice", "a@example.com")));
            assertEquals(MASKED, ((Struct) out.value()).getStruct("after").getString("ssn"));
        }
    }

    @Test
    void eventFieldsComeFromTheEnvelope() {
        // A guest that sees the Event: route-by-table names <schema>.<table> only via table; check the mapping directly.
        dev.sandpiper.abi.Event e = new dev.sandpiper.connect.convert.RecordMapper()
                .toEvent(change("u", user(1, "Alice", "a@example.com"), user(1, "Alice", "b@example.com")));
        assertEquals(dev.sandpiper.abi.Op.UPDATE, e.op());
        assertEquals("users", e.table());
        assertEquals("public", e.schema());
        assertEquals(1_700_000_000_999L, e.ts());
        assertEquals(new dev.sandpiper.abi.Source("postgresql", "0/16B6A70", 1_700_000_000_000L), e.source());
        assertEquals(java.util.List.of("id"), e.primaryKey());
        assertEquals(new dev.sandpiper.abi.Transaction(771, null, 2), e.transaction());
        assertEquals("{\"id\":1,\"name\":\"Alice\",\"email\":\"b@example.com\",\"phone\":\"+1 555 0100\","
                + "\"ssn\":\"123-45-6789\",\"balance\":100.50,\"created_at\":1700000000123456}",
                dev.sandpiper.abi.EventJson.toJsonString(e).replaceAll(".*\"after\":(\\{[^}]*}).*", "$1"));
    }

    @Test
    void guestLogLinesAreBridgedToSlf4jWhileOpen() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("sandpiper.transform.probe-log");
        WasmTransform<SourceRecord> t = transform(Fixtures.testGuest("probe"), "name", "probe-log");
        boolean julBacked = System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("sun.util.logging.");
        assertEquals(julBacked ? 1 : 0, jul.getHandlers().length);
        t.apply(change("c", null, user(1, "Alice", "a@example.com"))); // probe's init logs its config at info
        t.close();
        assertEquals(0, jul.getHandlers().length);
        assertTrue(jul.getUseParentHandlers());
    }
}
