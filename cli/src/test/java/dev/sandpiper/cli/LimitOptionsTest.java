package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-event-bytes} and {@code --memory-budget-mb}, in-process. */
class LimitOptionsTest {
    private static final Path EXAMPLES = Paths.get("..", "examples");
    private static final Path EVENTS = EXAMPLES.resolve("events/sample.jsonl");
    private static final String PASS = EXAMPLES.resolve("transforms/pass-through/pass-through.wasm").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void linesLongerThanTheMaximumBecomeInvalidInputRecordsWithTheirSize() throws Exception {
        List<String> lines = Files.readAllLines(EVENTS);
        int max = lines.stream().mapToInt(String::length).min().orElseThrow() + 1;
        long longer = lines.stream().filter(l -> l.getBytes(StandardCharsets.UTF_8).length > max).count();
        Path errors = dir.resolve("errors.jsonl");
        CliRun r = CliRun.main("transform", "--module", PASS, "--warmup-ms", "0", "--timeout-ms", "5000", "--instances", "2",
                "--max-event-bytes", String.valueOf(max), "--input", EVENTS.toString(), "--output",
                dir.resolve("out.jsonl").toString(), "--errors", errors.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("in 40 = out " + (40 - longer) + " + filtered 0 + failed " + longer), r.err());
        List<String> records = Files.readAllLines(errors);
        assertEquals(longer, records.size());
        JsonNode first = JSON.readTree(records.get(0));
        assertEquals("invalid_input", first.get("kind").asText());
        int line = first.get("line").asInt();
        assertEquals(lines.get(line - 1).getBytes(StandardCharsets.UTF_8).length, first.get("size").asLong());
        assertTrue(first.get("message").asText().endsWith("exceeds the maximum event size of " + max
                + " bytes (--max-event-bytes); skipped"), first.toString());
        assertEquals(40 - longer, Files.readAllLines(dir.resolve("out.jsonl")).size());
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] bad : new String[][] {{"--max-event-bytes", "0"}, {"--max-event-bytes", "3000000000"},
                {"--max-event-bytes", "x"}, {"--memory-budget-mb", "0"}, {"--memory-budget-mb", "99999999"}}) {
            CliRun r = CliRun.main("transform", "--module", PASS, bad[0], bad[1]);
            assertEquals(Main.USAGE, r.status(), String.join(" ", bad));
            assertTrue(r.err().startsWith("sandpiper transform: " + bad[0]), r.err());
        }
        CliRun r = CliRun.main("invoke", "--memory-budget-mb", "-1", EXAMPLES.resolve("engine/grow.wasm").toString(), "grow_all");
        assertEquals(Main.USAGE, r.status());
        r = CliRun.main("run", "p.yaml", "--input", "a=b", "--output-dir", "d", "--max-event-bytes", "-5");
        assertEquals(Main.USAGE, r.status());
    }

    @Test
    void instancesWhoseInitialMemoriesDoNotFitTheBudgetAreRefused() {
        String hog = EXAMPLES.resolve("transforms/bad-memory-hog/bad-memory-hog.wasm").toString();
        CliRun r = CliRun.main("transform", "--module", hog, "--warmup-ms", "0", "--instances", "32", "--memory-budget-mb", "8",
                "--input", EVENTS.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("32 instances of bad-memory-hog need 32 x "), r.err());
        assertTrue(r.err().contains("more than the memory budget has free (0.0 of 8.0 MiB in use)"), r.err());
    }

    @Test
    void theBudgetAndItsPeakEndTheSummaries() throws Exception {
        CliRun t = CliRun.main("transform", "--module", PASS, "--warmup-ms", "0", "--timeout-ms", "5000",
                "--memory-budget-mb", "32", "--input", EVENTS.toString(), "--output", dir.resolve("o.jsonl").toString());
        assertEquals(0, t.status(), t.err());
        assertTrue(t.err().matches("(?s).*\nmemory budget 32\\.0 MiB, peak \\d+\\.\\d MiB in use\n"), t.err());

        CliRun r = CliRun.main("run", EXAMPLES.resolve("pipeline/pipeline.yaml").toString(), "--input", "cdc.raw=" + EVENTS,
                "--output-dir", dir.resolve("out").toString(), "--warmup-ms", "0", "--memory-budget-mb", "64");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*\nmemory budget 64\\.0 MiB, peak \\d+\\.\\d MiB in use\n"), r.out());

        CliRun i = CliRun.main("invoke", "--stats", "--memory-budget-mb", "2", EXAMPLES.resolve("engine/grow.wasm").toString(),
                "grow_all");
        assertEquals(0, i.status(), i.err());
        assertEquals("i32:32\n", i.out());
        assertTrue(i.err().contains("memory budget 2.0 MiB, peak 2.0 MiB in use"), i.err());
    }
}
