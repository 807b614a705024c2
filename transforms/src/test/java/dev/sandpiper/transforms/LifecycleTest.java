package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.abi.EventJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Deploy, pause, resume, status, metrics, undeploy, and the instance pool's scaling. */
class LifecycleTest {

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void pauseHoldsEventsAndResumeProcessesThem() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("p", "in", "out", TestSupport.MARKS).config(Map.of("stamp", "ok")).build());
            host.pause("p");
            for (int i = 0; i < 10; i++) {
                host.publish("in", utf8(event("t", i, i, "@@")));
            }
            assertFalse(host.awaitIdle(Duration.ofMillis(200)));
            TransformStatus paused = host.status("p");
            assertEquals(TransformStatus.State.PAUSED, paused.state());
            assertEquals(10, paused.queued());
            assertEquals(0, sink.total());
            assertContains(paused.toString(), "p: paused, version 1, instances 1/1, queued 10, in -> out");
            host.resume("p");
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(10, sink.topic("out").size());
            assertEquals(TransformStatus.State.RUNNING, host.status("p").state());
            assertEquals(0, host.status("p").queued());
        }
    }

    @Test
    void undeployDrainsThenLetsTheTopicThrough() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().build()) {
            host.deploy(TestSupport.spec("u", "in", "out", TestSupport.MARKS).instances(2).config(Map.of("stamp", "ok"))
                    .build());
            host.pause("u");
            for (int i = 0; i < 100; i++) {
                host.publish("in", utf8(event("t", i % 5, i, "@@")));
            }
            host.undeploy("u"); // resumes and drains the 100 queued events first
            assertEquals(100, sink.topic("out").size());
            assertThrows(IllegalArgumentException.class, () -> host.status("u"));
            assertEquals(List.of(), host.status());
            host.publish("in", utf8(event("t", 1, 1000, "@@")));
            assertEquals(List.of(event("t", 1, 1000, "@@")), sink.topic("in"), "nobody reads in any more");
            // The name is free again.
            host.deploy(TestSupport.spec("u", "in", "out", TestSupport.MARKS).build());
            assertEquals(1, host.status("u").version());
        }
    }

    @Test
    void poolsArePrewarmedShrinkWhenIdleAndGrowUnderLoad() throws Exception {
        int lanes = 3;
        // One event per lane; each waits in the guest's doorway until all three are in, which takes three instances.
        CountDownLatch allIn = new CountDownLatch(lanes);
        boolean[] gate = {false};
        TransformHost.Probe probe = (transform, message, entering) -> {
            if (entering && gate[0]) {
                allIn.countDown();
                try {
                    allIn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().probe(probe).idleTimeout(Duration.ofMillis(100)).build()) {
            host.deploy(TestSupport.spec("pool", "in", "out", TestSupport.MARKS).instances(lanes).build());
            assertEquals(lanes, host.status("pool").instances(), "pre-warmed at deploy");
            eventually(() -> host.status("pool").instances() == 1, "idle instances reclaimed down to one");

            gate[0] = true;
            int published = 0;
            boolean[] laneUsed = new boolean[lanes];
            for (int id = 0; published < lanes; id++) {
                String json = event("t", id, id, "@@");
                int lane = Math.floorMod(EventKey.of(EventJson.fromJson(json)).hashCode(), lanes);
                if (!laneUsed[lane]) {
                    laneUsed[lane] = true;
                    host.publish("in", utf8(json));
                    published++;
                }
            }
            assertTrue(allIn.await(30, TimeUnit.SECONDS), "three events in the guest at once");
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(lanes, host.status("pool").instances(), "grown to three under load");
            eventually(() -> host.status("pool").instances() == 1, "reclaimed again");
            assertEquals(lanes, host.metrics("pool").out());
        }
    }

    @Test
    void guestMetricsSurviveReclaimedInstancesAndReloads() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().idleTimeout(Duration.ofMillis(50)).build()) {
            TransformSpec spec = TestSupport.spec("enrich", "in", "out", TestSupport.example("enrich")).instances(2)
                    .build();
            host.deploy(spec);
            for (int i = 0; i < 20; i++) {
                host.publish("in", utf8(event("t", i, i, "")));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            eventually(() -> host.status("enrich").instances() == 1, "reclaimed");
            assertEquals(20L, host.metrics("enrich").guestMetrics().get("events_enriched"));
            host.reload(spec.toBuilder().config(Map.of("tag", "second")).build());
            for (int i = 0; i < 5; i++) {
                host.publish("in", utf8(event("t", i, i, "")));
            }
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            TransformMetrics m = host.metrics("enrich");
            assertEquals(25L, m.guestMetrics().get("events_enriched"));
            assertEquals(25, m.in());
            assertEquals(25, m.out());
            assertContains(sink.topic("out").get(24), "\"_tag\":\"second\"");
        }
    }

    @Test
    void unknownNamesAndAClosedHost() throws Exception {
        TransformHost host = TransformHost.builder().build();
        assertThrows(IllegalArgumentException.class, () -> host.pause("nope"));
        assertThrows(IllegalArgumentException.class, () -> host.metrics("nope"));
        assertThrows(IllegalArgumentException.class, () -> host.publish("bad/topic", utf8(event("t", 1, 1, ""))));
        host.close();
        assertThrows(IllegalStateException.class, () -> host.publish("in", utf8(event("t", 1, 1, ""))));
        assertThrows(IllegalStateException.class,
                () -> host.deploy(TestSupport.spec("x", "in", "out", TestSupport.MARKS).build()));
    }
}
