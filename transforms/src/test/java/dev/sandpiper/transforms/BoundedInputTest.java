package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static dev.sandpiper.transforms.TestSupport.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.interpreter.MemoryBudget;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs larger than the maximum event size, and deployments larger than the memory budget. */
class BoundedInputTest {
    @TempDir
    Path dir;

    private Pipeline plain(int instances) throws Exception {
        Path pipeline = TestSupport.write(dir, "pipeline.yaml", """
                transforms:
                  - {name: copy, input_topic: in, output_topic: out, wasm_module: %s, instances: %d, max_memory_mb: 1, timeout_ms: 5000}
                """.formatted(TestSupport.PLAIN, instances));
        return Specs.loadPipeline(pipeline);
    }

    @Test
    void aLineLongerThanTheMaximumBecomesOneDeadLetterAndTheNextLinesRun() throws Exception {
        Path events = dir.resolve("events.jsonl");
        try (OutputStream out = Files.newOutputStream(events)) {
            out.write((event("users", 1, 1, "a") + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 48; i++) { // 3 MiB, past the 1 MiB of max_memory_mb
                out.write(chunk);
            }
            out.write(("\n" + event("users", 2, 2, "b") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RunReport r = PipelineRun.of(plain(1)).input("in", events).outputDir(dir.resolve("out")).run();

        assertTrue(r.balanced(), r.accounting());
        assertEquals("in 3 = out 2 + filtered 0 + dead letters 1 + skipped 0", r.accounting());
        assertEquals(1, r.invalidInputs());
        assertEquals(List.of(event("users", 1, 1, "a"), event("users", 2, 2, "b")),
                Files.readAllLines(dir.resolve("out/out.jsonl")));
        String dlq = Files.readString(dir.resolve("out/_dlq.jsonl"));
        assertContains(dlq, "\"kind\":\"invalid_input\"");
        assertContains(dlq, "events.jsonl:2: line of " + (48 * 64 * 1024) + " bytes exceeds the maximum event size of "
                + (1 << 20) + " bytes");
        assertContains(dlq, "\"event\":null");
    }

    @Test
    void theMaximumEventSizeCanBeSet() throws Exception {
        Path events = TestSupport.write(dir, "events.jsonl", event("users", 1, 1, "a") + "\n" + event("users", 2, 2, "b"));
        RunReport r = PipelineRun.of(plain(1)).input("in", events).outputDir(dir.resolve("out")).maxEventBytes(100)
                .run();
        assertEquals("in 2 = out 0 + filtered 0 + dead letters 2 + skipped 0", r.accounting());
        assertThrows(IllegalArgumentException.class, () -> PipelineRun.of(null).maxEventBytes(0));
    }

    @Test
    void aDeploymentWhoseInitialMemoriesDoNotFitTheBudgetIsRefusedWithTheNumbers() throws Exception {
        Pipeline p = plain(4); // 4 instances of one 64 KiB page
        try (TransformHost host = TransformHost.builder().memoryBudget(new MemoryBudget(3 * 64 * 1024)).build()) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> host.deploy(p));
            String message = e.getMessage();
            assertContains(message, "instances");
            assertContains(message, "4 instances of copy need 4 x 0.1 MiB = 0.3 MiB of initial memory");
            assertContains(message, "0.0 of 0.2 MiB in use");
        }
        try (TransformHost host = TransformHost.builder().memoryBudget(new MemoryBudget(4 * 64 * 1024)).build()) {
            host.deploy(p);
            assertEquals(4 * 64 * 1024, host.memoryBudget().peak());
        }
    }

    @Test
    void theBudgetIsSharedByEveryInstance() throws Exception {
        MemoryBudget budget = new MemoryBudget(16L << 20);
        Path events = TestSupport.write(dir, "events.jsonl", event("users", 1, 1, "a") + "\n");
        PipelineRun.of(plain(2)).guestMemoryBudget(budget).input("in", events).outputDir(dir.resolve("out")).run();
        assertTrue(budget.peak() >= 2 * 64 * 1024, "peak " + budget.peak());
    }
}
