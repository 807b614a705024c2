package dev.sandpiper.connect;

import dev.sandpiper.connect.metrics.JmxBinding;
import dev.sandpiper.connect.metrics.KafkaMetricsBinding;
import dev.sandpiper.connect.metrics.PluginStats;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * Where a plugin's {@link PluginStats} are published. A Kafka 4.1+ worker calls
 * {@code Monitorable.withPluginMetrics} right after {@code configure}, before any record: then Kafka's plugin
 * metrics. A host that never does (Debezium's embedded engine) gets a JMX bean instead, registered at the first
 * record. Both are removed at close.
 */
final class Monitoring implements AutoCloseable {
    private final PluginStats stats;
    private KafkaMetricsBinding kafka;
    private JmxBinding jmx;
    private volatile boolean published;

    Monitoring(PluginStats stats) {
        this.stats = stats;
    }

    PluginStats stats() {
        return stats;
    }

    synchronized void withPluginMetrics(PluginMetrics metrics) {
        if (kafka != null) {
            kafka.close();
        }
        kafka = new KafkaMetricsBinding(metrics, stats);
        published = true;
    }

    /** Called per record: the first one registers the JMX bean unless plugin metrics came first. */
    void ensurePublished() {
        if (!published) {
            synchronized (this) {
                if (!published) {
                    jmx = JmxBinding.register(stats);
                    published = true;
                }
            }
        }
    }

    /** The JMX bean's object name, or null (for tests). */
    synchronized javax.management.ObjectName jmxName() {
        return jmx == null ? null : jmx.objectName();
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (jmx != null) {
            jmx.close();
            jmx = null;
        }
    }
}
