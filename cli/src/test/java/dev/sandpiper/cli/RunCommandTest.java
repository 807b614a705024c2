package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandpiper run}: the README's example command, in-process. */
class RunCommandTest {
    private static final Path EXAMPLE = Paths.get("..", "examples", "pipeline");
    private static final Path EVENTS = Paths.get("..", "examples", "events", "sample.jsonl");

    @TempDir
    Path dir;

    @Test
    void theExampleCommandWritesTheExpectedFilesAndBalances() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.main("run", EXAMPLE.resolve("pipeline.yaml").toString(), "--input", "cdc.raw=" + EVENTS,
                "--output-dir", out.toString(), "--metrics-file", out.resolve("metrics.prom").toString());
        assertEquals(0, r.status(), r.err());
        for (String f : new String[] {"clean.users.jsonl", "clean.orders.jsonl", "_dlq.jsonl"}) {
            assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve("expected").resolve(f)), Files.readAllBytes(out.resolve(f)),
                    f);
        }
        assertTrue(r.out().contains("in 40 = out 35 + filtered 5 + dead letters 0 + skipped 0\n"), r.out());
        assertTrue(r.out().startsWith("transform "), r.out());
        assertTrue(r.out().contains("wrote " + out.resolve("clean.users.jsonl") + " (20 events)"), r.out());
        String metrics = Files.readString(out.resolve("metrics.prom"));
        assertTrue(metrics.contains("# TYPE sandpiper_transform_events_in_total counter\n"));
        assertTrue(metrics.contains("sandpiper_transform_events_out_total{transform=\"route-by-table\",topic=\"clean.users\"} 20\n"));
        assertTrue(metrics.contains("sandpiper_transform_events_filtered_total{transform=\"drop-deletes\"} 5\n"));
    }

    @Test
    void anInvalidPipelinePrintsEveryProblemWithFileAndLine() throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), "transforms:\n  - name: Bad\n    input_topic: a\n");
        CliRun r = CliRun.main("run", p.toString(), "--input", "a=" + EVENTS, "--output-dir", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains(p + ":2: transforms[0].name: \"Bad\" is not kebab-case"), r.err());
        assertTrue(r.err().contains(p + ":2: transforms[0].output_topic: missing required field"), r.err());
        assertTrue(r.err().contains("3 problems"), r.err());
    }

    @Test
    void aFailingTransformWithOnErrorFailStopsTheRun() throws Exception {
        Path events = Files.writeString(dir.resolve("e.jsonl"), Files.readAllLines(EVENTS).get(0) + "\nnot json\n");
        Path spec = Files.writeString(dir.resolve("s.yaml"), "name: m\ninput_topic: in\noutput_topic: out\n"
                + "wasm_module: " + Paths.get("..", "examples", "transforms", "bad-returns-minus-7",
                        "bad-returns-minus-7.wasm").toAbsolutePath() + "\non_error: fail\ntimeout_ms: 5000\n");
        CliRun r = CliRun.main("run", spec.toString(), "--input", "in=" + events, "--output-dir", dir.resolve("o").toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("sandpiper run: stopped at " + events + ":1: transform m (on_error: fail) failed on"
                + " input event #0 m: guest_failure: transform returned error code -7"), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(Main.USAGE, CliRun.main("run").status());
        assertEquals(Main.USAGE, CliRun.main("run", "p.yaml", "--output-dir", "x").status());
        assertEquals(Main.USAGE, CliRun.main("run", "p.yaml", "--input", "nofile", "--output-dir", "x").status());
        CliRun r = CliRun.main("run", EXAMPLE.resolve("pipeline.yaml").toString(), "--input", "other=" + EVENTS,
                "--output-dir", dir.toString());
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().contains("no transform reads topic \"other\" (inputs can go to: cdc.raw)"), r.err());
    }

    @Test
    void aMissingInputIsReportedBeforeAnyEventRuns() throws Exception {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("missing.jsonl");
        CliRun r = CliRun.main("run", EXAMPLE.resolve("pipeline.yaml").toString(), "--input", "cdc.raw=" + EVENTS,
                "--input", "cdc.raw=" + missing, "--output-dir", out.toString());
        assertEquals(1, r.status());
        assertEquals("sandpiper run: " + missing + ": no such input file\n", r.err());
        assertTrue(!Files.exists(out), "nothing ran, nothing written");
    }

    @Test
    void anOutputFolderThatIsAFileIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRun r = CliRun.main("run", EXAMPLE.resolve("pipeline.yaml").toString(), "--input", "cdc.raw=" + EVENTS,
                "--output-dir", file.toString());
        assertEquals(1, r.status());
        assertEquals("sandpiper run: " + file + ": the output folder is a file\n", r.err());
    }

    @Test
    void ioErrorsNameTheFileAndTheReason() {
        assertEquals("a.jsonl: no such file", IoErrors.describe(new java.nio.file.NoSuchFileException("a.jsonl")));
        assertEquals("o/x.jsonl: permission denied",
                IoErrors.describe(new java.nio.file.AccessDeniedException("o/x.jsonl")));
        assertEquals("o: Not a directory", IoErrors.describe(new java.nio.file.FileSystemException("o", null, "Not a directory")));
        assertEquals("No space left on device", IoErrors.describe(new java.io.IOException("No space left on device")));
        assertEquals("no such file", IoErrors.reason(new java.nio.file.NoSuchFileException("a.jsonl")));
        assertEquals("Not a directory", IoErrors.reason(new java.nio.file.FileSystemException("o", null, "Not a directory")));
    }
}
