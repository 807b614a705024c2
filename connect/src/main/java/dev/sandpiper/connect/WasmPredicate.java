package dev.sandpiper.connect;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.connect.metrics.PluginStats;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;

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
public final class WasmPredicate<R extends ConnectRecord<R>> extends WasmPlugin implements Predicate<R> {
    /** The settings, with their documentation and validators. */
    public static final ConfigDef CONFIG_DEF = WasmPluginConfig.predicateDefinition();

    @Override
    public void configure(Map<String, ?> props) {
        plugin = GuestPlugin.open(WasmPluginConfig.forPredicate(props), PluginStats.Role.PREDICATE, true, "predicate");
    }

    @Override
    public boolean test(R record) {
        GuestPlugin p = plugin;
        if (p == null) {
            throw new IllegalStateException("WasmPredicate is not configured");
        }
        long start = System.nanoTime();
        TransformResult result = p.ask(record, "WasmPredicate", start);
        if (result == null || result instanceof TransformResult.Failed) {
            return false; // not a change event, or a failure skipped (on.error=skip)
        }
        boolean kept = result.isOk();
        if (kept) {
            p.stats().output(System.nanoTime() - start);
        } else {
            p.stats().filtered(System.nanoTime() - start);
        }
        return kept;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
