package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 5: after a trap, a timeout or a guardrail stop the runtime discards its instance and, before its next
 * transform, makes a fresh one and runs init again with the same config; metrics recorded before are kept. Proven
 * with the probe's per-instance counter (an i32 in guest memory that the probe publishes as metric "count"): it
 * restarts at 1 on a fresh instance, while the host-side metrics keep counting.
 */
class InstanceReplacementTest {
    /** For guests that stop by themselves: far beyond any machine's time to grow 16 MiB. */
    private static final long GENEROUS_TIMEOUT_MS = 30_000;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "!trap, TRAP",
        "!div0, TRAP",
        "!oob,  TRAP",
        "!loop, TIMEOUT",
        "!hog,  LIMIT",
        "!recurse, LIMIT"})
    void afterAFailureThatStopsTheGuestTheNextEventGetsAFreshInitialisedInstanceAndMetricsAreKept(String command,
            TransformError.Kind kind) {
        // Only the endless loop needs the deadline; every other failure gets a generous one, so that a
        // loaded machine growing 16 MiB slowly cannot turn a memory-limit stop into a timeout.
        long timeoutMs = command.equals("!loop") ? 50 : GENEROUS_TIMEOUT_MS;
        try (LogCapture log = LogCapture.transform("probe");
                WasmRuntime r = Guests.load(Guests.config(testGuest("probe")).timeoutMs(timeoutMs)
                        .initConfig(Map.of("user_key", "user value"))).newRuntime()) {
            for (int i = 1; i <= 3; i++) {
                assertOk(r.transform(event(i)));
            }
            assertEquals(3, r.metrics().get("count"));

            assertFailed(kind, r.transformJson(utf8(command)));
            assertEquals(Map.of("alloc_calls", 5L, "count", 3L, "init_calls", 1L, "transforms", 3L), r.metrics(),
                    "metrics survive the discarded instance");

            Event next = event(4);
            assertEquals(next, assertOk(r.transform(next)), "a good event succeeds right after");
            assertEquals(1, r.metrics().get("count"), "a fresh instance: its counter restarted");
            assertEquals(2, r.metrics().get("init_calls"), "init ran again");
            assertEquals(4, r.metrics().get("transforms"), "host-side metrics kept counting");

            List<LogCapture.Line> inits = log.lines();
            assertEquals(2, inits.size());
            assertEquals(inits.get(0), inits.get(1), "init got the same config again");
            Guests.assertContains("\"user_key\":\"user value\"", inits.get(1).message());

            assertOk(r.transform(event(5)));
            assertEquals(2, r.metrics().get("count"), "the fresh instance is kept while it behaves");
            assertEquals(2, r.metrics().get("init_calls"));
        }
    }

    @Test
    void aFreshInstanceStartsFromTheModulesInitialMemoryNotTheOldHeap() {
        try (WasmRuntime r = Guests.load(Guests.config(testGuest("probe")).timeoutMs(GENEROUS_TIMEOUT_MS)).newRuntime()) {
            assertFailed(TransformError.Kind.LIMIT, r.transformJson(utf8("!hog")));
            assertEquals(256, r.memoryPages(), "the hog grew the old instance to the limit");
            assertOk(r.transform(event(1)));
            assertEquals(1, r.memoryPages(), "the new instance has the module's 1 page");
        }
    }

    @Test
    void repeatedFailuresNeverWearTheRuntimeOut() {
        try (WasmRuntime r = Guests.runtime(testGuest("probe"))) {
            for (int i = 0; i < 50; i++) {
                assertFailed(TransformError.Kind.TRAP, r.transformJson(utf8(i % 2 == 0 ? "!trap" : "!oob")));
                assertEquals(event(i), assertOk(r.transform(event(i))));
                assertEquals(1, r.metrics().get("count"));
            }
            // the first command triggers the lazy init too: 1 + one per fresh instance
            assertEquals(51, r.metrics().get("init_calls"));
            assertEquals(50, r.metrics().get("transforms"));
        }
    }
}
