package dev.sandpiper.connect;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.connect.convert.ConversionException;
import dev.sandpiper.connect.convert.RecordMapper;
import dev.sandpiper.connect.metrics.PluginStats;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * What a configured {@link WasmTransform} or {@link WasmPredicate} holds: the guest and its pool, the
 * record mapping, the error policy and the metrics, with the lifecycle both share (open at
 * {@code configure}, publish metrics, close). The plugin classes keep only what differs: which guest
 * export answers and what a record becomes.
 */
final class GuestPlugin {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GuestPlugin.class);

    private volatile Guest guest;
    private final RecordMapper mapper = new RecordMapper();
    private final OnError onError;
    private final Monitoring monitoring;
    private final String name;
    private final String kindOfPlugin;
    /** A predicate asks the guest's {@code filter}; a transform its {@code filter}, {@code transform} and {@code route}. */
    private final boolean filterOnly;

    private GuestPlugin(Guest guest, WasmPluginConfig settings, PluginStats.Role role, boolean filterOnly,
            String kindOfPlugin) {
        this.guest = guest;
        this.filterOnly = filterOnly;
        this.name = settings.name();
        this.onError = settings.onError();
        this.kindOfPlugin = kindOfPlugin;
        this.monitoring = new Monitoring(new PluginStats(role, name, guest::metrics));
    }

    /**
     * Loads and checks the module, initialises its pool (the guest's {@code init} runs here, so a bad
     * {@code config} fails {@code configure}) and routes the guest's log lines to SLF4J.
     */
    static GuestPlugin open(WasmPluginConfig settings, PluginStats.Role role, boolean filterOnly, String kindOfPlugin) {
        GuestLogBridge.acquire(settings.name()); // before the pool's init, which may log
        try {
            return new GuestPlugin(Guest.open(settings, filterOnly), settings, role, filterOnly, kindOfPlugin);
        } catch (RuntimeException e) {
            GuestLogBridge.release(settings.name());
            throw e;
        }
    }

    /** The open guest, with the metrics published; throws when the plugin was closed. */
    Guest guest(String pluginClass) {
        Guest g = guest;
        if (g == null) {
            throw new IllegalStateException(pluginClass + " is not configured, or closed");
        }
        monitoring.ensurePublished();
        return g;
    }

    PluginStats stats() {
        return monitoring.stats();
    }

    RecordMapper mapper() {
        return mapper;
    }

    /**
     * The guest's answer for {@code record}, whose handling started at {@code start} (nanoTime): null
     * when it is not a change event (counted as passed through, no guest call); a {@code Failed}
     * result only when {@code on.error=skip} let a failure pass (already counted and logged; with
     * {@code fail} it is thrown); otherwise what the guest's {@code filter} (a predicate) or its
     * {@code filter}, {@code transform} and {@code route} (a transform) made of it.
     */
    TransformResult ask(ConnectRecord<?> record, String pluginClass, long start) {
        Guest g = guest(pluginClass);
        Event in;
        try {
            in = mapper.toEvent(record);
        } catch (ConversionException e) {
            return failure(record, TransformError.Kind.INVALID_INPUT, "cannot make an Event of it: " + e.getMessage(),
                    e, start);
        }
        if (in == null) {
            stats().passedThrough();
            return null;
        }
        byte[] json = EventJson.toJson(in);
        TransformResult result = filterOnly ? g.filter(json) : g.process(json);
        if (result instanceof TransformResult.Failed f) {
            return failure(record, f.error().kind(), f.error().message(), null, start);
        }
        return result;
    }

    /** {@link #skipOrThrow}, then the failure as a result for a caller that skips the record. */
    TransformResult failure(ConnectRecord<?> record, TransformError.Kind kind, String message, Throwable cause,
            long start) {
        skipOrThrow(record, kind, message, cause, start);
        return new TransformResult.Failed(new TransformError(kind, message));
    }

    /**
     * Counts a failed record and applies {@code on.error}: returns true when it is skipped (the caller
     * drops it or answers false), else throws a {@link GuestFailureException} naming the record and cause.
     */
    boolean skipOrThrow(ConnectRecord<?> record, TransformError.Kind kind, String message, Throwable cause, long start) {
        boolean skip = onError == OnError.SKIP;
        monitoring.stats().failed(kind, System.nanoTime() - start, skip);
        String text = "wasm " + kindOfPlugin + " " + name + " failed on " + RecordLabel.of(record) + ": "
                + kind.wireName() + ": " + message;
        if (skip) {
            LOG.warn("{}; {} (on.error=skip)", text,
                    kindOfPlugin.equals("predicate") ? "answered false" : "record dropped");
            return true;
        }
        throw new GuestFailureException(kind, text, cause);
    }

    void withPluginMetrics(PluginMetrics metrics) {
        monitoring.withPluginMetrics(metrics);
    }

    /** Runs the guest's {@code shutdown} in every instance and releases the pool and the metrics. Idempotent. */
    void close() {
        Guest g = guest;
        guest = null;
        if (g != null) {
            g.close();
            monitoring.close();
            GuestLogBridge.release(name);
        }
    }
}
