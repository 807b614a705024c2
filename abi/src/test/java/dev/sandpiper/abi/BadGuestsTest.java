package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ten bad guests of {@code examples/transforms} ("Bad guests: what a host must report"): each one's rejection
 * at load, or its error kind and message on every event; after each failure the host goes on. The bad guests fail
 * on every event, so "goes on" is shown three ways: the same runtime answers the next event with the same
 * classified error (no exception, no stuck state), the runtime still runs the guest's lifecycle, and a good guest in
 * the same process transforms an event right after. ({@link InstanceReplacementTest} and
 * {@link TransformOutcomeTest} show a good event succeeding on the very runtime that just failed, for every failure
 * class, with guests that fail only on demand.)
 */
class BadGuestsTest {
    private static final List<Event> SAMPLE = Guests.sampleEvents();

    /** A good guest transforms a good event: the host process is unaffected. */
    private static void assertAGoodGuestStillWorks() {
        try (WasmRuntime good = Guests.load(Guests.relaxed(example("mask-pii")).initConfig(Guests.MASK_CONFIG))
                .newRuntime()) {
            Event out = assertOk(good.transform(SAMPLE.get(0)));
            assertEquals("***REDACTED***", out.after().get("email"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-import-fd-write|import env.fd_write (func) is not allowed: a transform may import only the functions "
                + "env.log, env.get_metric and env.record_metric",
        "bad-import-wasi|import wasi_snapshot_preview1.fd_write (func) is not allowed: a transform may import only "
                + "the functions env.log, env.get_metric and env.record_metric",
        "bad-export-signature|export transform has type [i32] -> [i32], the contract's is [i32, i32] -> [i32]",
        "bad-no-memory|export memory is missing: a transform must export its linear memory as \"memory\""})
    void isRejectedAtLoadNamingTheOffendingItem(String guest, String message) {
        WasmLoadException e = assertThrows(WasmLoadException.class, () -> WasmModule.load(WasmConfig.of(example(guest))));
        assertEquals(WasmLoadException.Kind.CONTRACT, e.kind());
        assertEquals(message, e.getMessage());
        assertAGoodGuestStillWorks();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-panic|TRAP|transform trapped: unreachable",
        "bad-infinite-loop|TIMEOUT|transform exceeded timeout_ms 50 (deadline exceeded",
        "bad-memory-hog|LIMIT|transform reached memory_limit_mb 16 (memory.grow refused), then trapped: unreachable",
        "bad-not-an-event|INVALID_OUTPUT|output is not canonical Event JSON: op: missing required field",
        "bad-returns-minus-7|GUEST_FAILURE|transform returned error code -7",
        "bad-output-past-memory|INVALID_OUTPUT|output [4096, 69632) lies outside guest memory of 65536 bytes"})
    void failsEveryEventWithItsErrorAndTheHostGoesOn(String guest, TransformError.Kind kind, String message)
            throws Exception {
        // only the infinite loop is about the timeout; the others get time enough to fail their own way
        long timeoutMs = guest.equals("bad-infinite-loop") ? WasmConfig.DEFAULT_TIMEOUT_MS : Guests.RELAXED_TIMEOUT_MS;
        try (WasmRuntime r = Guests.load(Guests.config(example(guest)).timeoutMs(timeoutMs)).newRuntime()) {
            for (Event e : SAMPLE.subList(0, 3)) {
                TransformError error = assertFailed(kind, r.transform(e));
                Guests.assertStartsWith(message, error.message());
            }
            r.init();      // the guest's own init still works on this runtime
            r.shutdown();
            Guests.assertStartsWith(message, assertFailed(kind, r.transform(SAMPLE.get(3))).message());
        }
        assertAGoodGuestStillWorks();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bad-panic", "bad-infinite-loop", "bad-memory-hog", "bad-not-an-event", "bad-returns-minus-7",
        "bad-output-past-memory"})
    void failsThroughAPoolWithoutTakingItDown(String guest) {
        long timeoutMs = guest.equals("bad-infinite-loop") ? WasmConfig.DEFAULT_TIMEOUT_MS : Guests.RELAXED_TIMEOUT_MS;
        try (WasmRuntimePool pool = new WasmRuntimePool(Guests.load(Guests.config(example(guest))
                .timeoutMs(timeoutMs)), 2)) {
            for (int i = 0; i < 4; i++) {
                assertEquals(TransformResult.Failed.class, pool.transform(SAMPLE.get(i)).getClass());
            }
            assertEquals(Map.of(), pool.metrics());
        }
        assertAGoodGuestStillWorks();
    }
}
