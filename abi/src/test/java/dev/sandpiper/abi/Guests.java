package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest modules of the runtime's tests, and assertions on transform results. Tests run with {@code abi/} as the
 * working directory: the example guests are under {@code ../examples/transforms}, the test-only guests (built from
 * the {@code .wat} files next to them) under {@code src/test/resources/guests}.
 */
final class Guests {
    static final Path EXAMPLES = Path.of("..", "examples", "transforms");
    static final Path TEST_GUESTS = Path.of("src", "test", "resources", "guests");
    static final Path SAMPLE_EVENTS = Path.of("..", "examples", "events", "sample.jsonl");

    /** The config the pool stress test and the README give mask-pii. */
    static final java.util.Map<String, Object> MASK_CONFIG =
            java.util.Map.of("fields_to_mask", List.of("email", "phone", "ssn"));

    private Guests() {
    }

    /** {@code examples/transforms/<name>/<name>.wasm}. */
    static Path example(String name) {
        return EXAMPLES.resolve(name).resolve(name + ".wasm");
    }

    /** {@code src/test/resources/guests/<name>.wasm}. */
    static Path testGuest(String name) {
        return TEST_GUESTS.resolve(name + ".wasm");
    }

    /**
     * A timeout for tests that are not about timeouts but run the Rust guests: on a cold JVM on a busy machine their
     * first events can take tens of milliseconds, close to the 50 ms default.
     */
    static final long RELAXED_TIMEOUT_MS = 10_000;

    /** Defaults of the contract for a module file. */
    static WasmConfig.Builder config(Path module) {
        return WasmConfig.builder().modulePath(module);
    }

    /** The contract's defaults but a {@link #RELAXED_TIMEOUT_MS}. */
    static WasmConfig.Builder relaxed(Path module) {
        return config(module).timeoutMs(RELAXED_TIMEOUT_MS);
    }

    static WasmModule load(Path module) {
        return load(config(module));
    }

    static WasmModule load(WasmConfig.Builder config) {
        try {
            return WasmModule.load(config.build());
        } catch (WasmLoadException e) {
            throw new AssertionError("module should load: " + e.getMessage(), e);
        }
    }

    /** A runtime of the module at {@code path} with the contract's defaults. */
    static WasmRuntime runtime(Path module) {
        return load(module).newRuntime();
    }

    /** The 40 events of {@code examples/events/sample.jsonl}, in order. */
    static List<Event> sampleEvents() {
        List<Event> events = new ArrayList<>();
        for (byte[] line : sampleLines()) {
            try {
                events.add(EventJson.fromJson(line));
            } catch (EventFormatException e) {
                throw new AssertionError(e);
            }
        }
        return events;
    }

    /** The lines of {@code examples/events/sample.jsonl}, as bytes. */
    static List<byte[]> sampleLines() {
        List<byte[]> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(SAMPLE_EVENTS); JsonLines jl = new JsonLines(in)) {
            for (JsonLines.Line line : jl) {
                lines.add(line.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A small valid event whose {@code after} row has the given id. */
    static Event event(long id) {
        return Event.builder()
                .after(Fixtures.row("id", id, "name", "n" + id, "email", "user" + id + "@example.com"))
                .op(Op.INSERT)
                .source("postgres", "0/" + Long.toHexString(id), 1700000000000L + id)
                .ts(1700000000000L + id)
                .schema("public")
                .table("users")
                .primaryKey("id")
                .build();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Asserts the result is an output event and returns it. */
    static Event assertOk(TransformResult r) {
        return assertInstanceOf(TransformResult.Ok.class, r, () -> "expected an output event, got " + r).event();
    }

    /** Asserts the result is an output and returns the guest's bytes. */
    static byte[] assertOkBytes(TransformResult r) {
        return assertInstanceOf(TransformResult.Ok.class, r, () -> "expected an output event, got " + r).json();
    }

    static void assertFiltered(TransformResult r) {
        assertInstanceOf(TransformResult.Filtered.class, r, () -> "expected the event to be filtered, got " + r);
    }

    /** Asserts the result is an error of the given kind and returns it. */
    static TransformError assertFailed(TransformError.Kind kind, TransformResult r) {
        TransformError e = assertInstanceOf(TransformResult.Failed.class, r, () -> "expected a " + kind + " error, got "
                + r).error();
        assertEquals(kind, e.kind(), () -> "error kind of " + e);
        return e;
    }

    /** Asserts the result is an error of the given kind with exactly the given message. */
    static TransformError assertFailed(TransformError.Kind kind, String message, TransformResult r) {
        TransformError e = assertFailed(kind, r);
        assertEquals(message, e.message());
        return e;
    }

    /** Asserts that {@code text} starts with {@code prefix}, showing both when not. */
    static void assertStartsWith(String prefix, String text) {
        if (!text.startsWith(prefix)) {
            throw new AssertionError("expected <" + text + "> to start with <" + prefix + ">");
        }
    }

    static void assertContains(String part, String text) {
        if (!text.contains(part)) {
            throw new AssertionError("expected <" + text + "> to contain <" + part + ">");
        }
    }
}
