package dev.sandpiper.transforms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transform metrics in the Prometheus text exposition format (version 0.0.4): one {@code # HELP}
 * and {@code # TYPE} per metric family, samples labelled {@code transform="..."} and, where they
 * apply, {@code topic="..."}, {@code kind="..."}, {@code quantile="..."} or {@code metric="..."}.
 * Every error kind is written for every transform, zeros included, so rates work from the start.
 */
public final class PrometheusText {
    private PrometheusText() {}

    /** The exposition text of {@code metrics}, ending with a newline. */
    public static String format(List<TransformMetrics> metrics) {
        StringBuilder s = new StringBuilder();
        family(s, "sandpiper_transform_events_in_total", "counter", "Events admitted by the transform.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_events_in_total", m, null, null, m.in());
        }
        family(s, "sandpiper_transform_events_processed_total", "counter",
                "Events the transform finished: output, filtered or failed.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_events_processed_total", m, null, null, m.processed());
        }
        family(s, "sandpiper_transform_events_out_total", "counter", "Output events, by output topic.");
        for (TransformMetrics m : metrics) {
            for (Map.Entry<String, Long> e : m.outByTopic().entrySet()) {
                sample(s, "sandpiper_transform_events_out_total", m, "topic", e.getKey(), e.getValue());
            }
        }
        family(s, "sandpiper_transform_events_filtered_total", "counter", "Events the guest filtered out.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_events_filtered_total", m, null, null, m.filtered());
        }
        family(s, "sandpiper_transform_events_failed_total", "counter", "Failed events, by error kind.");
        for (TransformMetrics m : metrics) {
            for (Map.Entry<String, Long> e : m.failedByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .toList()) {
                sample(s, "sandpiper_transform_events_failed_total", m, "kind", e.getKey(), e.getValue());
            }
        }
        family(s, "sandpiper_transform_dead_letters_total", "counter",
                "Failed events written as dead letters (on_error: dlq).");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_dead_letters_total", m, null, null, m.deadLettered());
        }
        family(s, "sandpiper_transform_events_skipped_total", "counter", "Failed events dropped (on_error: skip).");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_events_skipped_total", m, null, null, m.skipped());
        }
        family(s, "sandpiper_transform_fuel_used_total", "counter", "WebAssembly instructions the guest executed.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_fuel_used_total", m, null, null, m.fuel());
        }
        family(s, "sandpiper_transform_latency_seconds", "summary", "Time of one event in the guest.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_latency_seconds", m, "quantile", "0.5", seconds(m.latencyP50Nanos()));
            sample(s, "sandpiper_transform_latency_seconds", m, "quantile", "0.99", seconds(m.latencyP99Nanos()));
            sample(s, "sandpiper_transform_latency_seconds_sum", m, null, null, seconds(m.latencySumNanos()));
            sample(s, "sandpiper_transform_latency_seconds_count", m, null, null, m.latencyCount());
        }
        family(s, "sandpiper_transform_latency_max_seconds", "gauge", "Time of the slowest event in the guest.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_latency_max_seconds", m, null, null, seconds(m.latencyMaxNanos()));
        }
        family(s, "sandpiper_transform_instances", "gauge", "Live instances of the transform's module.");
        for (TransformMetrics m : metrics) {
            sample(s, "sandpiper_transform_instances", m, null, null, m.instances());
        }
        family(s, "sandpiper_transform_guest_metric", "untyped",
                "Values the guest recorded with record_metric, summed over its instances.");
        for (TransformMetrics m : metrics) {
            for (Map.Entry<String, Long> e : m.guestMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .toList()) {
                sample(s, "sandpiper_transform_guest_metric", m, "metric", e.getKey(), e.getValue());
            }
        }
        return s.toString();
    }

    private static void family(StringBuilder s, String name, String type, String help) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n');
        s.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder s, String name, TransformMetrics m, String label, String value,
            Object number) {
        s.append(name).append("{transform=\"").append(escape(m.transform())).append('"');
        if (label != null) {
            s.append(',').append(label).append("=\"").append(escape(value)).append('"');
        }
        s.append("} ");
        if (number instanceof Double d) {
            s.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : d.toString());
        } else {
            s.append(number);
        }
        s.append('\n');
    }

    private static double seconds(double nanos) {
        return nanos / 1e9;
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
