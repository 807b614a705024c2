package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCommandTest {
    private static final Path EXAMPLES = Paths.get("..", "examples");
    private static final Path SAMPLE = EXAMPLES.resolve("events/sample.jsonl");
    private static final String MASK = "{\"fields_to_mask\":[\"email\",\"phone\",\"ssn\"]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int status, String out, String err) {}

    private static String module(String name) {
        return EXAMPLES.resolve("transforms/" + name + "/" + name + ".wasm").toString();
    }

    /** Runs in-process with a generous timeout and no warm-up, so a busy test machine cannot fail it. */
    private static Result transform(String... args) {
        List<String> full = new ArrayList<>(List.of("transform", "--timeout-ms", "5000", "--warmup-ms", "0"));
        full.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(full.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The masking rule of mask-pii, in plain Java. */
    private static Event masked(Event e, Set<String> fields) {
        return e.toBuilder().before(mask(e.before(), fields)).after(mask(e.after(), fields)).build();
    }

    private static Map<String, Object> mask(Map<String, Object> row, Set<String> fields) {
        if (row == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.replaceAll((k, v) -> fields.contains(k) && v instanceof String ? "***REDACTED***" : v);
        return out;
    }

    private static List<Event> events(String jsonLines) throws Exception {
        List<Event> out = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                out.add(EventJson.fromJson(line));
            }
        }
        return out;
    }

    @Test
    void masksEverySampleEventInInputOrder() throws Exception {
        for (String instances : List.of("1", "3")) {
            Result r = transform("--module", module("mask-pii"), "--config", MASK, "--input", SAMPLE.toString(),
                    "--instances", instances);
            assertEquals(0, r.status(), r.err());
            List<Event> inputs = events(Files.readString(SAMPLE));
            List<Event> outputs = events(r.out());
            assertEquals(inputs.size(), outputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(masked(inputs.get(i), Set.of("email", "phone", "ssn")), outputs.get(i), "event " + i);
            }
            assertTrue(r.err().contains("in 40 = out 40 + filtered 0 + failed 0"), r.err());
        }
    }

    @Test
    void badLinesBecomeErrorRecordsAndTheCountsBalance(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE).subList(0, 3));
        lines.add("not json");
        lines.add("");
        lines.add("{\"op\":\"upsert\"}");
        Files.write(input, lines);
        Path errors = dir.resolve("errors.jsonl");
        Result r = transform("--module", module("drop-deletes"), "--input", input.toString(), "--errors", errors.toString());
        assertEquals(0, r.status());
        assertTrue(r.err().contains("in 5 = out 3 + filtered 0 + failed 2"), r.err());
        List<String> records = Files.readAllLines(errors);
        assertEquals(2, records.size());
        JsonNode first = JSON.readTree(records.get(0));
        assertEquals(4, first.get("line").asInt());
        assertEquals("invalid_input", first.get("kind").asText());
        assertEquals("not json", first.get("event").asText());
        JsonNode second = JSON.readTree(records.get(1));
        assertEquals(6, second.get("line").asInt(), "blank lines are skipped but still counted as lines");
        assertTrue(second.get("message").asText().contains("op: unknown value \"upsert\""), second.toString());
    }

    @Test
    void filteredEventsAreDroppedAndCounted() throws Exception {
        Result r = transform("--module", module("drop-deletes"), "--input", SAMPLE.toString());
        long deletes = events(Files.readString(SAMPLE)).stream().filter(e -> e.op().wireName().equals("delete")).count();
        assertTrue(deletes > 0);
        assertEquals(40 - deletes, events(r.out()).size());
        assertTrue(r.err().contains("in 40 = out " + (40 - deletes) + " + filtered " + deletes + " + failed 0"), r.err());
    }

    @Test
    void aTrappingGuestFailsEachEventWithTheInputEventInTheRecord(@TempDir Path dir) throws Exception {
        Path errors = dir.resolve("errors.jsonl");
        Result r = transform("--module", module("bad-panic"), "--input", SAMPLE.toString(), "--errors", errors.toString());
        assertEquals(0, r.status(), "a run with failed events still completes");
        assertEquals("", r.out());
        List<String> records = Files.readAllLines(errors);
        assertEquals(40, records.size());
        JsonNode first = JSON.readTree(records.get(0));
        assertEquals("trap", first.get("kind").asText());
        assertTrue(first.get("message").asText().contains("unreachable"), first.toString());
        assertEquals(EventJson.fromJson(Files.readAllLines(SAMPLE).get(0)),
                EventJson.fromJson(first.get("event").toString()));
        assertTrue(r.err().contains("in 40 = out 0 + filtered 0 + failed 40"), r.err());
    }

    @Test
    void rejectedModulesAndConfigsAreFatal() {
        Result missing = transform("--module", "nope.wasm", "--input", SAMPLE.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("module_path: nope.wasm does not exist"), missing.err());

        Result noInput = transform("--module", module("mask-pii"), "--config", MASK, "--input", "nope.jsonl");
        assertEquals(1, noInput.status());
        assertEquals("sandpiper transform: nope.jsonl: no such file\n", noInput.err());

        Result contract = transform("--module", module("bad-import-wasi"), "--input", SAMPLE.toString());
        assertEquals(1, contract.status());
        assertTrue(contract.err().contains("wasi_snapshot_preview1.fd_write"), contract.err());

        Result notObject = transform("--module", module("mask-pii"), "--config", "[1]", "--input", SAMPLE.toString());
        assertEquals(Main.USAGE, notObject.status());
        assertTrue(notObject.err().contains("--config: must be a JSON object"), notObject.err());

        Result rejected = transform("--module", module("mask-pii"), "--config", "{\"fields_to_mask\":[1]}",
                "--input", SAMPLE.toString());
        assertEquals(1, rejected.status());
        assertTrue(rejected.err().contains("init failed"), rejected.err());
    }

    @Test
    void configCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("mask.json");
        Files.writeString(config, "{\"fields_to_mask\":[\"email\"]}");
        Result r = transform("--module", module("mask-pii"), "--config", "@" + config, "--input", SAMPLE.toString());
        Event first = events(r.out()).get(0);
        assertEquals("***REDACTED***", first.after().get("email"));
        assertEquals(events(Files.readString(SAMPLE)).get(0).after().get("phone"), first.after().get("phone"));
    }
}
