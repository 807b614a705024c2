package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For any mix of outcomes, pool sizes and a fan-out, every event is accounted for exactly once: each transform
 * outputs exactly its non-dropped, non-failed inputs in input order, dead letters exactly its failures in input
 * order, and in = out + filtered + failed.
 */
class AccountingPropertyTest {

    @Provide
    Arbitrary<List<String>> marks() {
        return Arbitraries.of("", "", "", "!d", "!f", "!t").list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 12)
    void everyEventIsAccountedForOnce(@ForAll("marks") List<String> marks, @ForAll @IntRange(min = 1, max = 4) int left,
            @ForAll @IntRange(min = 1, max = 3) int right)
            throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("left", "in", "a", TestSupport.MARKS).instances(left)
                    .config(Map.of("stamp", "LL")).build());
            host.deploy(TestSupport.spec("right", "in", "b", TestSupport.MARKS).instances(right).onError(OnError.SKIP)
                    .config(Map.of("stamp", "RR")).build());
            List<String> expectedA = new ArrayList<>();
            List<String> expectedB = new ArrayList<>();
            List<Integer> expectedFailures = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                String m = marks.get(i);
                host.publish("in", utf8(event("t", i % 5, i, "@@" + m)));
                if (m.isEmpty()) {
                    expectedA.add(event("t", i % 5, i, "LL"));
                    expectedB.add(event("t", i % 5, i, "RR"));
                } else if (!m.equals("!d")) {
                    expectedFailures.add(i);
                }
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(expectedA, sink.topic("a"));
            assertEquals(expectedB, sink.topic("b"));
            assertEquals(expectedFailures, sink.deadLetters.stream().map(d -> (int) d.origin().sequence()).toList());
            assertEquals(marks.size(), host.fanOutCopies());
            long filtered = marks.stream().filter("!d"::equals).count();
            for (TransformMetrics m : host.metrics()) {
                assertEquals(marks.size(), m.in());
                assertEquals(m.in(), m.out() + m.filtered() + m.failed());
                assertEquals(filtered, m.filtered());
                assertEquals(expectedFailures.size(), m.failed());
            }
            assertEquals(expectedFailures.size(), host.metrics("right").skipped());
            assertEquals(2L * marks.size(), host.outputs() + 2 * filtered + expectedFailures.size()
                    + host.metrics("right").skipped());
        }
    }
}
