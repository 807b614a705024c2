package dev.sandpiper.connect.metrics;

import dev.sandpiper.abi.LatencyHistogram;
import dev.sandpiper.abi.TransformError;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What one plugin instance did, counted from any thread without locks:
 * <ul>
 *   <li>{@code events}: change events handed to the guest;</li>
 *   <li>{@code passedThrough}: records that are not change events (tombstones, heartbeats, schema changes...),
 *       passed on untouched without a guest call;</li>
 *   <li>{@code output}: events the guest returned (a transform) or kept (a predicate: matched);</li>
 *   <li>{@code filtered}: events the guest dropped (a transform) or did not keep (a predicate: not matched);</li>
 *   <li>{@code failed}, per {@link TransformError.Kind}: records that failed, conversion failures included
 *       ({@code invalid_input} on the way in, {@code invalid_output} on the way out);</li>
 *   <li>{@code skipped}: failed records dropped because {@code on.error=skip};</li>
 *   <li>latency: of each change event, conversion and guest calls together, in nanoseconds.</li>
 * </ul>
 * {@code events = output + filtered + failed}.
 */
public final class PluginStats {
    /** Which plugin the names describe. */
    public enum Role {
        TRANSFORM("transform", "output", "filtered"),
        PREDICATE("predicate", "matched", "unmatched");

        final String type;
        final String kept;
        final String dropped;

        Role(String type, String kept, String dropped) {
            this.type = type;
            this.kept = kept;
            this.dropped = dropped;
        }
    }

    private final Role role;
    private final String name;
    private final Supplier<Map<String, Long>> guestMetrics;
    private final LongAdder events = new LongAdder();
    private final LongAdder passedThrough = new LongAdder();
    private final LongAdder output = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final Map<TransformError.Kind, LongAdder> failed = new EnumMap<>(TransformError.Kind.class);
    private final LatencyHistogram latency = new LatencyHistogram();

    /**
     * @param name the plugin's name (its module's, unless configured)
     * @param guestMetrics what the guest recorded through {@code env.record_metric}
     */
    public PluginStats(Role role, String name, Supplier<Map<String, Long>> guestMetrics) {
        this.role = role;
        this.name = name;
        this.guestMetrics = guestMetrics;
        for (TransformError.Kind k : TransformError.Kind.values()) {
            failed.put(k, new LongAdder());
        }
    }

    public Role role() {
        return role;
    }

    public String name() {
        return name;
    }

    public void passedThrough() {
        passedThrough.increment();
    }

    public void output(long nanos) {
        events.increment();
        output.increment();
        latency.record(nanos);
    }

    public void filtered(long nanos) {
        events.increment();
        filtered.increment();
        latency.record(nanos);
    }

    public void failed(TransformError.Kind kind, long nanos, boolean skip) {
        events.increment();
        failed.get(kind).increment();
        if (skip) {
            skipped.increment();
        }
        latency.record(nanos);
    }

    public long events() {
        return events.sum();
    }

    public long passedThroughCount() {
        return passedThrough.sum();
    }

    public long outputCount() {
        return output.sum();
    }

    public long filteredCount() {
        return filtered.sum();
    }

    public long skippedCount() {
        return skipped.sum();
    }

    public long failedCount(TransformError.Kind kind) {
        return failed.get(kind).sum();
    }

    public long failedCount() {
        long n = 0;
        for (LongAdder a : failed.values()) {
            n += a.sum();
        }
        return n;
    }

    public LatencyHistogram latency() {
        return latency;
    }

    public Map<String, Long> guestMetrics() {
        return guestMetrics.get();
    }
}
