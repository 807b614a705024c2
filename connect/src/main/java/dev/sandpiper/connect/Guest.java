package dev.sandpiper.connect;

import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntimePool;
import dev.sandpiper.interpreter.MemoryBudget;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * One plugin instance's guest: the module, loaded and checked against the contract once, and a pool of its
 * instances ({@link WasmRuntimePool}), initialised eagerly so that a configuration the guest rejects fails when the
 * plugin is configured rather than on the first record. Thread-safe: each call borrows an instance. A trap or timeout
 * replaces only the instance it happened in (contract.md, "Details the seed leaves open", point 5).
 */
final class Guest implements AutoCloseable {
    private final WasmModule module;
    private final WasmRuntimePool pool;
    private final boolean routes;

    private Guest(WasmModule module, WasmRuntimePool pool) {
        this.module = module;
        this.pool = pool;
        this.routes = module.exports("route");
    }

    /**
     * Loads the configured module and starts its pool.
     *
     * @param needsFilter whether the plugin calls the guest's {@code filter} export (a predicate)
     * @throws ConfigException naming the key: the module the contract rejects ({@code module}, with the loader's
     *     message), a pool whose memory does not fit ({@code instances}), an {@code init} that fails ({@code config})
     */
    static Guest open(WasmPluginConfig settings, boolean needsFilter) {
        WasmConfig config = settings.wasmConfig();
        WasmModule module;
        try {
            module = WasmModule.load(config);
        } catch (WasmLoadException e) {
            String key = keyOf(e);
            throw new ConfigException(key, settings.originals().get(key), e.getMessage());
        }
        if (needsFilter && !module.exports("filter")) {
            throw new ConfigException(WasmPluginConfig.MODULE, settings.getString(WasmPluginConfig.MODULE),
                    module.name() + " exports no filter function, which a predicate calls (filter: (i32, i32) -> i32,"
                            + " 0 when the event does not match)");
        }
        try {
            module.checkFits(settings.instances(), MemoryBudget.shared());
        } catch (WasmLoadException e) {
            throw new ConfigException(WasmPluginConfig.INSTANCES, settings.instances(), e.getMessage());
        }
        WasmRuntimePool pool = new WasmRuntimePool(module, settings.instances());
        try {
            pool.init();
        } catch (TransformException e) {
            pool.close();
            throw new ConfigException(WasmPluginConfig.CONFIG, settings.getString(WasmPluginConfig.CONFIG),
                    "the guest's init failed: " + e.getMessage());
        }
        return new Guest(module, pool);
    }

    /** The setting a loader's complaint is about: its message starts with the abi's name of the field. */
    private static String keyOf(WasmLoadException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.kind() == WasmLoadException.Kind.CONFIG) {
            if (m.startsWith("engine:")) {
                return WasmPluginConfig.ENGINE;
            }
            if (m.startsWith("timeout_ms:")) {
                return WasmPluginConfig.TIMEOUT_MS;
            }
            if (m.startsWith("memory_limit_mb:")) {
                return WasmPluginConfig.MEMORY_LIMIT_MB;
            }
            if (m.startsWith("fuel:")) {
                return WasmPluginConfig.FUEL;
            }
        }
        return WasmPluginConfig.MODULE;
    }

    String name() {
        return module.name();
    }

    /** The guest's {@code filter} (when exported), {@code transform}, and {@code route} (when exported). */
    TransformResult process(byte[] json) {
        return pool.process(json, 0, json.length, routes);
    }

    /** Only the guest's {@code filter}: Ok when it keeps the event, Filtered when it returns 0. */
    TransformResult filter(byte[] json) {
        return pool.filter(json, 0, json.length);
    }

    /** What the guest recorded through {@code env.record_metric}, summed over the pool. */
    Map<String, Long> metrics() {
        return pool.metrics();
    }

    /** Runs every instance's {@code shutdown} (a failure is logged) and releases them. */
    @Override
    public void close() {
        pool.close();
    }
}
