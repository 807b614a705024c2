package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad settings fail at configure with a ConfigException naming the key; modules the contract rejects too. */
class ConfigurationTest {

    private static ConfigException configureFails(Map<String, String> props) {
        WasmTransform<SourceRecord> t = new WasmTransform<>();
        return assertThrows(ConfigException.class, () -> t.configure(props));
    }

    private static void assertNames(ConfigException e, String key) {
        assertTrue(e.getMessage().contains(key), () -> "message does not name " + key + ": " + e.getMessage());
    }

    @Test
    void moduleIsRequired() {
        ConfigException e = configureFails(Map.of("engine", "interpreter"));
        assertNames(e, "\"module\"");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "timeout.ms|0",
        "timeout.ms|-5",
        "timeout.ms|soon",
        "memory.limit.mb|0",
        "memory.limit.mb|4096",
        "fuel|0",
        "fuel|-2",
        "instances|0",
        "instances|100000",
        "engine|jit",
        "on.error|ignore",
        "config|[1,2]",
        "config|{not json",
        "config|{} trailing",
    })
    void badValueNamesItsKey(String key, String value) {
        ConfigException e = configureFails(props(guest("pass-through"), key, value));
        assertNames(e, key);
    }

    @ParameterizedTest
    @CsvSource({"examples.txt", "../examples/transforms/none/none.wasm", "' '"})
    void badModulePathNamesModule(String path) {
        ConfigException e = configureFails(props(path));
        assertNames(e, "module");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-import-wasi|wasi_snapshot_preview1.fd_write",
        "bad-import-fd-write|env.fd_write",
        "bad-export-signature|transform",
        "bad-no-memory|memory",
    })
    void moduleTheContractRejectsFailsAtConfigureWithTheLoadersMessage(String name, String named) {
        ConfigException e = configureFails(props(guest(name)));
        assertNames(e, "module");
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void memoryLimitBelowTheModulesInitialMemoryIsRejected() {
        // The Rust guests start at 17 pages (1.06 MiB).
        ConfigException e = configureFails(props(guest("mask-pii"), "memory.limit.mb", "1"));
        assertTrue(e.getMessage().contains("memory"), e.getMessage());
    }

    @Test
    void configTheGuestsInitRejectsFailsAtConfigure() {
        ConfigException e = configureFails(props(guest("mask-pii"), "config", "{\"fields_to_mask\": 5}"));
        assertNames(e, "config");
        assertTrue(e.getMessage().contains("init returned 2"), e.getMessage());
    }

    @Test
    void predicateNeedsAFilterExport() {
        WasmPredicate<SourceRecord> p = new WasmPredicate<>();
        ConfigException e = assertThrows(ConfigException.class, () -> p.configure(props(guest("mask-pii"))));
        assertNames(e, "module");
        assertTrue(e.getMessage().contains("filter"), e.getMessage());
    }

    @Test
    void everyKeyIsDocumentedWithItsDefault() {
        for (ConfigDef def : new ConfigDef[] {WasmTransform.CONFIG_DEF, WasmPredicate.CONFIG_DEF}) {
            assertEquals(java.util.Set.of("module", "config", "timeout.ms", "memory.limit.mb", "fuel", "instances",
                    "engine", "on.error", "name"), def.names());
            for (ConfigDef.ConfigKey k : def.configKeys().values()) {
                assertNotNull(k.documentation, k.name);
                assertFalse(k.documentation.isBlank(), k.name);
            }
            assertEquals("auto", def.defaultValues().get("engine"));
            assertEquals("fail", def.defaultValues().get("on.error"));
            assertEquals(50L, def.defaultValues().get("timeout.ms"));
            assertEquals(16, def.defaultValues().get("memory.limit.mb"));
            assertEquals(-1L, def.defaultValues().get("fuel"));
            assertEquals(1, def.defaultValues().get("instances"));
        }
    }

    @Test
    void valuesAreCaseInsensitiveAndTrimmed() {
        WasmTransform<SourceRecord> t = new WasmTransform<>();
        t.configure(props(" " + guest("pass-through") + " ", "engine", "Interpreter", "on.error", "SKIP"));
        t.close();
    }
}
