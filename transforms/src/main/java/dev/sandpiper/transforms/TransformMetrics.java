package dev.sandpiper.transforms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of one transform since it was deployed (across reloads). Once the transform is idle,
 * {@code in = out + filtered + failed}, and {@code failed = deadLettered + skipped + stopped}.
 *
 * @param transform the transform's name
 * @param in events admitted
 * @param processed events whose outcome is emitted: {@code out + filtered + failed}
 * @param filtered events the guest dropped ({@code filter} returned 0, or {@code transform} -1)
 * @param outByTopic output events per topic (one topic unless routed), sorted by topic
 * @param failedByKind failed events per error kind (every kind, zeros included, in the order of
 *     {@link dev.sandpiper.abi.TransformError.Kind}), e.g. {@code trap}
 * @param deadLettered failed events written as dead letters ({@code on_error: dlq})
 * @param skipped failed events dropped ({@code on_error: skip})
 * @param stopped failed events that stopped the host ({@code on_error: fail}; 0 or 1)
 * @param fuel instructions the guest executed, over all events
 * @param latencyCount events timed
 * @param latencyP50Nanos median time of one event in the guest (filter, transform, route, output check)
 * @param latencyP99Nanos 99th percentile
 * @param latencyMaxNanos slowest event
 * @param latencySumNanos total time, for averages
 * @param guestMetrics what the guest recorded with {@code record_metric}, summed over its instances
 * @param instances live instances now
 */
public record TransformMetrics(String transform, long in, long processed, long filtered, Map<String, Long> outByTopic,
        Map<String, Long> failedByKind, long deadLettered, long skipped, long stopped, long fuel, long latencyCount,
        long latencyP50Nanos, long latencyP99Nanos, long latencyMaxNanos, double latencySumNanos,
        Map<String, Long> guestMetrics, int instances) {

    public TransformMetrics {
        outByTopic = Collections.unmodifiableMap(new TreeMap<>(outByTopic));
        failedByKind = Collections.unmodifiableMap(new LinkedHashMap<>(failedByKind));
        guestMetrics = Collections.unmodifiableMap(new TreeMap<>(guestMetrics));
    }

    /** Output events over all topics. */
    public long out() {
        return outByTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed events over all kinds. */
    public long failed() {
        return failedByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
