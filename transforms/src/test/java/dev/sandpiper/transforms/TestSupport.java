package dev.sandpiper.transforms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared test data. Tests run from the module's folder: the example guests are under
 * {@code ../examples/transforms}, the test guests ({@code marks}, {@code plain}; see their .wat) under
 * {@code src/test/resources/guests}.
 */
final class TestSupport {
    static final Path EXAMPLES = Path.of("..", "examples");
    static final Path GUESTS = Path.of("src", "test", "resources", "guests");
    static final Path MARKS = GUESTS.resolve("marks.wasm").toAbsolutePath();
    static final Path PLAIN = GUESTS.resolve("plain.wasm").toAbsolutePath();
    static final Path SAMPLE_EVENTS = EXAMPLES.resolve("events/sample.jsonl");
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    private TestSupport() {}

    static Path example(String guest) {
        return EXAMPLES.resolve("transforms").resolve(guest).resolve(guest + ".wasm").toAbsolutePath();
    }

    /**
     * A small canonical event of table {@code table}, primary key {@code id}, whose {@code after}
     * holds {@code id}, a per-key sequence number {@code n} and {@code note} (marks for the
     * {@code marks} guest: "@@" is stamped, "!d" drops, "!f" fails, "!t" traps, "!l" loops).
     */
    static String event(String table, long id, long n, String note) {
        return "{\"before\":null,\"after\":{\"id\":" + id + ",\"n\":" + n + ",\"note\":\"" + note + "\"},\"op\":\"insert\","
                + "\"source\":{\"source_name\":\"test\",\"offset\":\"" + n + "\",\"timestamp\":1},\"ts\":2,"
                + "\"schema\":null,\"table\":\"" + table + "\",\"primary_key\":[\"id\"],\"snapshot\":null,"
                + "\"transaction\":null,\"envelope_version\":1,\"before_is_key_only\":false}";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes {@code content} to {@code dir/name}; returns the path. */
    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    /** A spec built in code for a test guest, with a generous timeout (cold JVMs are slow). */
    static TransformSpec.Builder spec(String name, String in, String out, Path module) {
        return TransformSpec.builder(name, in, out, module).timeoutMs(5000);
    }

    /** Collects what a host emits: outputs per topic (in arrival order) and dead letters. */
    static final class Sink implements OutputSink {
        final Map<String, List<Out>> outputs = new TreeMap<>();
        final List<DeadLetter> deadLetters = Collections.synchronizedList(new ArrayList<>());

        record Out(Origin origin, String json) {}

        @Override
        public synchronized void accept(String topic, Origin origin, byte[] json) {
            outputs.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Out(origin, text(json)));
        }

        synchronized List<String> topic(String topic) {
            return outputs.getOrDefault(topic, List.of()).stream().map(Out::json).toList();
        }

        synchronized int total() {
            return outputs.values().stream().mapToInt(List::size).sum();
        }

        TransformHost.Builder host() {
            return TransformHost.builder().output(this).deadLetters(deadLetters::add).clock(FIXED);
        }
    }

    static void assertContains(String haystack, String needle) {
        assertTrue(haystack.contains(needle), () -> "expected to find <" + needle + "> in <" + haystack + ">");
    }
}
