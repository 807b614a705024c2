package dev.sandpiper.transforms;

import dev.sandpiper.abi.WasmConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A transform as deployed: which topic it reads, where its output goes, which module runs it and
 * with what limits (seed 001's spec fields, plus {@code on_error} and {@code fuel}). Immutable.
 * Read from YAML or JSON with {@link Specs}, or built in code with {@link #builder}.
 *
 * <p>An empty {@link #outputTopic()} means the module's {@code route} export names each output's
 * topic. {@link #wasmModule()} is resolved already (against the file that named it).
 */
public final class TransformSpec {
    public static final int DEFAULT_INSTANCES = 1;
    public static final int DEFAULT_MAX_MEMORY_MB = 64;
    public static final long DEFAULT_TIMEOUT_MS = 10;
    /** The most instances one transform may have. */
    public static final int MAX_INSTANCES = 256;
    /** The longest timeout: a day. */
    public static final long MAX_TIMEOUT_MS = 86_400_000;

    private final String name;
    private final String inputTopic;
    private final String outputTopic;
    private final Path wasmModule;
    private final Map<String, Object> config;
    private final int instances;
    private final int maxMemoryMb;
    private final long timeoutMs;
    private final OnError onError;
    private final long fuel;
    private final Path source;
    private final Map<String, Integer> lines;
    private final String prefix;

    private TransformSpec(Builder b) {
        this.name = b.name;
        this.inputTopic = b.inputTopic;
        this.outputTopic = b.outputTopic;
        this.wasmModule = b.wasmModule;
        this.config = Collections.unmodifiableMap(new LinkedHashMap<>(b.config));
        this.instances = b.instances;
        this.maxMemoryMb = b.maxMemoryMb;
        this.timeoutMs = b.timeoutMs;
        this.onError = b.onError;
        this.fuel = b.fuel;
        this.source = b.source;
        this.lines = Map.copyOf(b.lines);
        this.prefix = b.prefix;
    }

    /** A builder with the required fields and the defaults for the others. */
    public static Builder builder(String name, String inputTopic, String outputTopic, Path wasmModule) {
        return new Builder().name(name).inputTopic(inputTopic).outputTopic(outputTopic).wasmModule(wasmModule);
    }

    /** A builder holding this spec's values (and where it was read from). */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).inputTopic(inputTopic).outputTopic(outputTopic).wasmModule(wasmModule)
                .config(config).instances(instances).maxMemoryMb(maxMemoryMb).timeoutMs(timeoutMs).onError(onError)
                .fuel(fuel);
        b.source = source;
        b.lines.putAll(lines);
        b.prefix = prefix;
        return b;
    }

    /** Unique name, kebab-case. */
    public String name() {
        return name;
    }

    public String inputTopic() {
        return inputTopic;
    }

    /** The output topic, or the empty string when the module's {@code route} names it per event. */
    public String outputTopic() {
        return outputTopic;
    }

    /** Whether the module's {@code route} export picks the output topic (an empty {@code output_topic}). */
    public boolean routed() {
        return outputTopic.isEmpty();
    }

    public Path wasmModule() {
        return wasmModule;
    }

    /** The user's configuration, merged into the JSON object {@code init} receives. */
    public Map<String, Object> config() {
        return config;
    }

    /** Most instances (and parallel lanes) of the pool. */
    public int instances() {
        return instances;
    }

    public int maxMemoryMb() {
        return maxMemoryMb;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    public OnError onError() {
        return onError;
    }

    /** Instructions one event may execute, or {@link WasmConfig#NO_FUEL_LIMIT}. */
    public long fuel() {
        return fuel;
    }

    /** Where the spec was read from, {@code FILE:LINE}, or empty for a spec built in code. */
    public Optional<String> source() {
        return source == null ? Optional.empty() : Optional.of(source + ":" + line(null));
    }

    /** The file the spec was read from, or null. */
    Path sourceFile() {
        return source;
    }

    /** The line of {@code field} in the source (of the spec itself for null or an unknown field), 0 if none. */
    int line(String field) {
        Integer l = field == null ? null : lines.get(field);
        return l != null ? l : lines.getOrDefault("", 0);
    }

    /** A problem about {@code field} of this spec, at its line ({@code NAME.field} for a spec built in code). */
    Problem problem(String field, String message) {
        return new Problem(source, line(field), (source == null ? name + "." : prefix) + field, message);
    }

    /** The prefix of field names in problems: {@code transforms[2].} for an inline pipeline item. */
    String prefix() {
        return prefix;
    }

    /** The module's configuration: the spec's name, limits and {@code config}. */
    public WasmConfig wasmConfig() {
        return WasmConfig.builder().modulePath(wasmModule).name(name).timeoutMs(timeoutMs).memoryLimitMb(maxMemoryMb)
                .fuel(fuel).initConfig(config).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformSpec s && name.equals(s.name) && inputTopic.equals(s.inputTopic)
                && outputTopic.equals(s.outputTopic) && wasmModule.equals(s.wasmModule) && config.equals(s.config)
                && instances == s.instances && maxMemoryMb == s.maxMemoryMb && timeoutMs == s.timeoutMs
                && onError == s.onError && fuel == s.fuel;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, inputTopic, outputTopic, wasmModule, config, instances, maxMemoryMb, timeoutMs,
                onError, fuel);
    }

    @Override
    public String toString() {
        return name + " (" + inputTopic + " -> " + (routed() ? "<routed>" : outputTopic) + ", " + wasmModule + ")";
    }

    /** Builds specs in code; {@link #build()} checks the same rules as the spec reader. */
    public static final class Builder {
        private String name;
        private String inputTopic;
        private String outputTopic;
        private Path wasmModule;
        private Map<String, Object> config = Map.of();
        private int instances = DEFAULT_INSTANCES;
        private int maxMemoryMb = DEFAULT_MAX_MEMORY_MB;
        private long timeoutMs = DEFAULT_TIMEOUT_MS;
        private OnError onError = OnError.DLQ;
        private long fuel = WasmConfig.NO_FUEL_LIMIT;
        private Path source;
        private final Map<String, Integer> lines = new LinkedHashMap<>();
        private String prefix = "";

        private Builder() {}

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder inputTopic(String v) {
            inputTopic = v;
            return this;
        }

        public Builder outputTopic(String v) {
            outputTopic = v;
            return this;
        }

        public Builder wasmModule(Path v) {
            wasmModule = v;
            return this;
        }

        public Builder config(Map<String, Object> v) {
            config = v == null ? Map.of() : v;
            return this;
        }

        public Builder instances(int v) {
            instances = v;
            return this;
        }

        public Builder maxMemoryMb(int v) {
            maxMemoryMb = v;
            return this;
        }

        public Builder timeoutMs(long v) {
            timeoutMs = v;
            return this;
        }

        public Builder onError(OnError v) {
            onError = v;
            return this;
        }

        /** Instructions per event; {@link WasmConfig#NO_FUEL_LIMIT} for none (the default). */
        public Builder fuel(long v) {
            fuel = v;
            return this;
        }

        /** Where the spec was read from: file, the line of each field ("" for the spec itself), a field prefix. */
        Builder source(Path file, Map<String, Integer> fieldLines, String fieldPrefix) {
            source = file;
            lines.clear();
            lines.putAll(fieldLines);
            prefix = fieldPrefix;
            return this;
        }

        /** What is wrong with the values, as {@code field: message} strings (empty when valid). */
        List<String> problems() {
            List<String> p = new ArrayList<>();
            check(p, "name", name == null ? "missing" : Names.nameProblem(name));
            check(p, "input_topic", inputTopic == null ? "missing" : Names.topicProblem(inputTopic));
            check(p, "output_topic", outputTopic == null ? "missing"
                    : outputTopic.isEmpty() ? null : Names.topicProblem(outputTopic));
            check(p, "wasm_module", wasmModule == null ? "missing" : null);
            check(p, "instances", instances < 1 || instances > MAX_INSTANCES
                    ? "must be 1.." + MAX_INSTANCES + ", not " + instances : null);
            check(p, "max_memory_mb", maxMemoryMb < 1 ? "must be at least 1, not " + maxMemoryMb : null);
            check(p, "timeout_ms", timeoutMs < 1 ? "must be at least 1, not " + timeoutMs
                    : timeoutMs > MAX_TIMEOUT_MS ? "must be at most " + MAX_TIMEOUT_MS + ", not " + timeoutMs : null);
            check(p, "on_error", onError == null ? "missing" : null);
            check(p, "fuel", fuel < 1 && fuel != WasmConfig.NO_FUEL_LIMIT ? "must be at least 1, not " + fuel : null);
            return p;
        }

        private static void check(List<String> problems, String field, String problem) {
            if (problem != null) {
                problems.add(field + ": " + problem);
            }
        }

        /**
         * @throws IllegalArgumentException naming each invalid field
         */
        public TransformSpec build() {
            List<String> p = problems();
            if (!p.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", p));
            }
            return new TransformSpec(this);
        }
    }
}
