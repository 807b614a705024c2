package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.transform;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.abi.TransformError.Kind;
import java.time.Duration;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * on.error: a trapping, a looping and a memory-hogging guest end every record in a precise error (fail) or a
 * counted drop (skip), never a hang or an OutOfMemoryError; the plugin stays usable after each.
 */
class GuestFailureTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static SourceRecord record() {
        return change("c", null, user(1, "Alice", "a@example.com"));
    }

    private static GuestFailureException fails(WasmTransform<SourceRecord> t) {
        GuestFailureException e = assertThrows(GuestFailureException.class, () -> t.apply(record()));
        assertTrue(e instanceof DataException);
        assertTrue(e.getMessage().startsWith("wasm transform "), e.getMessage());
        assertTrue(e.getMessage().contains("record of topic cdc.public.users partition 0"), e.getMessage());
        return e;
    }

    @Test
    void panicFailsAsATrap() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-panic"))) {
            for (int i = 0; i < 3; i++) { // a fresh instance each time: the same precise error
                GuestFailureException e = fails(t);
                assertEquals(Kind.TRAP, e.kind());
                assertTrue(e.getMessage().contains("trap: transform trapped: unreachable"), e.getMessage());
            }
            assertEquals(3, t.stats().failedCount(Kind.TRAP));
            assertEquals(0, t.stats().skippedCount());
        }
    }

    @Test
    void panicSkipped() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-panic"), "on.error", "skip")) {
            assertNull(t.apply(record()));
            assertNull(t.apply(record()));
            assertEquals(2, t.stats().failedCount(Kind.TRAP));
            assertEquals(2, t.stats().skippedCount());
            assertEquals(2, t.stats().events());
        }
    }

    @Test
    void infiniteLoopTimesOut() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-infinite-loop"), "timeout.ms", "200")) {
            GuestFailureException e = assertTimeoutPreemptively(BOUND, () -> fails(t));
            assertEquals(Kind.TIMEOUT, e.kind());
            assertTrue(e.getMessage().contains("exceeded timeout_ms 200"), e.getMessage());
        }
    }

    @Test
    void infiniteLoopRunsOutOfFuel() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-infinite-loop"), "fuel", "1000000")) {
            GuestFailureException e = assertTimeoutPreemptively(BOUND, () -> fails(t));
            assertEquals(Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("exhausted its fuel of 1000000 instructions"), e.getMessage());
        }
    }

    @Test
    void infiniteLoopSkipped() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-infinite-loop"), "fuel", "100000",
                "on.error", "skip")) {
            assertTimeoutPreemptively(BOUND, () -> assertNull(t.apply(record())));
            assertEquals(1, t.stats().failedCount(Kind.LIMIT));
            assertEquals(1, t.stats().skippedCount());
        }
    }

    @Test
    void memoryHogStopsAtTheLimit() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-memory-hog"), "memory.limit.mb", "4")) {
            GuestFailureException e = assertTimeoutPreemptively(BOUND, () -> fails(t));
            assertEquals(Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("reached memory_limit_mb 4 (memory.grow refused), then trapped"),
                    e.getMessage());
        }
    }

    @Test
    void memoryHogSkipped() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-memory-hog"), "on.error", "skip")) {
            assertTimeoutPreemptively(BOUND, () -> assertNull(t.apply(record())));
            assertEquals(1, t.stats().failedCount(Kind.LIMIT));
        }
    }

    @Test
    void outputThatIsNotAnEventFails() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-not-an-event"))) {
            GuestFailureException e = fails(t);
            assertEquals(Kind.INVALID_OUTPUT, e.kind());
            assertTrue(e.getMessage().contains("not canonical Event JSON"), e.getMessage());
        }
    }

    @Test
    void anErrorStatusFails() {
        try (WasmTransform<SourceRecord> t = transform(guest("bad-returns-minus-7"))) {
            GuestFailureException e = fails(t);
            assertEquals(Kind.GUEST_FAILURE, e.kind());
            assertTrue(e.getMessage().contains("-7"), e.getMessage());
        }
    }

    @Test
    void aRecordThatCannotBecomeAnEventFailsAsInvalidInput() {
        try (WasmTransform<SourceRecord> t = transform(guest("pass-through"))) {
            SourceRecord bad = change("c", null, user(1, "Alice \uD800", "a@example.com"));
            GuestFailureException e = assertThrows(GuestFailureException.class, () -> t.apply(bad));
            assertEquals(Kind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("after.name"), e.getMessage());
        }
    }
}
