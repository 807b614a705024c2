package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * contract.md, "Lifecycle" step 3 and decision 4: the guest calls of one transform (alloc, transform, output_len)
 * run under one wall-clock deadline of timeout_ms; overrunning it is a timeout error, a kind of its own.
 */
class TimeoutTest {

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @ParameterizedTest
    @ValueSource(longs = {50, 200})
    void anInfiniteLoopIsStoppedAtTheDeadlineAsATimeout(long timeoutMs) {
        try (WasmRuntime r = Guests.load(Guests.config(Guests.example("bad-infinite-loop")).timeoutMs(timeoutMs))
                .newRuntime()) {
            r.transform(event(0)); // warm-up: instantiation and init happen outside the measured call
            long start = System.nanoTime();
            TransformError e = assertFailed(TransformError.Kind.TIMEOUT, r.transform(event(1)));
            long elapsed = millisSince(start);
            Guests.assertStartsWith("transform exceeded timeout_ms " + timeoutMs + " (deadline exceeded", e.message());
            assertTrue(elapsed >= timeoutMs, "stopped after " + elapsed + " ms");
            assertTrue(elapsed < timeoutMs + 2_000, "stopped after " + elapsed + " ms");
        }
    }

    @Test
    void aTimeoutIsNotATrap() {
        try (WasmRuntime r = Guests.runtime(Guests.example("bad-infinite-loop"))) {
            TransformError e = assertFailed(TransformError.Kind.TIMEOUT, r.transform(event(1)));
            assertEquals("timeout", e.kind().wireName());
            assertTrue(e.toString().startsWith("timeout: "), e::toString);
        }
    }

    /**
     * A guest that grows its memory one page at a time (the {@code grow} guest, to a 64 MiB limit) is stopped near
     * its deadline: growth counts as one instruction of fuel but takes time in proportion to the memory, so the
     * engine polls the deadline after each growth and grows its backing array geometrically.
     */
    @Test
    void aGuestGrowingItsMemoryPageByPageIsStoppedNearTheDeadline() throws Exception {
        try (WasmRuntime r = Guests.load(Guests.config(testGuest("grow")).memoryLimitMb(64)).newRuntime()) {
            r.init();
            long start = System.nanoTime();
            TransformResult result = r.transform(event(1));
            long elapsed = millisSince(start);
            // either the guest finished in time (filtered) or the deadline stopped it; never seconds later
            assertTrue(result instanceof TransformResult.Filtered
                    || result instanceof TransformResult.Failed f && f.error().kind() == TransformError.Kind.TIMEOUT,
                    result::toString);
            assertTrue(elapsed < 50 + 1_000, "returned after " + elapsed + " ms under a 50 ms timeout");
        }
    }

    /**
     * The {@code slow} guest spins the same number of iterations (len * 100) in each of alloc, transform and
     * output_len. The event is sized so that the three calls together take about 1.7 times the timeout and each
     * one alone about 0.58 times it: only a deadline shared by the three calls stops it. The sizing is a
     * measurement, and on a loaded machine a later run can be much faster than the ones measured: a run that
     * completes within its timeout proves nothing and calibrates the next attempt; one that completes well past
     * its timeout (a deadline per call would let it) fails the test.
     */
    @Test
    void oneDeadlineCoversAllocTransformAndOutputLenTogether() throws Exception {
        try (WasmRuntime generous = slowRuntime(60_000)) {
            byte[] json = eventTaking(300, generous);
            long total = fastestOf(3, generous, json);
            for (int attempt = 0; attempt < 6; attempt++) {
                long timeoutMs = Math.max(1, Math.round(total * 0.577));
                try (WasmRuntime r = slowRuntime(timeoutMs)) {
                    r.init();
                    long start = System.nanoTime();
                    TransformResult result = r.transformJson(json);
                    long elapsed = millisSince(start);
                    if (result instanceof TransformResult.Failed) {
                        TransformError e = assertFailed(TransformError.Kind.TIMEOUT, result);
                        Guests.assertStartsWith("transform exceeded timeout_ms " + timeoutMs, e.message());
                        return;
                    }
                    assertTrue(elapsed <= timeoutMs * 1.4, "the three calls ran " + elapsed + " ms under timeout_ms "
                            + timeoutMs + " and were not stopped: " + result);
                    total = Math.min(total, elapsed);
                }
            }
            throw new AssertionError("six runs in a row finished within their timeouts: the guest never ran long enough");
        }
    }

    @Test
    void theDeadlineRestartsForEachEvent() throws Exception {
        try (WasmRuntime generous = slowRuntime(60_000)) {
            byte[] json = eventTaking(20, generous);
            long each = fastestOf(3, generous, json);
            // Each event takes about a twentieth of the timeout (a margin a loaded machine keeps); events run
            // until two timeouts have passed in all, which one deadline for all of them would not survive.
            long timeout = Math.max(20, each * 20);
            try (WasmRuntime r = slowRuntime(timeout)) {
                r.init();
                long start = System.nanoTime();
                int events = 0;
                while (millisSince(start) <= 2 * timeout) {
                    assertOk(r.transformJson(json));
                    events++;
                }
                assertTrue(events >= 2, "events run: " + events);
            }
        }
    }

    @Test
    void anIdleRuntimeDoesNotRunOutOfTime() throws Exception {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) { // 50 ms
            assertOk(r.transform(event(1)));
            Thread.sleep(120);
            assertOk(r.transform(event(2)));
            Thread.sleep(120);
            assertOk(r.transform(event(3)));
        }
    }

    /**
     * The slow guest on the interpreter: these tests time it on one runtime, then run it on another, so both must
     * stay on one tier (with engine auto the first could be compiled by then and the second not yet).
     */
    private static WasmRuntime slowRuntime(long timeoutMs) {
        return Guests.load(Guests.config(testGuest("slow")).timeoutMs(timeoutMs).engine(Engine.INTERPRETER))
                .newRuntime();
    }

    /** A canonical event for the slow guest, sized so that one transform of it takes about {@code millis}. */
    private static byte[] eventTaking(long millis, WasmRuntime slow) {
        int size = 500;
        long took = Math.max(1, fastestOf(2, slow, eventOfLength(size)));
        return eventOfLength((int) Math.max(300, Math.min(100_000, size * (double) millis / took)));
    }

    private static long fastestOf(int runs, WasmRuntime r, byte[] json) {
        long best = Long.MAX_VALUE;
        r.transformJson(json); // warm-up
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            assertOk(r.transformJson(json));
            best = Math.min(best, millisSince(start));
        }
        return best;
    }

    private static byte[] eventOfLength(int length) {
        byte[] base = EventJson.toJson(event(1).toBuilder().after(Fixtures.row("id", 1, "pad", "")).build());
        int pad = Math.max(0, length - base.length);
        return EventJson.toJson(event(1).toBuilder().after(Fixtures.row("id", 1, "pad", "x".repeat(pad))).build());
    }
}
