package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by the module, chains of transforms, fan-out and fan-in. */
class RoutingTest {
    @TempDir
    Path dir;

    @Test
    void theModulesRouteNamesEachOutputsTopic() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("router", "in", "", TestSupport.MARKS).instances(2).build());
            String[] tables = {"users", "orders", "users", "audit.log", "orders", "users"};
            for (int i = 0; i < tables.length; i++) {
                host.publish("in", utf8(event(tables[i], i, i, "x")));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(List.of(event("users", 0, 0, "x"), event("users", 2, 2, "x"), event("users", 5, 5, "x")),
                    sink.topic("users"));
            assertEquals(List.of(event("orders", 1, 1, "x"), event("orders", 4, 4, "x")), sink.topic("orders"));
            assertEquals(List.of(event("audit.log", 3, 3, "x")), sink.topic("audit.log"));
            assertEquals(Map.of("users", 3L, "orders", 2L, "audit.log", 1L), host.metrics("router").outByTopic());
        }
    }

    @Test
    void aRouteToAnInvalidTopicOrBackRoundTheGraphFailsTheEvent() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            // "loop" routes by table; an event of table "in" would go back to its own input.
            host.deploy(TestSupport.spec("loop", "in", "", TestSupport.MARKS).build());
            host.publish("in", utf8(event("in", 1, 1, "x")));
            host.publish("in", utf8(event("_private", 2, 2, "x")));
            host.publish("in", utf8(event("ok", 3, 3, "x")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(List.of(event("ok", 3, 3, "x")), sink.topic("ok"));
            assertEquals(2, sink.deadLetters.size());
            DeadLetter loop = sink.deadLetters.get(0);
            assertEquals("guest_failure", loop.kind());
            assertContains(loop.message(), "route named topic \"in\", which loop reads: the event already went through loop");
            assertContains(sink.deadLetters.get(1).message(), "route named an invalid topic: \"_private\"");
            assertEquals(2, host.metrics("loop").failedByKind().get("guest_failure"));
        }
    }

    @Test
    void transformsChainThroughTopics() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("first", "raw", "mid", TestSupport.MARKS).config(Map.of("stamp", "A1")).build());
            host.deploy(TestSupport.spec("second", "mid", "late", TestSupport.MARKS).instances(3)
                    .config(Map.of("stamp", "B2")).build());
            host.deploy(TestSupport.spec("third", "late", "done", TestSupport.MARKS).config(Map.of("stamp", "C3")).build());
            for (int i = 0; i < 200; i++) {
                host.publish("raw", utf8(event("t", i % 7, i, "@@@@@@" + (i % 10 == 0 ? "!d" : ""))));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (i % 10 != 0) {
                    expected.add(event("t", i % 7, i, "A1B2C3"));
                }
            }
            assertEquals(expected, sink.topic("done"), "each transform stamps the next @@, in input order");
            assertEquals(List.of(), sink.topic("mid"), "intermediate topics are consumed, not output");
            assertEquals(200, host.metrics("first").in());
            assertEquals(20, host.metrics("first").filtered());
            assertEquals(180, host.metrics("second").in());
            assertEquals(180, host.metrics("third").out());
            assertEquals(List.of("first", "second", "third"), sink.outputs.get("done").get(0).origin().path());
        }
    }

    @Test
    void fanOutAndFanInWriteDeterministicFilesAndTheCountsBalance() throws Exception {
        Path events = dir.resolve("events.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            lines.append(event(i % 2 == 0 ? "users" : "orders", i % 13, i, "@@" + (i % 25 == 0 ? "!d" : ""))).append('\n');
        }
        Files.writeString(events, lines);
        String m = TestSupport.MARKS.toString();
        Path pipeline = TestSupport.write(dir, "pipeline.yaml", """
                transforms:
                  - {name: left, input_topic: in, output_topic: merged, wasm_module: %s, config: {stamp: LL}, instances: 3, timeout_ms: 5000}
                  - {name: right, input_topic: in, output_topic: merged, wasm_module: %s, config: {stamp: RR}, instances: 2, timeout_ms: 5000}
                  - {name: split, input_topic: in, output_topic: "", wasm_module: %s, timeout_ms: 5000}
                """.formatted(m, m, m));
        Pipeline p = Specs.loadPipeline(pipeline);
        RunReport first = PipelineRun.of(p).input("in", events).outputDir(dir.resolve("one")).run();
        RunReport second = PipelineRun.of(p).input("in", events).outputDir(dir.resolve("two")).run();

        assertTrue(first.balanced(), first.accounting());
        assertEquals("in 300 + fan-out copies 600 = out 864 + filtered 36 + dead letters 0 + skipped 0",
                first.accounting());
        for (String f : List.of("merged.jsonl", "users.jsonl", "orders.jsonl", "_dlq.jsonl")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)),
                    Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
        List<String> merged = Files.readAllLines(dir.resolve("one/merged.jsonl"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i % 25 != 0) {
                String table = i % 2 == 0 ? "users" : "orders";
                expected.add(event(table, i % 13, i, "LL")); // origin path "left" sorts before "right"
                expected.add(event(table, i % 13, i, "RR"));
            }
        }
        assertEquals(expected, merged);
        assertEquals(second.accounting(), first.accounting());
        assertEquals(Map.of("merged", 576L, "orders", 144L, "users", 144L), first.outputsByTopic());
    }
}
