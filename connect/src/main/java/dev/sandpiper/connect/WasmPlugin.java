package dev.sandpiper.connect;

import dev.sandpiper.connect.metrics.PluginStats;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What {@link WasmTransform} and {@link WasmPredicate} have in common as Connect plugins: the open
 * {@link GuestPlugin}, metrics, version and closing. The subclasses configure it and answer records.
 */
abstract class WasmPlugin implements Monitorable {
    /** Set by {@code configure}. */
    GuestPlugin plugin;

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        plugin.withPluginMetrics(metrics);
    }

    /** Runs the guest's {@code shutdown} in every instance and releases the pool and the metrics. Idempotent. */
    public void close() {
        GuestPlugin p = plugin;
        if (p != null) {
            p.close();
        }
    }

    public String version() {
        return PluginVersion.get();
    }

    /** This instance's counters (for tests and embedding applications); null before {@code configure}. */
    public PluginStats stats() {
        return plugin == null ? null : plugin.stats();
    }
}
