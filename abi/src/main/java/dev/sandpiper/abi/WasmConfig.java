package dev.sandpiper.abi;

import dev.sandpiper.compiler.Engine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a transform module is loaded and run: the seed's {@code WasmConfig {module_path, timeout_ms,
 * memory_limit_mb}}, plus an optional instruction budget, the transform's name (for logs and
 * metrics), the user's configuration object that {@code init} receives and the engine that runs
 * the module.
 *
 * @param modulePath the {@code .wasm} file, or null when loading from bytes
 * @param name the transform's name; defaults to the module file's name without {@code .wasm}
 * @param timeoutMs wall-clock limit of one transform (alloc, transform, output_len together); default 50
 * @param memoryLimitMb cap on the guest's linear memory, in MiB; default 16
 * @param fuel instructions one transform may execute, or {@link #NO_FUEL_LIMIT} (the default)
 * @param initConfig the user's configuration, a JSON object as a map (values as {@link Event}'s
 *     rows hold them); the host adds {@code timeout_ms} and {@code memory_limit_mb}, which win
 * @param engine what runs the guest's code: the interpreter, JVM bytecode compiled at load, or
 *     {@link Engine#AUTO} (the default), which compiles the module in the background once it is
 *     hot; every runtime of a module shares its compiled code
 */
public record WasmConfig(Path modulePath, String name, long timeoutMs, int memoryLimitMb, long fuel,
        Map<String, Object> initConfig, Engine engine) {

    public static final long DEFAULT_TIMEOUT_MS = 50;
    public static final int DEFAULT_MEMORY_LIMIT_MB = 16;
    public static final long NO_FUEL_LIMIT = -1;
    public static final Engine DEFAULT_ENGINE = Engine.AUTO;

    public WasmConfig {
        initConfig = initConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initConfig));
        if (name == null || name.isBlank()) {
            name = modulePath == null ? "transform" : defaultName(modulePath);
        }
        if (engine == null) {
            engine = DEFAULT_ENGINE;
        }
    }

    /** Defaults for a module file. */
    public static WasmConfig of(Path modulePath) {
        return builder().modulePath(modulePath).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modulePath(modulePath).name(name).timeoutMs(timeoutMs).memoryLimitMb(memoryLimitMb)
                .fuel(fuel).initConfig(initConfig).engine(engine);
    }

    public boolean hasFuelLimit() {
        return fuel != NO_FUEL_LIMIT;
    }

    /** The memory limit in 64 KiB pages (16 MiB is 256 pages). */
    public int memoryLimitPages() {
        return memoryLimitMb * 16;
    }

    private static String defaultName(Path path) {
        String file = path.getFileName().toString();
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".wasm") ? file.substring(0, file.length() - 5)
                : lower.endsWith(".wat") ? file.substring(0, file.length() - 4) : file;
    }

    /** Builder with the defaults of the contract (50 ms, 16 MiB, no fuel limit) and engine auto. */
    public static final class Builder {
        private Path modulePath;
        private String name;
        private long timeoutMs = DEFAULT_TIMEOUT_MS;
        private int memoryLimitMb = DEFAULT_MEMORY_LIMIT_MB;
        private long fuel = NO_FUEL_LIMIT;
        private Map<String, Object> initConfig = Map.of();
        private Engine engine = DEFAULT_ENGINE;

        public Builder modulePath(Path path) {
            this.modulePath = path;
            return this;
        }

        public Builder name(String transformName) {
            this.name = transformName;
            return this;
        }

        public Builder timeoutMs(long ms) {
            this.timeoutMs = ms;
            return this;
        }

        public Builder memoryLimitMb(int mb) {
            this.memoryLimitMb = mb;
            return this;
        }

        public Builder fuel(long instructions) {
            this.fuel = instructions;
            return this;
        }

        public Builder initConfig(Map<String, Object> config) {
            this.initConfig = config;
            return this;
        }

        /** The engine that runs the module (default {@link Engine#AUTO}). */
        public Builder engine(Engine e) {
            this.engine = e;
            return this;
        }

        public WasmConfig build() {
            return new WasmConfig(modulePath, name, timeoutMs, memoryLimitMb, fuel, initConfig, engine);
        }
    }
}
