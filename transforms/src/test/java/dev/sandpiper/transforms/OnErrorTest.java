package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static dev.sandpiper.transforms.TestSupport.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** on_error: dlq writes dead letters and goes on, skip counts and drops, fail stops the run naming the event. */
class OnErrorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** 60 events: every 10th traps, every 10th (offset 3) fails with -9, every 10th (offset 5) is dropped; plus a bad line. */
    private Path events() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String mark = i % 10 == 0 ? "!t" : i % 10 == 3 ? "!f" : i % 10 == 5 ? "!d" : "";
            s.append(event("t", i % 4, i, "@@" + mark)).append('\n');
            if (i == 30) {
                s.append("{\"not\": \"an event\"}\n");
            }
        }
        return Files.writeString(dir.resolve("events.jsonl"), s);
    }

    private Pipeline pipeline(String onError, int instances) throws Exception {
        return Specs.loadPipeline(TestSupport.write(dir, onError + ".yaml", """
                name: m
                input_topic: in
                output_topic: out
                wasm_module: %s
                on_error: %s
                instances: %d
                timeout_ms: 5000
                config: {stamp: ok}
                """.formatted(TestSupport.MARKS, onError, instances)));
    }

    private RunReport run(String onError, int instances) throws Exception {
        return PipelineRun.of(pipeline(onError, instances)).input("in", events()).outputDir(dir.resolve(onError))
                .clock(TestSupport.FIXED).run();
    }

    @Test
    void dlqWritesOneDeadLetterPerFailedEventInInputOrderAndGoesOn() throws Exception {
        RunReport r = run("dlq", 3);
        assertTrue(r.balanced(), r.accounting());
        assertEquals("in 61 = out 42 + filtered 6 + dead letters 13 + skipped 0", r.accounting());
        List<String> lines = Files.readAllLines(dir.resolve("dlq/_dlq.jsonl"));
        assertEquals(13, lines.size());
        List<Integer> failedN = new ArrayList<>();
        for (String line : lines) {
            JsonNode d = JSON.readTree(line);
            assertEquals(List.of("transform", "input_topic", "kind", "message", "event", "time"),
                    iterable(d.fieldNames()));
            assertEquals("2026-01-02T03:04:05.678Z", d.get("time").asText());
            assertEquals("in", d.get("input_topic").asText());
            if (d.get("transform").isNull()) {
                assertEquals("invalid_input", d.get("kind").asText());
                assertEquals("{\"not\": \"an event\"}", d.get("event").asText());
                assertContains(d.get("message").asText(), "events.jsonl:32: not a canonical Event");
                failedN.add(-1);
                continue;
            }
            assertEquals("m", d.get("transform").asText());
            int n = d.get("event").get("after").get("n").asInt();
            failedN.add(n);
            assertEquals(event("t", n % 4, n, "@@" + (n % 10 == 0 ? "!t" : "!f")), JSON.writeValueAsString(d.get("event")),
                    "the dead letter holds the input event");
            if (n % 10 == 0) {
                assertEquals("trap", d.get("kind").asText());
                assertContains(d.get("message").asText(), "unreachable");
            } else {
                assertEquals("guest_failure", d.get("kind").asText());
                assertEquals("transform returned error code -9", d.get("message").asText());
            }
        }
        assertEquals(List.of(0, 3, 10, 13, 20, 23, 30, -1, 33, 40, 43, 50, 53), failedN);
        TransformMetrics m = r.metrics().get(0);
        assertEquals(6, m.failedByKind().get("trap"));
        assertEquals(6, m.failedByKind().get("guest_failure"));
        assertEquals(12, m.deadLettered());
        List<String> out = Files.readAllLines(dir.resolve("dlq/out.jsonl"));
        assertEquals(42, out.size());
        assertEquals(event("t", 1, 1, "ok"), out.get(0));
    }

    @Test
    void skipCountsAndDropsFailedEvents() throws Exception {
        RunReport r = run("skip", 2);
        assertTrue(r.balanced(), r.accounting());
        assertEquals("in 61 = out 42 + filtered 6 + dead letters 1 + skipped 12", r.accounting());
        assertEquals(12, r.metrics().get(0).skipped());
        assertEquals(12, r.metrics().get(0).failed());
        assertEquals(1, Files.readAllLines(dir.resolve("skip/_dlq.jsonl")).size(), "only the line that is no event");
    }

    @Test
    void failStopsTheRunNamingTheEventAndTheError() throws Exception {
        RunReport r = run("fail", 1);
        PipelineStoppedException e = r.failure().orElseThrow();
        assertEquals("m", e.transform());
        assertEquals(0, e.origin().sequence());
        assertEquals("trap", e.error().kind().wireName());
        assertEquals(event("t", 0, 0, "@@!t"), TestSupport.text(e.event()));
        assertContains(e.getMessage(), "transform m (on_error: fail) failed on input event #0 m: trap: ");
        assertEquals(dir.resolve("events.jsonl") + ":1", r.stoppedAt());
        assertTrue(!r.balanced());
        assertContains(r.accounting(), "+ stopped 1 + unfinished ");
    }

    @Test
    void aHostStoppedByAFailureRefusesMoreEvents() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(pipeline("fail", 1));
            host.publish("in", TestSupport.utf8(event("t", 1, 1, "!f")));
            PipelineStoppedException e = assertThrows(PipelineStoppedException.class,
                    () -> host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals("guest_failure", e.error().kind().wireName());
            assertThrows(PipelineStoppedException.class, () -> host.publish("in", TestSupport.utf8(event("t", 2, 2, ""))));
            assertEquals(e, host.failure().orElseThrow());
        }
    }

    @Test
    void aTimeoutIsItsOwnKindAndTheNextEventGetsAFreshInstance() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("m", "in", "out", TestSupport.MARKS).timeoutMs(1000)
                    .config(Map.of("stamp", "ok")).build());
            host.publish("in", TestSupport.utf8(event("t", 1, 1, "!l")));
            host.publish("in", TestSupport.utf8(event("t", 1, 2, "@@")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(1, sink.deadLetters.size());
            assertEquals("timeout", sink.deadLetters.get(0).kind());
            assertContains(sink.deadLetters.get(0).message(), "exceeded timeout_ms 1000");
            assertEquals(List.of(event("t", 1, 2, "ok")), sink.topic("out"));
            assertEquals(1, host.metrics("m").failedByKind().get("timeout"));
        }
    }

    @Test
    void fuelLimitsAreLimitFailures() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            // Enough fuel for init (a short config), not for scanning a 5,000-character note.
            host.deploy(TestSupport.spec("m", "in", "out", TestSupport.MARKS).fuel(20_000).build());
            host.publish("in", TestSupport.utf8(event("t", 1, 1, "@@" + "x".repeat(5000))));
            host.publish("in", TestSupport.utf8(event("t", 1, 2, "@@")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(1, sink.deadLetters.size());
            assertEquals("limit", sink.deadLetters.get(0).kind());
            assertContains(sink.deadLetters.get(0).message(), "exhausted its fuel of 20000 instructions");
            assertEquals(List.of(event("t", 1, 2, "v0")), sink.topic("out"));
            assertTrue(host.metrics("m").fuel() > 20_000);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
