package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.assertOkBytes;
import static dev.sandpiper.abi.Guests.example;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The four good guests over {@code examples/events/sample.jsonl}, with the totals {@code examples/transforms/README.md}
 * gives and each output compared with the Java reference: the runtime runs real Rust guests exactly.
 */
class ExampleGuestsTest {
    private static final List<Event> SAMPLE = Guests.sampleEvents();
    private static final List<byte[]> LINES = Guests.sampleLines();

    private static WasmRuntime runtime(String guest, Map<String, Object> config) {
        return Guests.load(Guests.relaxed(example(guest)).initConfig(config)).newRuntime();
    }

    private static int masked(Map<String, Object> row) {
        return row == null ? 0 : (int) row.values().stream().filter(ReferenceTransforms.REDACTED::equals).count();
    }

    @Test
    void maskPiiMasks68ValuesExactlyAsTheReference() {
        int masked = 0;
        try (WasmRuntime r = runtime("mask-pii", Guests.MASK_CONFIG)) {
            for (Event e : SAMPLE) {
                Event out = assertOk(r.transform(e));
                assertEquals(ReferenceTransforms.mask(e, Set.of("email", "phone", "ssn")), out);
                masked += masked(out.before()) + masked(out.after());
            }
        }
        assertEquals(68, masked);
    }

    @Test
    void maskPiiWithoutConfigMasksNothingAndKeepsTheBytes() {
        try (WasmRuntime r = runtime("mask-pii", Map.of())) {
            for (byte[] line : LINES) {
                assertArrayEquals(line, assertOkBytes(r.transformJson(line)));
            }
        }
    }

    @Test
    void maskPiiRejectsABadConfigAtInit() {
        try (WasmRuntime r = runtime("mask-pii", Map.of("fields_to_mask", "email"))) {
            TransformError e = assertFailed(TransformError.Kind.GUEST_FAILURE, r.transform(SAMPLE.get(0)));
            Guests.assertStartsWith("init returned 2: the transform rejected its configuration ", e.message());
            Guests.assertContains("\"fields_to_mask\":\"email\"", e.message());
        }
    }

    @Test
    void dropDeletesFiltersTheFiveDeletesAndPassesTheRestUnchanged() {
        int filtered = 0;
        try (WasmRuntime r = runtime("drop-deletes", Map.of())) {
            for (int i = 0; i < SAMPLE.size(); i++) {
                TransformResult out = r.transformJson(LINES.get(i));
                if (out instanceof TransformResult.Filtered) {
                    assertEquals(Op.DELETE, SAMPLE.get(i).op());
                    filtered++;
                } else {
                    assertArrayEquals(LINES.get(i), assertOkBytes(out));
                }
            }
        }
        assertEquals(5, filtered);
    }

    @Test
    void dropDeletesFilterExportDropsTheDeletesBeforeTransform() {
        int filtered = 0;
        try (WasmRuntime r = runtime("drop-deletes", Map.of())) {
            for (byte[] line : LINES) {
                TransformResult out = r.process(line, 0, line.length, false);
                if (out instanceof TransformResult.Filtered) {
                    filtered++;
                }
            }
        }
        assertEquals(5, filtered);
    }

    @Test
    void enrichLogsRecordsAndRewritesAfterExactlyAsTheReference() {
        try (LogCapture log = LogCapture.transform("enrich"); WasmRuntime r = runtime("enrich", Map.of("tag", "t1"))) {
            for (Event e : SAMPLE) {
                assertEquals(ReferenceTransforms.enrich(e, "t1"), assertOk(r.transform(e)));
            }
            assertEquals(Map.of("events_enriched", 40L, "bytes_in", 17261L), r.metrics());
            assertEquals(SAMPLE.stream().map(ReferenceTransforms::enrichLogLine).toList(),
                    log.lines().stream().map(LogCapture.Line::message).toList());
        }
    }

    @Test
    void routeByTableNamesTheTopicAndKeepsTheEvent() {
        Map<String, Integer> topics = new TreeMap<>();
        try (WasmRuntime r = runtime("route-by-table", Map.of("topic_prefix", "cdc."))) {
            for (byte[] line : LINES) {
                TransformResult out = r.process(line, 0, line.length, true);
                assertArrayEquals(line, assertOkBytes(out));
                topics.merge(((TransformResult.Ok) out).topic(), 1, Integer::sum);
            }
            assertNull(((TransformResult.Ok) r.transformJson(LINES.get(0))).topic(), "not routed unless asked");
        }
        assertEquals(Map.of("cdc.users", 23, "cdc.orders", 17), topics);
    }

    @Test
    void routingAGuestWithoutRouteIsRefused() {
        try (WasmRuntime r = runtime("mask-pii", Map.of())) {
            byte[] line = LINES.get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> r.process(line, 0, line.length, true));
            assertEquals("mask-pii exports no route function", e.getMessage());
        }
    }
}
