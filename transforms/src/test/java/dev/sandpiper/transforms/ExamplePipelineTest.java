package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of examples/pipeline: its outputs are the committed expected files, and the counts balance. */
class ExamplePipelineTest {
    static final Path PIPELINE = TestSupport.EXAMPLES.resolve("pipeline/pipeline.yaml");
    static final Path EXPECTED = TestSupport.EXAMPLES.resolve("pipeline/expected");

    @TempDir
    Path out;

    @Test
    void outputsEqualTheExpectedFilesAndTheAccountingBalances() throws Exception {
        Pipeline pipeline = Specs.loadPipeline(PIPELINE);
        RunReport report = PipelineRun.of(pipeline).input("cdc.raw", TestSupport.SAMPLE_EVENTS).outputDir(out).run();

        List<String> expected;
        try (Stream<Path> files = Files.list(EXPECTED)) {
            expected = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("_dlq.jsonl", "clean.orders.jsonl", "clean.users.jsonl"), expected);
        assertEquals("", Files.readString(out.resolve("_dlq.jsonl")), "no dead letters");
        for (String name : expected) {
            assertArrayEquals(Files.readAllBytes(EXPECTED.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }

        assertTrue(report.balanced(), report.accounting());
        assertEquals("in 40 = out 35 + filtered 5 + dead letters 0 + skipped 0", report.accounting());
        assertEquals(Map.of("clean.orders", 15L, "clean.users", 20L), report.outputsByTopic());

        TransformMetrics mask = report.metrics().get(0);
        TransformMetrics drop = report.metrics().get(1);
        TransformMetrics route = report.metrics().get(2);
        assertEquals(List.of("mask-pii", "drop-deletes", "route-by-table"),
                report.metrics().stream().map(TransformMetrics::transform).toList());
        assertEquals(40, mask.in());
        assertEquals(Map.of("cdc.masked", 40L), mask.outByTopic());
        assertEquals(40, drop.in());
        assertEquals(5, drop.filtered());
        assertEquals(35, route.in());
        assertEquals(Map.of("clean.orders", 15L, "clean.users", 20L), route.outByTopic());
        for (TransformMetrics m : report.metrics()) {
            assertEquals(m.in(), m.out() + m.filtered() + m.failed(), m.transform());
            assertEquals(0, m.failed());
            assertEquals(m.in(), m.latencyCount());
            assertTrue(m.fuel() > 0 && m.latencyMaxNanos() >= m.latencyP99Nanos()
                    && m.latencyP99Nanos() >= m.latencyP50Nanos(), m::toString);
        }
        assertContains(report.table(), "    out: clean.orders 15, clean.users 20");
    }

    @Test
    void theExampleIsValid() throws Exception {
        assertEquals(List.of(), Specs.check(PIPELINE));
        assertEquals(List.of(), Specs.check(TestSupport.EXAMPLES.resolve("pipeline/mask-pii.yaml")));
        Pipeline p = Specs.loadPipeline(PIPELINE);
        assertEquals("cdc-cleanup", p.name().orElseThrow());
        assertEquals(List.of("cdc.raw"), p.entryTopics());
        assertEquals(List.of(), p.exitTopics());
    }

    @Test
    void spillingEveryLineToDiskGivesTheSameFiles() throws Exception {
        Pipeline pipeline = Specs.loadPipeline(PIPELINE);
        RunReport report = PipelineRun.of(pipeline).input("cdc.raw", TestSupport.SAMPLE_EVENTS).outputDir(out)
                .memoryBudget(1).run();
        for (String name : List.of("_dlq.jsonl", "clean.orders.jsonl", "clean.users.jsonl")) {
            assertArrayEquals(Files.readAllBytes(EXPECTED.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
        assertEquals("in 40 = out 35 + filtered 5 + dead letters 0 + skipped 0", report.accounting());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of("_dlq.jsonl", "clean.orders.jsonl", "clean.users.jsonl"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no spill folder left behind");
        }
    }
}
