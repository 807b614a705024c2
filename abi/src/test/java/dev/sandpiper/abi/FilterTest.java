package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertFiltered;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.assertOkBytes;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.example;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link WasmRuntime#filter} and {@link WasmRuntimePool#filter}: only the guest's optional {@code filter} export (a
 * predicate's question), under the same deadline, fuel and memory limit as a transform. Kept events come back as
 * {@link TransformResult.Ok} holding the input bytes, dropped ones as {@link TransformResult.Filtered}, failures as
 * {@link TransformResult.Failed} with their kind; a module without {@code filter} is the caller's mistake.
 *
 * <p>Guests: the example {@code drop-deletes} (Rust, a real filter) and the test guest {@code filter} (see
 * {@code src/test/resources/guests/filter.wat}), whose answer the input chooses: {@code !drop}, {@code !trap},
 * {@code !loop}, anything else kept.
 */
class FilterTest {
    private static final List<byte[]> LINES = Guests.sampleLines();
    private static final List<Event> SAMPLE = Guests.sampleEvents();

    private static WasmModule dropDeletes(Engine engine) {
        return Guests.load(Guests.relaxed(example("drop-deletes")).engine(engine));
    }

    private static WasmModule filterGuest() {
        return Guests.load(Guests.relaxed(testGuest("filter")));
    }

    /** The metric, 0 when the guest never recorded it. */
    private static long metric(Map<String, Long> metrics, String name) {
        return metrics.getOrDefault(name, 0L);
    }

    // ---- kept and dropped

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dropDeletesKeepsEveryEventButTheDeletesAndAKeptEventIsTheInputBytes(Engine engine) {
        int dropped = 0;
        try (WasmRuntime r = dropDeletes(engine).newRuntime()) {
            for (int i = 0; i < LINES.size(); i++) {
                TransformResult out = r.filter(LINES.get(i), 0, LINES.get(i).length);
                if (SAMPLE.get(i).op() == Op.DELETE) {
                    assertFiltered(out);
                    dropped++;
                } else {
                    assertArrayEquals(LINES.get(i), assertOkBytes(out), "line " + (i + 1));
                    assertEquals(SAMPLE.get(i), assertOk(out), "line " + (i + 1));
                    assertNull(((TransformResult.Ok) out).topic(), "filter names no topic");
                }
            }
        }
        assertEquals(5, dropped, "the sample's five deletes");
    }

    @Test
    void filterReadsOnlyTheGivenSliceAndAKeptResultHoldsACopyOfIt() {
        byte[] insert = EventJson.toJson(event(7));
        byte[] delete = EventJson.toJson(Event.builder().before(Fixtures.row("id", 7L)).op(Op.DELETE)
                .source("postgres", "0/7", 1700000000007L).ts(1700000000007L).table("users").build());
        try (WasmRuntime r = dropDeletes(Engine.AUTO).newRuntime()) {
            byte[] buffer = framed(insert);
            TransformResult out = r.filter(buffer, 3, insert.length);
            byte[] kept = assertOkBytes(out);
            assertArrayEquals(insert, kept);
            Arrays.fill(buffer, (byte) 'x');
            assertArrayEquals(insert, assertOkBytes(out), "the result does not alias the caller's buffer");

            assertFiltered(r.filter(framed(delete), 3, delete.length));
        }
    }

    /** {@code "{{{" + json + "}}}"}: the event at offset 3, surrounded by bytes that are not JSON with it. */
    private static byte[] framed(byte[] json) {
        byte[] b = new byte[json.length + 6];
        Arrays.fill(b, (byte) '{');
        System.arraycopy(json, 0, b, 3, json.length);
        Arrays.fill(b, json.length + 3, b.length, (byte) '}');
        return b;
    }

    @Test
    void filterCallsOnlyTheFilterExportAndNeverTransform() {
        try (WasmRuntime r = filterGuest().newRuntime()) {
            byte[] kept = utf8("anything at all, not even JSON");
            assertArrayEquals(kept, assertOkBytes(r.filter(kept, 0, kept.length)));
            assertFiltered(r.filter(utf8("!drop"), 0, 5));
            assertEquals(2, metric(r.metrics(), "filter_calls"));
            assertEquals(0, metric(r.metrics(), "transform_calls"));
            assertEquals(1, metric(r.metrics(), "init_calls"), "init ran once, before the first filter");
        }
    }

    // ---- failures

    @Test
    void aTrapInFilterIsATrapFailureAndTheInstanceIsReplaced() {
        try (WasmRuntime r = filterGuest().newRuntime()) {
            assertFiltered(r.filter(utf8("!drop"), 0, 5));
            TransformError e = assertFailed(TransformError.Kind.TRAP, r.filter(utf8("!trap"), 0, 5));
            Guests.assertStartsWith("filter trapped: unreachable", e.message());
            assertEquals("trap: " + e.message(), e.toString());
            // the next event runs on a fresh instance, initialised again
            assertFiltered(r.filter(utf8("!drop"), 0, 5));
            assertEquals(2, metric(r.metrics(), "init_calls"));
            assertEquals(3, metric(r.metrics(), "filter_calls"));
        }
    }

    @Test
    void aLoopingFilterIsStoppedAtTheDeadlineAsATimeout() {
        long timeoutMs = 50;
        try (WasmRuntime r = Guests.load(Guests.config(testGuest("filter")).timeoutMs(timeoutMs)).newRuntime()) {
            r.filter(utf8("warm"), 0, 4); // instantiation and init happen outside the measured call
            long start = System.nanoTime();
            TransformError e = assertFailed(TransformError.Kind.TIMEOUT, r.filter(utf8("!loop"), 0, 5));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Guests.assertStartsWith("filter exceeded timeout_ms 50 (deadline exceeded", e.message());
            assertTrue(elapsed >= timeoutMs, "stopped after " + elapsed + " ms");
            assertTrue(elapsed < timeoutMs + 2_000, "stopped after " + elapsed + " ms");
            assertFiltered(r.filter(utf8("!drop"), 0, 5));
            assertEquals(2, metric(r.metrics(), "init_calls"), "the timed-out instance was replaced");
        }
    }

    @Test
    void aLoopingFilterRunsOutOfFuelAsALimitFailure() {
        try (WasmRuntime r = Guests.load(Guests.relaxed(testGuest("filter")).fuel(100_000)).newRuntime()) {
            TransformError e = assertFailed(TransformError.Kind.LIMIT, r.filter(utf8("!loop"), 0, 5));
            Guests.assertStartsWith("filter exhausted its fuel of 100000 instructions (", e.message());
            assertTrue(r.lastInstructions() >= 100_000, () -> "instructions " + r.lastInstructions());
            byte[] kept = utf8("keep");
            assertArrayEquals(kept, assertOkBytes(r.filter(kept, 0, kept.length)), "an ordinary event fits the fuel");
        }
    }

    @Test
    void anEventLargerThanTheMemoryLimitIsInvalidInputWithoutAGuestCall() {
        try (WasmRuntime r = Guests.load(Guests.relaxed(testGuest("filter")).memoryLimitMb(1)).newRuntime()) {
            byte[] big = new byte[(1 << 20) + 1];
            assertFailed(TransformError.Kind.INVALID_INPUT, "event of 1048577 bytes exceeds memory_limit_mb 1",
                    r.filter(big, 0, big.length));
            assertEquals(0, metric(r.metrics(), "filter_calls"));
        }
    }

    // ---- misuse

    @Test
    void aModuleWithoutAFilterExportIsRejectedWithAClearMessage() {
        try (WasmRuntime r = Guests.load(Guests.relaxed(example("mask-pii"))).newRuntime()) {
            byte[] line = LINES.get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.filter(line, 0, line.length));
            assertEquals("mask-pii exports no filter function", e.getMessage());
            // the runtime is untouched: it still transforms
            assertOk(r.transformJson(line));
        }
    }

    @Test
    void aClosedRuntimeRefusesToFilter() {
        WasmRuntime r = filterGuest().newRuntime();
        r.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.filter(utf8("x"), 0, 1));
        assertEquals("runtime is closed", e.getMessage());
    }

    // ---- the pool

    @Test
    void thePoolFiltersLikeARuntime() {
        int dropped = 0;
        try (WasmRuntimePool pool = new WasmRuntimePool(dropDeletes(Engine.AUTO), 3)) {
            for (int i = 0; i < LINES.size(); i++) {
                TransformResult out = pool.filter(LINES.get(i), 0, LINES.get(i).length);
                if (SAMPLE.get(i).op() == Op.DELETE) {
                    assertFiltered(out);
                    dropped++;
                } else {
                    assertArrayEquals(LINES.get(i), assertOkBytes(out), "line " + (i + 1));
                }
            }
        }
        assertEquals(5, dropped);
    }

    @Test
    void aFailureInOneRuntimeOfThePoolLeavesThePoolFiltering() throws TransformException {
        try (WasmRuntimePool pool = new WasmRuntimePool(filterGuest(), 2)) {
            pool.init();
            assertFailed(TransformError.Kind.TRAP, pool.filter(utf8("!trap"), 0, 5));
            for (int i = 0; i < 4; i++) {
                assertFiltered(pool.filter(utf8("!drop"), 0, 5));
                byte[] kept = utf8("keep " + i);
                assertArrayEquals(kept, assertOkBytes(pool.filter(kept, 0, kept.length)));
            }
            Map<String, Long> m = pool.metrics();
            assertEquals(9, metric(m, "filter_calls"));
            assertEquals(0, metric(m, "transform_calls"));
            assertEquals(3, metric(m, "init_calls"), "two runtimes, one of them re-initialised");
        }
    }

    @Test
    void thePoolGetsItsRuntimeBackWhenTheModuleHasNoFilter() {
        try (LogCapture quiet = LogCapture.transform("probe"); // probe logs its config at init
                WasmRuntimePool pool = new WasmRuntimePool(Guests.load(testGuest("probe")), 1)) {
            byte[] json = EventJson.toJson(event(1));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 3; i++) {
                    IllegalStateException e = assertThrows(IllegalStateException.class,
                            () -> pool.filter(json, 0, json.length));
                    assertEquals("probe exports no filter function", e.getMessage());
                }
                // a pool of one: had filter kept its runtime, this would wait for ever
                assertEquals(event(1), assertOk(pool.transform(event(1))));
            });
        }
    }

    @Test
    void thePoolFiltersFromManyThreadsAtOnce() throws Exception {
        int threads = 4;
        int perThread = 200;
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        try (WasmRuntimePool pool = new WasmRuntimePool(filterGuest(), 2)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(exec.submit(() -> {
                    int kept = 0;
                    for (int i = 0; i < perThread; i++) {
                        boolean drop = (i + thread) % 2 == 0;
                        byte[] in = utf8(drop ? "!drop" : "t" + thread + " e" + i);
                        TransformResult out = pool.filter(in, 0, in.length);
                        if (drop) {
                            assertFiltered(out);
                        } else {
                            assertArrayEquals(in, assertOkBytes(out));
                            kept++;
                        }
                    }
                    return kept;
                }));
            }
            int kept = 0;
            for (Future<Integer> f : results) {
                kept += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(threads * perThread / 2, kept);
            assertEquals(threads * perThread, metric(pool.metrics(), "filter_calls"));
            assertEquals(2, metric(pool.metrics(), "init_calls"));
        } finally {
            exec.shutdownNow();
        }
    }
}
