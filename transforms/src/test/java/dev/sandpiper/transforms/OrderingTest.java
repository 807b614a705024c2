package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Events with the same key keep their order under a pool of several instances. */
class OrderingTest {
    private static final Pattern ID_N = Pattern.compile("\"id\":(\\d+),\"n\":(\\d+)");

    private static int[] idAndN(byte[] json) {
        Matcher m = ID_N.matcher(TestSupport.text(json));
        assertTrue(m.find());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void eventsOfOneKeyAreProcessedOneAtATimeInOrderAndOutputInOrder() throws Exception {
        int events = 3000;
        int keys = 37;
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> inGuest = new HashMap<>();
        Map<Integer, Integer> lastStarted = new HashMap<>();
        Set<String> laneThreads = Collections.synchronizedSet(new HashSet<>());
        int[] concurrent = {0, 0};
        TransformHost.Probe probe = (transform, message, entering) -> {
            int[] k = idAndN(message.json);
            synchronized (inGuest) {
                if (entering) {
                    laneThreads.add(Thread.currentThread().getName());
                    Integer other = inGuest.put(k[0], k[1]);
                    if (other != null) {
                        violations.add("key " + k[0] + ": " + k[1] + " entered while " + other + " was in the guest");
                    }
                    Integer last = lastStarted.put(k[0], k[1]);
                    if (last != null && last > k[1]) {
                        violations.add("key " + k[0] + ": " + k[1] + " started after " + last);
                    }
                    concurrent[0]++;
                    concurrent[1] = Math.max(concurrent[1], concurrent[0]);
                } else {
                    inGuest.remove(k[0]);
                    concurrent[0]--;
                }
            }
        };
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().probe(probe).build()) {
            host.deploy(TestSupport.spec("ordered", "in", "out", TestSupport.MARKS).instances(4)
                    .config(Map.of("stamp", "ok")).build());
            Random random = new Random(42);
            for (int i = 0; i < events; i++) {
                // Uneven costs: some events carry long notes, so lanes finish out of step.
                String pad = random.nextInt(10) == 0 ? "x".repeat(random.nextInt(4000)) : "";
                host.publish("in", utf8(event("t", random.nextInt(keys), i, "@@" + pad)));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(2)));
            assertEquals(List.of(), violations);
            assertTrue(laneThreads.size() > 1, "several lanes ran: " + laneThreads);

            List<String> out = sink.topic("out");
            assertEquals(events, out.size());
            Map<Integer, Integer> lastOut = new HashMap<>();
            int previousN = -1;
            for (String o : out) {
                int[] k = idAndN(utf8(o));
                Integer last = lastOut.put(k[0], k[1]);
                assertTrue(last == null || last < k[1], "key " + k[0] + ": " + k[1] + " output after " + last);
                assertTrue(k[1] > previousN, "the transform emits in its input order");
                previousN = k[1];
            }
        }
    }

    @Test
    void eventsWithoutAKeyStillAllComeOutInInputOrder() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("keyless", "in", "out", TestSupport.PLAIN).instances(3).build());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String e = event("t", i, i, "").replace("\"primary_key\":[\"id\"]", "\"primary_key\":null");
                expected.add(e);
                host.publish("in", utf8(e));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(expected, sink.topic("out"));
        }
    }
}
