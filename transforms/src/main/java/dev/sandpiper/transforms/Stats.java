package dev.sandpiper.transforms;

import dev.sandpiper.abi.LatencyHistogram;
import dev.sandpiper.abi.TransformError;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one deployed transform, kept across reloads; written by its lanes and emitter. */
final class Stats {
    final LongAdder in = new LongAdder();
    final LongAdder out = new LongAdder();
    final LongAdder filtered = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder stopped = new LongAdder();
    final LongAdder fuel = new LongAdder();
    final ConcurrentHashMap<String, LongAdder> outByTopic = new ConcurrentHashMap<>();
    final LongAdder[] failedByKind = new LongAdder[TransformError.Kind.values().length];
    final LatencyHistogram latency = new LatencyHistogram();
    /** Guest metrics of instances already closed (reclaimed, or of a replaced module). */
    private final Map<String, Long> retiredGuestMetrics = new TreeMap<>();

    Stats() {
        for (int i = 0; i < failedByKind.length; i++) {
            failedByKind[i] = new LongAdder();
        }
    }

    void routed(String topic) {
        out.increment();
        outByTopic.computeIfAbsent(topic, t -> new LongAdder()).increment();
    }

    synchronized void retire(Map<String, Long> guestMetrics) {
        guestMetrics.forEach((k, v) -> retiredGuestMetrics.merge(k, v, Long::sum));
    }

    synchronized Map<String, Long> retiredGuestMetrics() {
        return new TreeMap<>(retiredGuestMetrics);
    }
}
