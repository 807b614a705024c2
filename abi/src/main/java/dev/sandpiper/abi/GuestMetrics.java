package dev.sandpiper.abi;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The named 64-bit metrics a guest records through {@code env.record_metric} and reads through
 * {@code env.get_metric}: per runtime, kept when the runtime replaces its instance, readable from any
 * thread. {@code record_metric} adds with wrap-around; an unknown name reads as 0.
 */
final class GuestMetrics {
    private final ConcurrentHashMap<String, AtomicLong> values = new ConcurrentHashMap<>();

    void add(String name, long delta) {
        values.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(delta);
    }

    long get(String name) {
        AtomicLong v = values.get(name);
        return v == null ? 0 : v.get();
    }

    /** A sorted snapshot. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
