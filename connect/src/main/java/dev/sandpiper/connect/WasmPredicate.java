package dev.sandpiper.connect;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.connect.convert.ConversionException;
import dev.sandpiper.connect.convert.RecordMapper;
import dev.sandpiper.connect.metrics.PluginStats;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.Monitorable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Connect predicate answered by a rustcdc guest's optional {@code filter(ptr, len) -> i32} export: {@code test}
 * is true when the guest keeps the record's Event (filter returns non-zero) and false when it drops it (0). The
 * module must export {@code filter}; {@code transform} is not called.
 *
 * <p>The record becomes an Event exactly as in {@link WasmTransform}. A record that is not a change event (a
 * tombstone, a heartbeat, a schema change, a {@code m} message) is not handed to the guest and the answer is false.
 * With Connect's {@code Filter} transform, which drops the records its predicate matches, set {@code negate=true}
 * to keep what the guest keeps. A failure follows {@code on.error}: {@code fail} throws a
 * {@link GuestFailureException}, {@code skip} answers false.
 *
 * <p>Configured like the transform ({@link WasmPluginConfig}); one pool per predicate instance; thread-safe;
 * metrics as the transform's, with {@code matched-total} and {@code unmatched-total}.
 */
public final class WasmPredicate<R extends ConnectRecord<R>> implements Predicate<R>, Monitorable {
    private static final Logger LOG = LoggerFactory.getLogger(WasmPredicate.class);

    /** The settings, with their documentation and validators. */
    public static final ConfigDef CONFIG_DEF = WasmPluginConfig.predicateDefinition();

    private volatile Guest guest;
    private RecordMapper mapper;
    private OnError onError;
    private Monitoring monitoring;
    private String name;

    @Override
    public void configure(Map<String, ?> props) {
        WasmPluginConfig settings = WasmPluginConfig.forPredicate(props);
        String pluginName = settings.name();
        GuestLogBridge.acquire(pluginName); // before the pool's init, which may log
        Guest g;
        try {
            g = Guest.open(settings, true);
        } catch (RuntimeException e) {
            GuestLogBridge.release(pluginName);
            throw e;
        }
        name = pluginName;
        onError = settings.onError();
        mapper = new RecordMapper();
        monitoring = new Monitoring(new PluginStats(PluginStats.Role.PREDICATE, name, g::metrics));
        guest = g;
    }

    @Override
    public boolean test(R record) {
        Guest g = guest;
        if (g == null) {
            throw new IllegalStateException("WasmPredicate is not configured, or closed");
        }
        monitoring.ensurePublished();
        PluginStats stats = monitoring.stats();
        long start = System.nanoTime();
        Event in;
        try {
            in = mapper.toEvent(record);
        } catch (ConversionException e) {
            return failed(record, TransformError.Kind.INVALID_INPUT, "cannot make an Event of it: " + e.getMessage(),
                    e, start);
        }
        if (in == null) {
            stats.passedThrough();
            return false;
        }
        TransformResult result = g.filter(EventJson.toJson(in));
        if (result instanceof TransformResult.Failed f) {
            return failed(record, f.error().kind(), f.error().message(), null, start);
        }
        boolean kept = result.isOk();
        if (kept) {
            stats.output(System.nanoTime() - start);
        } else {
            stats.filtered(System.nanoTime() - start);
        }
        return kept;
    }

    private boolean failed(R record, TransformError.Kind kind, String message, Throwable cause, long start) {
        boolean skip = onError == OnError.SKIP;
        monitoring.stats().failed(kind, System.nanoTime() - start, skip);
        String text = "wasm predicate " + name + " failed on " + RecordLabel.of(record) + ": " + kind.wireName() + ": "
                + message;
        if (skip) {
            LOG.warn("{}; answered false (on.error=skip)", text);
            return false;
        }
        throw new GuestFailureException(kind, text, cause);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public void withPluginMetrics(PluginMetrics metrics) {
        monitoring.withPluginMetrics(metrics);
    }

    /** Runs the guest's {@code shutdown} in every instance and releases the pool and the metrics. Idempotent. */
    @Override
    public void close() {
        Guest g = guest;
        guest = null;
        if (g != null) {
            g.close();
            monitoring.close();
            GuestLogBridge.release(name);
        }
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    /** This instance's counters; null before {@link #configure}. */
    public PluginStats stats() {
        return monitoring == null ? null : monitoring.stats();
    }
}
