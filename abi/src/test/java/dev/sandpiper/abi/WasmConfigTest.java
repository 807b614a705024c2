package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * contract.md, "Config checks": timeout_ms &gt; 0, memory_limit_mb &gt; 0, the module path exists and ends in
 * {@code .wasm} (case-insensitive). Each failure is a {@link WasmLoadException} of kind CONFIG naming the field.
 */
class WasmConfigTest {
    private static final Path MASK_PII = Guests.example("mask-pii");

    private static WasmLoadException rejected(WasmConfig config) {
        WasmLoadException e = assertThrows(WasmLoadException.class, () -> WasmModule.load(config));
        assertEquals(WasmLoadException.Kind.CONFIG, e.kind(), e::getMessage);
        return e;
    }

    @Test
    void defaultsAreTheReferenceOnes() {
        WasmConfig c = WasmConfig.of(MASK_PII);
        assertEquals(50, c.timeoutMs());
        assertEquals(16, c.memoryLimitMb());
        assertEquals(256, c.memoryLimitPages());
        assertEquals("mask-pii", c.name());
        assertEquals(Map.of(), c.initConfig());
        assertEquals(50, Guests.load(MASK_PII).timeoutMs());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void timeoutMsMustBePositive(long timeoutMs) {
        WasmLoadException e = rejected(Guests.config(MASK_PII).timeoutMs(timeoutMs).build());
        assertEquals("timeout_ms: must be positive, not " + timeoutMs, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void memoryLimitMbMustBePositive(int mb) {
        WasmLoadException e = rejected(Guests.config(MASK_PII).memoryLimitMb(mb).build());
        assertEquals("memory_limit_mb: must be 1..2047, not " + mb, e.getMessage());
    }

    @Test
    void memoryLimitMbAboveWhatTheEngineAddressesIsRejected() {
        // pointers are signed i32 (decision 3), so the engine caps memories at 32767 pages
        WasmLoadException e = rejected(Guests.config(MASK_PII).memoryLimitMb(2048).build());
        assertEquals("memory_limit_mb: must be 1..2047, not 2048", e.getMessage());
    }

    @Test
    void theSameChecksApplyWhenLoadingFromBytes() throws Exception {
        byte[] bytes = Files.readAllBytes(MASK_PII);
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(bytes, WasmConfig.builder().timeoutMs(0).build()));
        assertEquals(WasmLoadException.Kind.CONFIG, e.kind());
        assertEquals("timeout_ms: must be positive, not 0", e.getMessage());
        e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(bytes, WasmConfig.builder().memoryLimitMb(0).build()));
        assertEquals("memory_limit_mb: must be 1..2047, not 0", e.getMessage());
    }

    @Test
    void aMissingModulePathIsRejected() {
        WasmLoadException e = rejected(WasmConfig.builder().build());
        assertEquals("module_path: not set", e.getMessage());
    }

    @Test
    void aModuleFileThatDoesNotExistIsRejected(@TempDir Path dir) {
        Path missing = dir.resolve("missing.wasm");
        WasmLoadException e = rejected(WasmConfig.of(missing));
        assertEquals("module_path: " + missing + " does not exist", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mask-pii", "mask-pii.wasm.bak", "mask-pii.wasmx", "wasm"})
    void aModulePathNotEndingInDotWasmIsRejected(String fileName, @TempDir Path dir) throws Exception {
        Path file = Files.copy(MASK_PII, dir.resolve(fileName));
        WasmLoadException e = rejected(WasmConfig.of(file));
        assertEquals("module_path: " + file + " does not end in .wasm or .wat", e.getMessage());
    }

    /** The format is decided by content: a binary named {@code .wat} loads as the binary it is. */
    @Test
    void aBinaryNamedDotWatLoadsByContent(@TempDir Path dir) throws Exception {
        Path file = Files.copy(MASK_PII, dir.resolve("mask-pii.wat"));
        assertEquals("mask-pii", WasmModule.load(WasmConfig.of(file)).config().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MASK.WASM", "Mask.Wasm", "mask.wAsM"})
    void theDotWasmSuffixIsCaseInsensitive(String fileName, @TempDir Path dir) throws Exception {
        Path file = Files.copy(MASK_PII, dir.resolve(fileName));
        WasmModule m = WasmModule.load(WasmConfig.builder().modulePath(file).timeoutMs(Guests.RELAXED_TIMEOUT_MS)
                .build());
        assertEquals("mask", m.name().toLowerCase(java.util.Locale.ROOT));
        try (WasmRuntime r = m.newRuntime()) {
            Guests.assertOk(r.transform(Guests.event(1)));
        }
    }

    @Test
    void configIsCheckedBeforeTheFileIsRead(@TempDir Path dir) {
        WasmLoadException e = rejected(WasmConfig.builder().modulePath(dir.resolve("missing.wasm")).timeoutMs(0)
                .build());
        assertEquals("timeout_ms: must be positive, not 0", e.getMessage());
    }

    @Test
    void aFuelBudgetMustBePositive() {
        WasmLoadException e = rejected(Guests.config(MASK_PII).fuel(0).build());
        assertEquals("fuel: must be positive, not 0", e.getMessage());
    }
}
