package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload under load: 100,000 events through a pool of 2, the module replaced in the middle. The outputs are
 * exactly the inputs, each processed once, by the version current when it was published.
 */
class HotReloadTest {
    static final int N = 100_000;
    static final int KEYS = 1_000;
    private static final Pattern N_AND_NOTE = Pattern.compile("\"id\":(\\d+),\"n\":(\\d+),\"note\":\"(..)\"");

    @TempDir
    Path dir;

    /** Per output: n -> note, checking each n comes once and per key in increasing order. */
    private static Map<Integer, String> byN(List<String> outputs) {
        Map<Integer, String> notes = new HashMap<>();
        Map<Integer, Integer> lastPerKey = new HashMap<>();
        for (String o : outputs) {
            Matcher m = N_AND_NOTE.matcher(o);
            assertTrue(m.find(), o);
            int id = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            String note = m.group(3);
            assertEquals(event("t", id, n, note), o, "the output is the input with its stamp");
            assertEquals(null, notes.put(n, note), "event " + n + " came out twice");
            Integer last = lastPerKey.put(id, n);
            assertTrue(last == null || last < n, "key " + id + ": " + n + " after " + last);
        }
        return notes;
    }

    @Test
    void reloadAtAKnownPointSendsEarlierEventsToTheOldVersionAndLaterOnesToTheNew() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            TransformSpec v1 = TestSupport.spec("stamp", "in", "out", TestSupport.MARKS).instances(2)
                    .config(Map.of("stamp", "v1")).build();
            host.deploy(v1);
            for (int i = 0; i < N; i++) {
                if (i == N / 2) {
                    host.reload(v1.toBuilder().config(Map.of("stamp", "v2")).build());
                }
                host.publish("in", utf8(event("t", i % KEYS, i, "@@")));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(5)));

            List<String> out = sink.topic("out");
            assertEquals(N, out.size());
            Map<Integer, String> notes = byN(out);
            for (int i = 0; i < N; i++) {
                assertEquals(i < N / 2 ? "v1" : "v2", notes.get(i), "event " + i);
            }
            TransformMetrics m = host.metrics("stamp");
            assertEquals(N, m.in());
            assertEquals(N, m.out());
            assertEquals(0, m.failed());
            assertEquals(2, host.status("stamp").version());
            assertEquals(0, host.status("stamp").draining());
            assertEquals(List.of(), sink.deadLetters);
        }
    }

    @Test
    void reloadOfAReplacedModuleFileFromAnotherThreadWhilePublishing() throws Exception {
        Path module = dir.resolve("stamp.wasm");
        Files.copy(TestSupport.MARKS, module);
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("stamp", "in", "out", module).instances(2).config(Map.of("stamp", "v1")).build());
            CountDownLatch half = new CountDownLatch(1);
            AtomicReference<Throwable> reloadError = new AtomicReference<>();
            Thread reloader = new Thread(() -> {
                try {
                    half.await();
                    // The new module: plain, which returns its input unchanged (so its outputs keep "@@").
                    Files.copy(TestSupport.PLAIN, dir.resolve("next.wasm"));
                    Files.move(dir.resolve("next.wasm"), module, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    host.reload("stamp");
                } catch (Throwable t) {
                    reloadError.set(t);
                }
            });
            reloader.start();
            for (int i = 0; i < N; i++) {
                if (i == N / 2) {
                    half.countDown();
                }
                host.publish("in", utf8(event("t", i % KEYS, i, "@@")));
            }
            reloader.join();
            assertEquals(null, reloadError.get());
            assertTrue(host.awaitIdle(Duration.ofMinutes(5)));

            List<String> out = sink.topic("out");
            assertEquals(N, out.size());
            Map<Integer, String> notes = byN(out);
            // Every event exactly once; the old version has a prefix of the inputs, the new one the rest.
            int firstNew = -1;
            for (int i = 0; i < N; i++) {
                String note = notes.get(i);
                if (firstNew < 0 && note.equals("@@")) {
                    firstNew = i;
                }
                assertEquals(firstNew < 0 ? "v1" : "@@", note, "event " + i);
            }
            assertTrue(firstNew >= N / 2, "the switch came after the reload started: " + firstNew);
            assertEquals(2, host.status("stamp").version());
            assertEquals(N, host.metrics("stamp").out());
        }
    }

    @Test
    void aFailedReloadKeepsTheOldVersionRunning() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            TransformSpec v1 = TestSupport.spec("stamp", "in", "out", TestSupport.MARKS).config(Map.of("stamp", "v1"))
                    .build();
            host.deploy(v1);
            InvalidSpecExceptionAssert.rejected(() -> host.reload(v1.toBuilder()
                    .wasmModule(TestSupport.example("bad-no-memory")).build()), "memory");
            InvalidSpecExceptionAssert.rejected(() -> host.reload(v1.toBuilder().inputTopic("other").build()),
                    "a reload keeps the input topic");
            host.publish("in", utf8(event("t", 1, 1, "@@")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(List.of(event("t", 1, 1, "v1")), sink.topic("out"));
            assertEquals(1, host.status("stamp").version());
        }
    }

    /** Small helper for rejected operations. */
    static final class InvalidSpecExceptionAssert {
        interface Op {
            void run() throws Exception;
        }

        static void rejected(Op op, String text) throws Exception {
            try {
                op.run();
            } catch (InvalidSpecException e) {
                TestSupport.assertContains(e.getMessage(), text);
                return;
            }
            throw new AssertionError("not rejected");
        }
    }
}
