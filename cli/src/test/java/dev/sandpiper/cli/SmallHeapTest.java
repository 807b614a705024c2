package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.abi.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's reproductions, each in a JVM of its own with a 256 MiB heap, where before the memory
 * budget and bounded inputs they ended in OutOfMemoryError: a grow loop, 32 instances of a memory
 * hog, and a 150 MB line ahead of a normal event. Each must end cleanly. No assertion on time.
 */
class SmallHeapTest {
    private static final Path EXAMPLES = Paths.get("..", "examples");
    private static final Path SAMPLE = EXAMPLES.resolve("events/sample.jsonl");
    private static final String HEAP = "-Xmx256m";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    /** Runs {@code sandpiper ARGS} in a new JVM with a 256 MiB heap, on this test's classpath. */
    private Run sandpiper(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) { // a guard against a hang, not a time limit
            p.destroyForcibly();
            throw new AssertionError("sandpiper " + String.join(" ", args) + " did not end; stderr:\n"
                    + Files.readString(err));
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        return r;
    }

    @Test
    void aGrowLoopEndsAtTheBudgetWithMinusOne() throws Exception {
        Run r = sandpiper("invoke", "--stats", EXAMPLES.resolve("engine/grow.wasm").toString(), "grow_all");

        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("i32:(\\d+)\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        long pages = Long.parseLong(m.group(1));
        // Far more than the first page, and never more than the budget: half of at most 256 MiB.
        assertTrue(pages > 16 && pages * 65536 <= 128L << 20, r.out());
        assertTrue(r.err().contains("memory budget "), r.err());
    }

    @Test
    void thirtyTwoMemoryHogsFailWithLimitAndEveryEventIsAccountedFor() throws Exception {
        List<String> sample = Files.readAllLines(SAMPLE);
        Path input = dir.resolve("events.jsonl");
        int events = 2_000;
        try (OutputStream o = Files.newOutputStream(input)) {
            for (int i = 0; i < events; i++) {
                o.write((sample.get(i % sample.size()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path errors = dir.resolve("errors.jsonl");
        Run r = sandpiper("transform", "--module",
                EXAMPLES.resolve("transforms/bad-memory-hog/bad-memory-hog.wasm").toString(), "--instances", "32",
                "--timeout-ms", "60000", "--warmup-ms", "0", "--input", input.toString(), "--output",
                dir.resolve("out.jsonl").toString(), "--errors", errors.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("in " + events + " = out 0 + filtered 0 + failed " + events), r.err());
        assertTrue(r.err().contains("memory budget "), r.err());
        List<String> records = Files.readAllLines(errors);
        assertEquals(events, records.size());
        for (String record : records) {
            assertEquals("limit", JSON.readTree(record).get("kind").asText(), record);
        }
    }

    @Test
    void a150MegabyteLineBecomesOneInvalidInputRecordAndTheNextEventRuns() throws Exception {
        long size = 150L * 1000 * 1000;
        String next = Files.readAllLines(SAMPLE).get(0);
        Path input = dir.resolve("events.jsonl");
        try (OutputStream o = Files.newOutputStream(input)) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            chunk[0] = '"';
            for (long left = size; left > 0; left -= chunk.length) {
                o.write(chunk, 0, (int) Math.min(chunk.length, left));
                chunk[0] = 'x';
            }
            o.write(("\n" + next + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path output = dir.resolve("out.jsonl");
        Path errors = dir.resolve("errors.jsonl");
        Run r = sandpiper("transform", "--module",
                EXAMPLES.resolve("transforms/pass-through/pass-through.wasm").toString(), "--timeout-ms", "60000",
                "--warmup-ms", "0", "--input", input.toString(), "--output", output.toString(), "--errors",
                errors.toString());

        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("in 2 = out 1 + filtered 0 + failed 1"), r.err());
        List<String> records = Files.readAllLines(errors);
        assertEquals(1, records.size(), records.toString());
        JsonNode record = JSON.readTree(records.get(0));
        assertEquals(1, record.get("line").asLong());
        assertEquals("invalid_input", record.get("kind").asText());
        assertEquals(size, record.get("size").asLong());
        assertTrue(record.get("message").asText().contains(size + " bytes exceeds the maximum event size of "
                + (16 << 20) + " bytes"), record.toString());
        assertFalse(record.has("event"));
        String expected = new String(EventJson.toJson(EventJson.fromJson(next.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
        assertEquals(List.of(expected), Files.readAllLines(output));
    }
}
