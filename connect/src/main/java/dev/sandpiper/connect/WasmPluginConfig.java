package dev.sandpiper.connect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.ExecutionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link WasmTransform} and {@link WasmPredicate}: the module, the configuration its {@code init}
 * receives, the guardrails of contract.md ("Defaults and limits") and the pool. Every value is checked when the
 * plugin is configured; a bad one fails with a {@link ConfigException} naming its key.
 */
public final class WasmPluginConfig extends AbstractConfig {
    public static final String MODULE = "module";
    public static final String CONFIG = "config";
    public static final String TIMEOUT_MS = "timeout.ms";
    public static final String MEMORY_LIMIT_MB = "memory.limit.mb";
    public static final String FUEL = "fuel";
    public static final String INSTANCES = "instances";
    public static final String ENGINE = "engine";
    public static final String ON_ERROR = "on.error";
    public static final String NAME = "name";

    /** The largest memory limit the engine takes: its page cap, in whole MiB. */
    public static final int MAX_MEMORY_LIMIT_MB = ExecutionLimits.MAX_MEMORY_PAGES / 16;
    public static final int MAX_INSTANCES = 256;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WasmPluginConfig(ConfigDef def, Map<?, ?> props) {
        super(def, props);
    }

    /** The settings of a transform. */
    static WasmPluginConfig forTransform(Map<?, ?> props) {
        return new WasmPluginConfig(transformDefinition(), props);
    }

    /** The settings of a predicate. */
    static WasmPluginConfig forPredicate(Map<?, ?> props) {
        return new WasmPluginConfig(predicateDefinition(), props);
    }

    static ConfigDef transformDefinition() {
        return common().define(ON_ERROR, Type.STRING, "fail", ConfigDef.CaseInsensitiveValidString.in("fail", "skip"),
                Importance.MEDIUM, "What to do with a record the guest fails on (a trap, a timeout, a limit, an error "
                        + "status, output that is not an Event) or that cannot be converted: 'fail' throws a "
                        + "DataException, so the connector's errors.tolerance and dead letter queue decide; 'skip' "
                        + "drops the record and counts it.");
    }

    static ConfigDef predicateDefinition() {
        return common().define(ON_ERROR, Type.STRING, "fail", ConfigDef.CaseInsensitiveValidString.in("fail", "skip"),
                Importance.MEDIUM, "What to do when the guest's filter fails on a record: 'fail' throws a "
                        + "DataException (errors.tolerance decides); 'skip' answers false (the condition does not "
                        + "hold) and counts it.");
    }

    private static ConfigDef common() {
        return new ConfigDef()
                .define(MODULE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ModuleFile(), Importance.HIGH,
                        "Path of the rustcdc transform module, a .wasm file the worker can read. It is checked "
                                + "against the transform contract when the plugin is configured.")
                .define(CONFIG, Type.STRING, "{}", new JsonObjectText(), Importance.HIGH,
                        "JSON object passed to the guest's init export, with timeout_ms and memory_limit_mb added "
                                + "(the host's values win on a clash).")
                .define(TIMEOUT_MS, Type.LONG, WasmConfig.DEFAULT_TIMEOUT_MS, ConfigDef.Range.atLeast(1),
                        Importance.MEDIUM, "Wall-clock limit, in milliseconds, of the guest calls for one record.")
                .define(MEMORY_LIMIT_MB, Type.INT, WasmConfig.DEFAULT_MEMORY_LIMIT_MB,
                        ConfigDef.Range.between(1, MAX_MEMORY_LIMIT_MB), Importance.MEDIUM,
                        "Cap on the guest's linear memory, in MiB; memory.grow past it fails in the guest.")
                .define(FUEL, Type.LONG, WasmConfig.NO_FUEL_LIMIT, new Fuel(), Importance.MEDIUM,
                        "Instructions the guest may execute for one record, or -1 for no limit. Unlike the "
                                + "timeout it does not depend on the machine's load.")
                .define(INSTANCES, Type.INT, 1, ConfigDef.Range.between(1, MAX_INSTANCES), Importance.LOW,
                        "Guest instances in this plugin's pool: how many records it can process at once. Connect "
                                + "makes one plugin per task and calls it from the task's thread, so 1 is enough "
                                + "unless the plugin is shared between threads.")
                .define(ENGINE, Type.STRING, "auto",
                        ConfigDef.CaseInsensitiveValidString.in("interpreter", "compiler", "auto"), Importance.LOW,
                        "What runs the guest: 'interpreter'; 'compiler' (JVM bytecode, compiled when loaded); or "
                                + "'auto', which starts interpreted and compiles the module in the background once "
                                + "it is hot.")
                .define(NAME, Type.STRING, "", Importance.LOW,
                        "Name of the transform in logs and metrics; default: the module's file name without .wasm.");
    }

    public Path modulePath() {
        return Paths.get(getString(MODULE).trim());
    }

    /** The {@code name} setting, else the module file's name without {@code .wasm}. */
    public String name() {
        String name = getString(NAME).trim();
        if (!name.isEmpty()) {
            return name;
        }
        String file = modulePath().getFileName().toString();
        return file.toLowerCase(Locale.ROOT).endsWith(".wasm") ? file.substring(0, file.length() - 5) : file;
    }

    public long timeoutMs() {
        return getLong(TIMEOUT_MS);
    }

    public int memoryLimitMb() {
        return getInt(MEMORY_LIMIT_MB);
    }

    public long fuel() {
        return getLong(FUEL);
    }

    public int instances() {
        return getInt(INSTANCES);
    }

    public Engine engine() {
        return Engine.parse(getString(ENGINE));
    }

    public OnError onError() {
        return OnError.parse(getString(ON_ERROR));
    }

    /** The {@code config} object, as the abi's {@link WasmConfig#initConfig()} takes it. */
    public Map<String, Object> initConfig() {
        return parseObject(getString(CONFIG));
    }

    /** The abi's configuration of the module. */
    public WasmConfig wasmConfig() {
        return WasmConfig.builder().modulePath(modulePath()).name(name()).timeoutMs(timeoutMs())
                .memoryLimitMb(memoryLimitMb()).fuel(fuel()).initConfig(initConfig()).engine(engine()).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("must be a JSON object, like {\"fields_to_mask\":[\"email\"]}");
            }
            return JSON.convertValue(node, LinkedHashMap.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A readable {@code .wasm} file. */
    private static final class ModuleFile implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                throw new ConfigException(name, value, "must name a .wasm file");
            }
            if (!text.toLowerCase(Locale.ROOT).endsWith(".wasm")) {
                throw new ConfigException(name, value, "must name a .wasm file (the name does not end in .wasm)");
            }
            Path path;
            try {
                path = Paths.get(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ConfigException(name, value, "is not a valid path: " + e.getMessage());
            }
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(name, value, "no such file (" + path.toAbsolutePath() + ")");
            }
            if (!Files.isReadable(path)) {
                throw new ConfigException(name, value, "the file is not readable");
            }
        }

        @Override
        public String toString() {
            return "path of a readable .wasm file";
        }
    }

    /** Text of a JSON object. */
    private static final class JsonObjectText implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                parseObject(value == null ? "" : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a JSON object";
        }
    }

    /** -1 or a positive instruction count. */
    private static final class Fuel implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value instanceof Long n && n != WasmConfig.NO_FUEL_LIMIT && n < 1) {
                throw new ConfigException(name, value, "must be a positive instruction count, or -1 for no limit");
            }
        }

        @Override
        public String toString() {
            return "-1 (no limit) or [1,...]";
        }
    }
}
