package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Pools of 4 runtimes fed from 4 threads with generated events ({@link GeneratedEvents}); every output is compared,
 * as an event, with a plain-Java version of the guest's rule ({@link ReferenceTransforms}), matched to its input by
 * the id it carries, and no event may be lost or duplicated.
 *
 * <p>The runtimes get a relaxed timeout: this test is about correctness under concurrency and throughput, and a
 * wall-clock deadline of 50 ms can be overrun by scheduling alone when 4 threads share 2 busy cores.
 */
class PoolStressTest {
    private static final int THREADS = 4;
    private static final int POOL_SIZE = 4;
    private static final int MASK_EVENTS = 100_000;
    private static final int MIXED_EVENTS = 10_000;
    private static final Set<String> FIELDS_TO_MASK = Set.of("email", "phone", "ssn");

    /** What one worker saw. */
    private record Tally(long ok, long filtered, long changed) {
    }

    /**
     * Runs ids 0..n-1 through {@code transform} from {@link #THREADS} threads (thread t takes ids t, t+THREADS, ...),
     * checking each outcome with {@code check}, which returns the id the output carries (or -1 when filtered).
     */
    private static List<Tally> runConcurrently(int n, IntFunction<Optional<Event>> transform,
            AtomicIntegerArray seen, Checker check) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Tally>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                futures.add(threads.submit(() -> {
                    long ok = 0;
                    long filtered = 0;
                    long changed = 0;
                    for (int id = first; id < n; id += THREADS) {
                        Event in = GeneratedEvents.event(id);
                        Optional<Event> out = transform.apply(id);
                        if (out.isEmpty()) {
                            check.filtered(in);
                            filtered++;
                            seen.incrementAndGet(id);
                            continue;
                        }
                        int outId = GeneratedEvents.id(out.get());
                        assertEquals(id, outId, "the output carries its input's id");
                        seen.incrementAndGet(outId);
                        check.output(GeneratedEvents.event(outId), out.get());
                        ok++;
                        if (!out.get().equals(in)) {
                            changed++;
                        }
                    }
                    return new Tally(ok, filtered, changed);
                }));
            }
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> f : futures) {
                tallies.add(f.get());
            }
            return tallies;
        } finally {
            threads.shutdownNow();
        }
    }

    private interface Checker {
        void output(Event in, Event out);

        default void filtered(Event in) {
            throw new AssertionError("unexpectedly filtered: " + in);
        }
    }

    private static Optional<Event> outcome(TransformResult r, int id) {
        if (r instanceof TransformResult.Ok ok) {
            return Optional.of(ok.event());
        }
        if (r instanceof TransformResult.Filtered) {
            return Optional.empty();
        }
        throw new AssertionError("event " + id + " failed: " + r + "\n" + GeneratedEvents.event(id));
    }

    private static void assertEachSeenOnce(AtomicIntegerArray seen) {
        for (int id = 0; id < seen.length(); id++) {
            assertEquals(1, seen.get(id), "event " + id + " seen once");
        }
    }

    private static long sum(List<Tally> tallies, java.util.function.ToLongFunction<Tally> field) {
        return tallies.stream().mapToLong(field).sum();
    }

    @Test
    void maskPii100kEventsFrom4ThreadsMatchTheJavaReference() throws Exception {
        WasmModule module = Guests.load(Guests.relaxed(example("mask-pii")).initConfig(Guests.MASK_CONFIG));
        AtomicIntegerArray seen = new AtomicIntegerArray(MASK_EVENTS);
        long start;
        long elapsed;
        long cpu;
        List<Tally> tallies;
        try (WasmRuntimePool pool = new WasmRuntimePool(module, POOL_SIZE)) {
            pool.init();
            cpu = processCpuNanos();
            start = System.nanoTime();
            tallies = runConcurrently(MASK_EVENTS, id -> outcome(pool.transform(GeneratedEvents.event(id)), id), seen,
                    (in, out) -> assertEquals(ReferenceTransforms.mask(in, FIELDS_TO_MASK), out));
            elapsed = System.nanoTime() - start;
            cpu = processCpuNanos() - cpu;
        }
        assertEachSeenOnce(seen);
        assertEquals(MASK_EVENTS, sum(tallies, Tally::ok));
        long changed = sum(tallies, Tally::changed);
        // not a vacuous comparison: most events had something to mask, some had nothing
        assertTrue(changed > MASK_EVENTS / 2 && changed < MASK_EVENTS, "changed: " + changed);
        // CPU time tells a slow machine from a busy one: events per CPU-second is what 1 idle core would do
        System.out.printf("mask-pii: %,d events from %d threads on a pool of %d in %.1f s: %,.0f events/s; "
                + "%.1f s of CPU: %,.0f events per CPU-second (%d processors)%n", MASK_EVENTS, THREADS, POOL_SIZE,
                elapsed / 1e9, MASK_EVENTS / (elapsed / 1e9), cpu / 1e9, MASK_EVENTS / (cpu / 1e9),
                Runtime.getRuntime().availableProcessors());
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    @Test
    void dropDeletesFiltersExactlyTheDeletes() throws Exception {
        WasmModule module = Guests.load(Guests.relaxed(example("drop-deletes")));
        AtomicIntegerArray seen = new AtomicIntegerArray(MIXED_EVENTS);
        List<Tally> tallies;
        try (WasmRuntimePool pool = new WasmRuntimePool(module, POOL_SIZE)) {
            tallies = runConcurrently(MIXED_EVENTS, id -> outcome(pool.transform(GeneratedEvents.event(id)), id), seen,
                    new Checker() {
                        @Override
                        public void output(Event in, Event out) {
                            assertEquals(ReferenceTransforms.dropDeletes(in), Optional.of(out));
                        }

                        @Override
                        public void filtered(Event in) {
                            assertEquals(Op.DELETE, in.op(), () -> "filtered " + in);
                        }
                    });
        }
        assertEachSeenOnce(seen);
        long deletes = 0;
        for (int id = 0; id < MIXED_EVENTS; id++) {
            if (GeneratedEvents.event(id).op() == Op.DELETE) {
                deletes++;
            }
        }
        assertTrue(deletes > 0);
        assertEquals(deletes, sum(tallies, Tally::filtered));
        assertEquals(MIXED_EVENTS - deletes, sum(tallies, Tally::ok));
        assertEquals(0, sum(tallies, Tally::changed));
    }

    @Test
    void enrichEnrichesEveryEventAndThePoolsMetricsCountThemAll() throws Exception {
        WasmModule module = Guests.load(Guests.relaxed(example("enrich")));
        AtomicIntegerArray seen = new AtomicIntegerArray(MIXED_EVENTS);
        AtomicLong bytesIn = new AtomicLong();
        List<Tally> tallies;
        Map<String, Long> metrics;
        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.transform("enrich");
                WasmRuntimePool pool = new WasmRuntimePool(module, POOL_SIZE)) {
            tallies = runConcurrently(MIXED_EVENTS, id -> {
                byte[] json = EventJson.toJson(GeneratedEvents.event(id));
                bytesIn.addAndGet(json.length);
                return outcome(pool.transformJson(json), id);
            }, seen, (in, out) -> assertEquals(ReferenceTransforms.enrich(in, "enriched"), out));
            metrics = pool.metrics();
            lines = log.lines();
        }
        assertEachSeenOnce(seen);
        assertEquals(MIXED_EVENTS, sum(tallies, Tally::ok));
        assertEquals(Map.of("events_enriched", (long) MIXED_EVENTS, "bytes_in", bytesIn.get()), metrics);

        Map<String, Integer> expected = new HashMap<>();
        for (int id = 0; id < MIXED_EVENTS; id++) {
            expected.merge(ReferenceTransforms.enrichLogLine(GeneratedEvents.event(id)), 1, Integer::sum);
        }
        Map<String, Integer> logged = new HashMap<>();
        for (LogCapture.Line line : lines) {
            assertEquals(java.util.logging.Level.INFO, line.level());
            logged.merge(line.message(), 1, Integer::sum);
        }
        assertEquals(expected, logged);
    }
}
