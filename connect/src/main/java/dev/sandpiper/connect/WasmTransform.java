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
import org.apache.kafka.connect.transforms.Transformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single message transform that runs a rustcdc WebAssembly guest ({@code shared/abi/contract.md}) over Debezium
 * change events.
 *
 * <p>Per record: a change event (a Debezium envelope with {@code op} c, u, d, r or t, as a Struct or a schemaless
 * Map) becomes the canonical Event the contract defines (its last section, "Kafka Connect and Debezium records ↔
 * Event"); the guest's {@code filter} (when exported), {@code transform} and {@code route} (when exported) run on
 * it; the guest's Event becomes the output record, which keeps everything of the input but the rows (and the topic,
 * when {@code route} names another). A guest that filters the event out drops the record ({@code null}). Any other
 * record (a tombstone, a heartbeat, a schema change, a {@code m} message) passes through untouched without a guest
 * call. A failure follows {@code on.error} ({@link OnError}).
 *
 * <p>Configuration: {@link WasmPluginConfig} ({@code module}, {@code config}, {@code timeout.ms},
 * {@code memory.limit.mb}, {@code fuel}, {@code instances}, {@code engine}, {@code on.error}, {@code name}). The
 * module is loaded, checked and its pool initialised in {@link #configure}; {@link #close} runs the guest's
 * {@code shutdown}. Connect makes one transform per task; each has its own pool. Thread-safe.
 *
 * <p>Metrics: Kafka plugin metrics when the worker provides them ({@link Monitorable}), else a JMX bean
 * (package {@code dev.sandpiper.connect.metrics}).
 */
public final class WasmTransform<R extends ConnectRecord<R>> implements Transformation<R>, Monitorable {
    private static final Logger LOG = LoggerFactory.getLogger(WasmTransform.class);

    /** The settings, with their documentation and validators. */
    public static final ConfigDef CONFIG_DEF = WasmPluginConfig.transformDefinition();

    private volatile Guest guest;
    private RecordMapper mapper;
    private OnError onError;
    private Monitoring monitoring;
    private String name;

    @Override
    public void configure(Map<String, ?> props) {
        WasmPluginConfig settings = WasmPluginConfig.forTransform(props);
        String pluginName = settings.name();
        GuestLogBridge.acquire(pluginName); // before the pool's init, which may log
        Guest g;
        try {
            g = Guest.open(settings, false);
        } catch (RuntimeException e) {
            GuestLogBridge.release(pluginName);
            throw e;
        }
        name = pluginName;
        onError = settings.onError();
        mapper = new RecordMapper();
        monitoring = new Monitoring(new PluginStats(PluginStats.Role.TRANSFORM, name, g::metrics));
        guest = g;
    }

    @Override
    public R apply(R record) {
        Guest g = guest;
        if (g == null) {
            throw new IllegalStateException("WasmTransform is not configured, or closed");
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
            return record;
        }
        TransformResult result = g.process(EventJson.toJson(in));
        if (result instanceof TransformResult.Failed f) {
            return failed(record, f.error().kind(), f.error().message(), null, start);
        }
        if (!(result instanceof TransformResult.Ok ok)) {
            stats.filtered(System.nanoTime() - start);
            return null;
        }
        R out;
        try {
            out = mapper.toRecord(record, ok.event(), ok.topic());
        } catch (ConversionException e) {
            return failed(record, TransformError.Kind.INVALID_OUTPUT,
                    "cannot make a record of the guest's Event: " + e.getMessage(), e, start);
        }
        stats.output(System.nanoTime() - start);
        return out;
    }

    private R failed(R record, TransformError.Kind kind, String message, Throwable cause, long start) {
        boolean skip = onError == OnError.SKIP;
        monitoring.stats().failed(kind, System.nanoTime() - start, skip);
        String text = "wasm transform " + name + " failed on " + RecordLabel.of(record) + ": " + kind.wireName() + ": "
                + message;
        if (skip) {
            LOG.warn("{}; record dropped (on.error=skip)", text);
            return null;
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

    /** This instance's counters (for tests and embedding applications); null before {@link #configure}. */
    public PluginStats stats() {
        return monitoring == null ? null : monitoring.stats();
    }
}
