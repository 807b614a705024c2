package dev.sandpiper.connect;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.connect.convert.ConversionException;
import dev.sandpiper.connect.metrics.PluginStats;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

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
public final class WasmTransform<R extends ConnectRecord<R>> extends WasmPlugin implements Transformation<R> {
    /** The settings, with their documentation and validators. */
    public static final ConfigDef CONFIG_DEF = WasmPluginConfig.transformDefinition();

    @Override
    public void configure(Map<String, ?> props) {
        plugin = GuestPlugin.open(WasmPluginConfig.forTransform(props), PluginStats.Role.TRANSFORM, false, "transform");
    }

    @Override
    public R apply(R record) {
        GuestPlugin p = plugin;
        if (p == null) {
            throw new IllegalStateException("WasmTransform is not configured");
        }
        long start = System.nanoTime();
        TransformResult result = p.ask(record, "WasmTransform", start);
        if (result == null) {
            return record; // not a change event: passes untouched
        }
        if (result instanceof TransformResult.Failed) {
            return null; // skipped (on.error=skip)
        }
        if (!(result instanceof TransformResult.Ok ok)) {
            p.stats().filtered(System.nanoTime() - start);
            return null;
        }
        R out;
        try {
            out = p.mapper().toRecord(record, ok.event(), ok.topic());
        } catch (ConversionException e) {
            p.failure(record, TransformError.Kind.INVALID_OUTPUT,
                    "cannot make a record of the guest's Event: " + e.getMessage(), e, start);
            return null;
        }
        p.stats().output(System.nanoTime() - start);
        return out;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
