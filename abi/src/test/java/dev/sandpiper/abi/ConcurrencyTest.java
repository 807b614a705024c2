package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.assertOkBytes;
import static dev.sandpiper.abi.Guests.example;
import static dev.sandpiper.abi.Guests.testGuest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The seed's threading model: one {@link WasmRuntime} shared by several threads serialises their transforms, and
 * every one succeeds. The probe echoes its input through a single input area at a fixed address and counts events in
 * guest memory, so two transforms running at once in its one instance would mix up outputs or lose counts.
 */
class ConcurrencyTest {
    private static final int THREADS = 6;

    /** Runs {@code perThread} events on each of {@link #THREADS} threads, released at once. */
    private static void fromManyThreads(int perThread, ThrowingIntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        work.accept(thread * perThread + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ThrowingIntConsumer {
        void accept(int id) throws Exception;
    }

    @Test
    void concurrentTransformsOnOneRuntimeSerialiseAndAllSucceed() throws Exception {
        int perThread = 500;
        try (WasmRuntime shared = Guests.runtime(testGuest("probe"))) {
            fromManyThreads(perThread, id -> {
                // sizes differ per event, so a mixed-up output would not even have the right length
                Event in = GeneratedEvents.event(id);
                byte[] json = EventJson.toJson(in);
                assertArrayEquals(json, assertOkBytes(shared.transformJson(json)), () -> "event " + id);
                assertEquals(in, assertOk(shared.transform(in)));
            });
            long events = 2L * THREADS * perThread;
            assertEquals(events, shared.metrics().get("transforms"));
            assertEquals(events, shared.metrics().get("count"), "the one instance saw every event, one at a time");
            assertEquals(1, shared.metrics().get("init_calls"), "init ran once despite the race to the first event");
        }
    }

    @Test
    void aSharedRustGuestGivesEveryThreadItsOwnCorrectOutput() throws Exception {
        Set<String> fields = Set.of("email", "phone", "ssn");
        try (WasmRuntime shared = Guests.load(Guests.relaxed(example("mask-pii")).initConfig(Guests.MASK_CONFIG))
                .newRuntime()) {
            fromManyThreads(100, id -> {
                Event in = GeneratedEvents.event(id);
                assertEquals(ReferenceTransforms.mask(in, fields), assertOk(shared.transform(in)), () -> "event " + id);
            });
        }
    }

    @Test
    void aTrapOnOneThreadDoesNotDisturbTheOthersOnTheSameRuntime() throws Exception {
        try (WasmRuntime shared = Guests.runtime(testGuest("probe"))) {
            fromManyThreads(200, id -> {
                if (id % 50 == 7) {
                    Guests.assertFailed(TransformError.Kind.TRAP, shared.transformJson(Guests.utf8("!trap")));
                } else {
                    Event in = GeneratedEvents.event(id);
                    assertEquals(in, assertOk(shared.transform(in)), () -> "event " + id);
                }
            });
            assertEquals(THREADS * 200 - THREADS * 4, shared.metrics().get("transforms"));
        }
    }
}
