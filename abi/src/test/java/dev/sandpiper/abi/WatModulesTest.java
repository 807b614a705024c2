package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WasmModule#load} takes the text format wherever it takes a binary, decided by content
 * ({@link ModuleSource}): a {@code .wat} file, text bytes, and a malformed text's
 * {@code FILE:LINE:COL: message}.
 */
class WatModulesTest {
    private static final Path MINUS_7 = Guests.EXAMPLES.resolve("bad-returns-minus-7").resolve("bad-returns-minus-7.wat");

    @Test
    void aWatFileLoadsAndRunsLikeItsBinary() throws Exception {
        WasmModule m = WasmModule.load(WasmConfig.builder().modulePath(MINUS_7).engine(Engine.INTERPRETER).build());
        assertEquals("bad-returns-minus-7", WasmConfig.of(MINUS_7).name());
        try (WasmRuntime rt = m.newRuntime()) {
            assertFailed(TransformError.Kind.GUEST_FAILURE, "transform returned error code -7",
                    rt.transform(Guests.sampleEvents().get(0)));
        }
    }

    @Test
    void textBytesLoadToo() throws Exception {
        byte[] text = Files.readAllBytes(MINUS_7);
        assertFalse(ModuleSource.isBinary(text));
        assertTrue(ModuleSource.isText(text, "minus7"));
        assertFalse(ModuleSource.isText("not wasm".getBytes(StandardCharsets.UTF_8), "junk"));
        assertTrue(ModuleSource.isText("not wasm".getBytes(StandardCharsets.UTF_8), "junk.wat"));
        assertFalse(ModuleSource.isText(new byte[0], "empty.wasm"));
        byte[] wasm = Files.readAllBytes(Guests.EXAMPLES.resolve("bad-returns-minus-7").resolve("bad-returns-minus-7.wasm"));
        assertTrue(ModuleSource.isBinary(wasm));
        assertArrayEquals(wasm, ModuleSource.toBinary(wasm, "x"));
        WasmModule m = WasmModule.load(text, WasmConfig.builder().name("minus7").engine(Engine.INTERPRETER).build());
        assertTrue(m.exports("init"));
    }

    @Test
    void aMalformedWatNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.wat");
        Files.writeString(bad, "(module\n  (func (result i32)\n    i32.const 1 i32.bogus))\n", StandardCharsets.UTF_8);
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(WasmConfig.builder().modulePath(bad).build()));
        assertEquals(WasmLoadException.Kind.MODULE, e.kind());
        assertEquals(bad + ":3:17: unknown operator i32.bogus", e.getMessage());
    }
}
