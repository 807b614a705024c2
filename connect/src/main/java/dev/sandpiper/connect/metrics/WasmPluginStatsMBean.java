package dev.sandpiper.connect.metrics;

import java.util.Map;

/** The JMX view of a plugin's {@link PluginStats} (object name at {@link JmxBinding}). */
public interface WasmPluginStatsMBean {
    long getEvents();

    long getPassedThrough();

    /** Events returned (a transform) or matched (a predicate). */
    long getOutput();

    /** Events filtered out (a transform) or not matched (a predicate). */
    long getFiltered();

    long getSkipped();

    long getFailed();

    /** Failures by kind ({@code trap}, {@code timeout}...). */
    Map<String, Long> getFailedByKind();

    double getLatencyAvgMs();

    double getLatencyP50Ms();

    double getLatencyP99Ms();

    double getLatencyMaxMs();

    /** What the guest recorded through {@code env.record_metric}. */
    Map<String, Long> getGuestMetrics();
}
