package dev.sandpiper.connect.metrics;

import dev.sandpiper.abi.TransformError;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A plugin's {@link PluginStats} as a JMX MBean, for hosts that give the plugin no Kafka plugin metrics (Debezium's
 * embedded engine, a worker before Kafka 4.1). Object name
 * {@code dev.sandpiper.connect:type=wasm-transform|wasm-predicate,name=NAME,instance=N}, N numbering the plugin
 * instances of the JVM (one per task). Registering fails soft: a warning, no bean.
 */
public final class JmxBinding implements AutoCloseable {
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final ObjectName objectName;

    private JmxBinding(ObjectName objectName) {
        this.objectName = objectName;
    }

    /** Registers the bean; null when the platform server refuses it. */
    public static JmxBinding register(PluginStats stats) {
        try {
            ObjectName name = new ObjectName("dev.sandpiper.connect:type=wasm-" + stats.role().type + ",name="
                    + ObjectName.quote(stats.name()) + ",instance=" + INSTANCES.incrementAndGet());
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StandardMBean(new View(stats), WasmPluginStatsMBean.class), name);
            return new JmxBinding(name);
        } catch (JMException | RuntimeException e) {
            System.getLogger(JmxBinding.class.getName()).log(System.Logger.Level.WARNING,
                    "no JMX bean for " + stats.name() + ": " + e);
            return null;
        }
    }

    public ObjectName objectName() {
        return objectName;
    }

    @Override
    public void close() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
        } catch (JMException ignored) {
            // already gone
        }
    }

    private record View(PluginStats s) implements WasmPluginStatsMBean {
        @Override
        public long getEvents() {
            return s.events();
        }

        @Override
        public long getPassedThrough() {
            return s.passedThroughCount();
        }

        @Override
        public long getOutput() {
            return s.outputCount();
        }

        @Override
        public long getFiltered() {
            return s.filteredCount();
        }

        @Override
        public long getSkipped() {
            return s.skippedCount();
        }

        @Override
        public long getFailed() {
            return s.failedCount();
        }

        @Override
        public Map<String, Long> getFailedByKind() {
            Map<String, Long> out = new TreeMap<>();
            for (TransformError.Kind k : TransformError.Kind.values()) {
                out.put(k.wireName(), s.failedCount(k));
            }
            return out;
        }

        @Override
        public double getLatencyAvgMs() {
            return s.latency().mean() / 1e6;
        }

        @Override
        public double getLatencyP50Ms() {
            return s.latency().percentile(50) / 1e6;
        }

        @Override
        public double getLatencyP99Ms() {
            return s.latency().percentile(99) / 1e6;
        }

        @Override
        public double getLatencyMaxMs() {
            return s.latency().max() / 1e6;
        }

        @Override
        public Map<String, Long> getGuestMetrics() {
            return s.guestMetrics();
        }
    }
}
