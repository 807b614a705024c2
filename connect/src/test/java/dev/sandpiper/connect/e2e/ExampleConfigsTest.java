package dev.sandpiper.connect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.connect.WasmPredicate;
import dev.sandpiper.connect.WasmTransform;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configurations users copy from {@code examples/connect/} (and the README): every Sandpiper plugin setting they
 * write is one the plugin defines (Connect ignores unknown keys silently, so a misspelt key would be lost), each
 * plugin configures with the repository's guests, and the transform chain is the one the end-to-end tests run
 * ({@link Pipelines#maskAndDrop}). A unit test: no database, broker or worker.
 */
class ExampleConfigsTest {
    private static final Path EXAMPLES = E2e.REPO_DIR.resolve("examples/connect");
    private static final String TRANSFORM = WasmTransform.class.getName();
    private static final String PREDICATE = WasmPredicate.class.getName();
    /** Keys Connect itself reads from a transform's or predicate's settings. */
    private static final Set<String> CONNECT_KEYS = Set.of("type", "predicate", "negate");

    /** A connector JSON's {@code config} object as a map. */
    private static Map<String, String> connectorJson(String file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(EXAMPLES.resolve(file).toFile());
        assertTrue(root.path("name").isTextual(), file + ": POST /connectors needs a name");
        Map<String, String> config = new LinkedHashMap<>();
        root.path("config").fields().forEachRemaining(e -> {
            assertTrue(e.getValue().isTextual(), () -> file + ": " + e.getKey() + " should be a string");
            config.put(e.getKey(), e.getValue().asText());
        });
        return config;
    }

    private static Properties properties(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(EXAMPLES.resolve(file))) {
            p.load(r);
        }
        return p;
    }

    /** Debezium Server's settings with its prefixes taken off, as the embedded engine receives them. */
    private static Map<String, String> debeziumServer() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Properties p = properties("debezium-server/application.properties");
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            if (k.startsWith("debezium.source.")) {
                out.put(k.substring("debezium.source.".length()), p.getProperty(k));
            } else if (k.startsWith("debezium.transforms") || k.startsWith("debezium.predicates")) {
                out.put(k.substring("debezium.".length()), p.getProperty(k));
            }
        }
        return out;
    }

    private static Map<String, String> config(String which) throws IOException {
        return which.endsWith(".json") ? connectorJson(which) : debeziumServer();
    }

    /** The settings of alias {@code alias} under {@code prefix} ("transforms." or "predicates."), prefix removed. */
    private static Map<String, String> settingsOf(Map<String, String> config, String prefix, String alias) {
        Map<String, String> out = new TreeMap<>();
        String p = prefix + alias + ".";
        config.forEach((k, v) -> {
            if (k.startsWith(p)) {
                out.put(k.substring(p.length()), v);
            }
        });
        return out;
    }

    /** The example's module path replaced by the repository's guest of the same file name. */
    private static Map<String, String> withRepoGuest(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>(settings);
        String module = settings.get("module");
        assertTrue(module != null && module.endsWith(".wasm"), () -> "module: " + module);
        String file = Path.of(module).getFileName().toString();
        out.put("module", E2e.guest(file.substring(0, file.length() - ".wasm".length())).toString());
        return out;
    }

    private static List<String> aliases(Map<String, String> config, String key) {
        List<String> out = new ArrayList<>();
        for (String a : config.getOrDefault(key, "").split(",")) {
            if (!a.isBlank()) {
                out.add(a.trim());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg-users-connector.json", "pg-users-predicate-connector.json", "application.properties"})
    void everySandpiperSettingIsDefinedAndEachPluginConfiguresWithTheRepositorysGuests(String which)
            throws IOException {
        Map<String, String> config = config(which);
        int plugins = 0;
        for (String prefix : List.of("transforms.", "predicates.")) {
            for (String alias : aliases(config, prefix.substring(0, prefix.length() - 1))) {
                Map<String, String> settings = settingsOf(config, prefix, alias);
                String type = settings.get("type");
                assertTrue(type != null, () -> which + ": " + prefix + alias + ".type missing");
                if (!type.equals(TRANSFORM) && !type.equals(PREDICATE)) {
                    continue;
                }
                ConfigDef def = type.equals(TRANSFORM) ? WasmTransform.CONFIG_DEF : WasmPredicate.CONFIG_DEF;
                for (String key : settings.keySet()) {
                    assertTrue(CONNECT_KEYS.contains(key) || def.names().contains(key),
                            () -> which + ": " + prefix + alias + "." + key + " is not a setting of " + type
                                    + " (its settings: " + def.names() + ")");
                }
                Map<String, String> props = withRepoGuest(settings);
                if (type.equals(TRANSFORM)) {
                    WasmTransform<SourceRecord> t = new WasmTransform<>();
                    t.configure(props);
                    t.close();
                } else {
                    WasmPredicate<SourceRecord> p = new WasmPredicate<>();
                    p.configure(props);
                    p.close();
                }
                plugins++;
            }
        }
        assertTrue(plugins >= 2, which + ": expected at least two Sandpiper plugins, found " + plugins);
    }

    /** Compared with the e2e chain; the module paths and names are the user's, memory.limit.mb is the test's own. */
    @ParameterizedTest
    @ValueSource(strings = {"pg-users-connector.json", "application.properties"})
    void theTransformChainIsTheOneTheEndToEndTestsRun(String which) throws IOException {
        Map<String, String> example = config(which);
        Map<String, String> tested = Pipelines.maskAndDrop("fail", "x");
        assertEquals(tested.get("transforms"), example.get("transforms"), which + ": transforms");
        for (Map.Entry<String, String> e : tested.entrySet()) {
            String key = e.getKey();
            if (key.endsWith(".module")) {
                assertEquals(Path.of(e.getValue()).getFileName().toString(),
                        Path.of(example.get(key)).getFileName().toString(), which + ": " + key);
            } else if (!key.endsWith(".name") && !key.endsWith(".memory.limit.mb")) {
                assertEquals(e.getValue(), example.get(key), which + ": " + key);
            }
        }
    }

    @Test
    void theWorkerFindsThePluginsThroughPluginPathWithServiceLoading() throws IOException {
        Properties worker = properties("connect-distributed.properties");
        assertEquals("service_load", worker.getProperty("plugin.discovery"));
        String path = worker.getProperty("plugin.path", "");
        assertTrue(path.contains("connect/target/plugin"), "plugin.path names the build's plugin folder's parent");
        assertFalse(path.contains("target/plugin/sandpiper-connect"),
                "plugin.path must name the folder holding sandpiper-connect/, not sandpiper-connect/ itself");
        for (String key : List.of("bootstrap.servers", "group.id", "config.storage.topic", "offset.storage.topic",
                "status.storage.topic", "key.converter", "value.converter")) {
            assertTrue(worker.getProperty(key) != null, () -> "worker setting " + key + " missing");
        }
    }
}
