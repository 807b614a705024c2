package dev.sandpiper.connect.metrics;

import dev.sandpiper.abi.TransformError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * A plugin's {@link PluginStats} as Kafka plugin metrics (KIP-877). The worker tags them with the connector, task
 * and the transformation's or predicate's alias; the names are (transform / predicate):
 * <ul>
 *   <li>{@code events-total}, {@code passed-through-total}, {@code output-total} / {@code matched-total},
 *       {@code filtered-total} / {@code unmatched-total}, {@code skipped-total};</li>
 *   <li>{@code failed-total}, one per failure kind (tag {@code kind}: {@code trap}, {@code timeout}, {@code limit},
 *       {@code guest_failure}, {@code invalid_output}, {@code invalid_input});</li>
 *   <li>{@code latency-avg-ms}, {@code latency-p50-ms}, {@code latency-p99-ms}, {@code latency-max-ms}.</li>
 * </ul>
 * Guest metrics ({@code env.record_metric}) are only in the JMX bean: their names are not known in advance.
 */
public final class KafkaMetricsBinding implements AutoCloseable {
    private final PluginMetrics metrics;
    private final List<MetricName> names = new ArrayList<>();

    public KafkaMetricsBinding(PluginMetrics metrics, PluginStats stats) {
        this.metrics = metrics;
        PluginStats.Role role = stats.role();
        add("events-total", "Change events handed to the guest.", null, s -> s.events(), stats);
        add("passed-through-total", "Records that are not change events, passed through without a guest call.", null,
                s -> s.passedThroughCount(), stats);
        add(role.kept + "-total", role == PluginStats.Role.TRANSFORM ? "Events the guest returned."
                : "Events the guest's filter kept (the predicate held).", null, s -> s.outputCount(), stats);
        add(role.dropped + "-total", role == PluginStats.Role.TRANSFORM ? "Events the guest filtered out."
                : "Events the guest's filter dropped (the predicate did not hold).", null, s -> s.filteredCount(), stats);
        add("skipped-total", "Failed records dropped because on.error=skip.", null, s -> s.skippedCount(), stats);
        for (TransformError.Kind k : TransformError.Kind.values()) {
            add("failed-total", "Records that failed, by kind.", k.wireName(), s -> s.failedCount(k), stats);
        }
        add("latency-avg-ms", "Mean time per change event: conversion and guest calls.", null,
                s -> s.latency().mean() / 1e6, stats);
        add("latency-p50-ms", "Median time per change event.", null, s -> s.latency().percentile(50) / 1e6, stats);
        add("latency-p99-ms", "99th percentile of the time per change event.", null,
                s -> s.latency().percentile(99) / 1e6, stats);
        add("latency-max-ms", "Longest time for one change event.", null, s -> s.latency().max() / 1e6, stats);
    }

    private void add(String name, String description, String kind, ToDoubleFunction<PluginStats> value,
            PluginStats stats) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        if (kind != null) {
            tags.put("kind", kind);
        }
        MetricName metricName = metrics.metricName(name, description, tags);
        metrics.addMetric(metricName, (Gauge<Double>) (config, now) -> value.applyAsDouble(stats));
        names.add(metricName);
    }

    @Override
    public void close() {
        for (MetricName n : names) {
            metrics.removeMetric(n);
        }
        names.clear();
    }
}
