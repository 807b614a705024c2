package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.transform;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Per-transform metrics: Kafka plugin metrics when the worker gives them, else a JMX bean. */
class MetricsTest {

    /** What a Kafka 4.x worker hands a Monitorable plugin, recording what is added. */
    private static final class FakePluginMetrics implements PluginMetrics {
        final Map<MetricName, MetricValueProvider<?>> metrics = new LinkedHashMap<>();

        @Override
        public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
            LinkedHashMap<String, String> all = new LinkedHashMap<>(Map.of("connector", "c", "task", "0"));
            all.putAll(tags);
            return new MetricName(name, "plugins", description, all);
        }

        @Override
        public void addMetric(MetricName name, MetricValueProvider<?> provider) {
            assertTrue(metrics.put(name, provider) == null, "added twice: " + name);
        }

        @Override
        public void removeMetric(MetricName name) {
            metrics.remove(name);
        }

        @Override
        public Sensor addSensor(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeSensor(String name) {
            throw new UnsupportedOperationException();
        }

        double value(String name, String kind) {
            for (Map.Entry<MetricName, MetricValueProvider<?>> e : metrics.entrySet()) {
                if (e.getKey().name().equals(name) && (kind == null || kind.equals(e.getKey().tags().get("kind")))) {
                    return ((Number) ((Gauge<?>) e.getValue()).value(null, 0)).doubleValue();
                }
            }
            throw new AssertionError("no metric " + name + " " + kind + " in " + metrics.keySet());
        }
    }

    @Test
    void pluginMetricsCountEveryOutcome() {
        FakePluginMetrics pm = new FakePluginMetrics();
        WasmTransform<SourceRecord> t = transform(guest("drop-deletes"), "on.error", "skip");
        t.withPluginMetrics(pm);
        t.apply(change("c", null, user(1, "A", "a@example.com")));
        t.apply(change("d", user(1, "A", "a@example.com"), null));
        t.apply(new SourceRecord(Map.of(), Map.of(), "t", 0, null, null, null, null));
        assertEquals(2, pm.value("events-total", null));
        assertEquals(1, pm.value("output-total", null));
        assertEquals(1, pm.value("filtered-total", null));
        assertEquals(1, pm.value("passed-through-total", null));
        assertEquals(0, pm.value("failed-total", "trap"));
        assertEquals(0, pm.value("skipped-total", null));
        assertTrue(pm.value("latency-max-ms", null) > 0);
        assertTrue(pm.value("latency-p99-ms", null) >= pm.value("latency-p50-ms", null));
        assertEquals(6 + 5 + 4, pm.metrics.size());
        t.close();
        assertTrue(pm.metrics.isEmpty(), "removed at close");
    }

    @Test
    void failuresAreCountedByKind() {
        FakePluginMetrics pm = new FakePluginMetrics();
        WasmTransform<SourceRecord> t = transform(guest("bad-panic"), "on.error", "skip");
        t.withPluginMetrics(pm);
        t.apply(change("c", null, user(1, "A", "a@example.com")));
        assertEquals(1, pm.value("failed-total", "trap"));
        assertEquals(0, pm.value("failed-total", "timeout"));
        assertEquals(1, pm.value("skipped-total", null));
        t.close();
    }

    @Test
    void withoutPluginMetricsAJmxBeanIsRegisteredAtTheFirstRecord() throws Exception {
        WasmTransform<SourceRecord> t = transform(guest("enrich"), "name", "enrich-jmx");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pattern = new ObjectName("dev.sandpiper.connect:type=wasm-transform,name=\"enrich-jmx\",*");
        assertTrue(server.queryNames(pattern, null).isEmpty());
        t.apply(change("c", null, user(1, "A", "a@example.com")));
        ObjectName name = server.queryNames(pattern, null).iterator().next();
        assertEquals(1L, server.getAttribute(name, "Events"));
        assertEquals(1L, server.getAttribute(name, "Output"));
        Map<?, ?> guestMetrics = (Map<?, ?>) server.getAttribute(name, "GuestMetrics");
        assertEquals(1L, guestMetrics.get("events_enriched"));
        assertNotNull(server.getAttribute(name, "LatencyP99Ms"));
        t.close();
        assertFalse(server.isRegistered(name));
        assertThrows(javax.management.InstanceNotFoundException.class, () -> server.getAttribute(name, "Events"));
    }
}
