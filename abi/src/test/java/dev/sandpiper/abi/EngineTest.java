package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.compiler.runtime.CompiledTier;
import dev.sandpiper.interpreter.ModuleTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WasmConfig#engine}: which tier a module's runtimes run on. The compiled tier gives the same
 * results as the interpreter on every example guest, byte for byte, and every runtime of a module
 * shares its one compiled class.
 */
class EngineTest {
    private static final List<byte[]> LINES = Guests.sampleLines();

    /** The example guests with the configuration each is run with. */
    private static Map<String, Object> config(String guest) {
        return switch (guest) {
            case "mask-pii" -> Guests.MASK_CONFIG;
            case "enrich" -> Map.of("tag", "t1");
            case "route-by-table" -> Map.of("topic_prefix", "cdc.");
            default -> Map.of();
        };
    }

    private static WasmModule load(String guest, Engine engine) {
        return Guests.load(Guests.relaxed(Guests.example(guest)).initConfig(config(guest)).engine(engine));
    }

    /** What a result says, comparable across engines: the output bytes and topic, the filter or the error. */
    private static String describe(TransformResult r) {
        if (r instanceof TransformResult.Ok ok) {
            return "ok " + ok.topic() + " " + Guests.text(ok.json());
        }
        return r instanceof TransformResult.Failed f ? "failed " + f.error() : "filtered";
    }

    /** Every sample event through filter, transform and (where exported) route, then the guest's metrics and logs. */
    private static List<String> runAll(WasmModule module) {
        List<String> results = new ArrayList<>();
        try (LogCapture log = LogCapture.transform(module.name()); WasmRuntime r = module.newRuntime()) {
            for (byte[] line : LINES) {
                results.add(describe(r.process(line, 0, line.length, module.exports("route"))));
            }
            results.add("metrics " + r.metrics());
            results.add("logs " + log.lines());
        }
        return results;
    }

    @Test
    void theDefaultIsAuto() {
        Path mask = Guests.example("mask-pii");
        assertEquals(Engine.AUTO, WasmConfig.of(mask).engine());
        assertEquals(Engine.AUTO, WasmConfig.builder().build().engine());
        WasmConfig compiler = WasmConfig.builder().engine(Engine.COMPILER).build();
        assertEquals(Engine.COMPILER, compiler.toBuilder().timeoutMs(7).build().engine(), "toBuilder keeps the engine");
        assertEquals(Engine.AUTO, Guests.load(mask).engine());
    }

    @Test
    void theCompilerCompilesAtLoadAutoWaitsUntilHotAndTheInterpreterNever() {
        WasmModule compiled = load("mask-pii", Engine.COMPILER);
        assertTrue(compiled.isCompiled());
        CompiledTier tier = assertInstanceOf(CompiledTier.class, compiled.compiled().tier());
        assertEquals(Engine.COMPILER, compiled.engine());
        int functions = compiled.compiled().module().functionCount();
        long runsCompiled = java.util.stream.IntStream.range(0, functions).filter(tier::compiles).count();
        assertTrue(runsCompiled > 0, "some functions of mask-pii compile");

        assertFalse(load("mask-pii", Engine.AUTO).isCompiled(), "auto starts in the interpreter");
        WasmModule interpreted = load("mask-pii", Engine.INTERPRETER);
        runAll(interpreted);
        assertFalse(interpreted.isCompiled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass-through", "mask-pii", "enrich", "drop-deletes", "route-by-table"})
    void theCompiledExampleGuestsGiveTheInterpretersOutputs(String guest) {
        WasmModule compiled = load(guest, Engine.COMPILER);
        assertTrue(compiled.isCompiled());
        List<String> expected = runAll(load(guest, Engine.INTERPRETER));
        assertEquals(LINES.size() + 2, expected.size());
        assertEquals(expected, runAll(compiled));
    }

    @Test
    void everyRuntimeOfAPoolSharesTheModulesCompiledCode() throws Exception {
        WasmModule module = load("mask-pii", Engine.COMPILER);
        ModuleTier tier = module.compiled().tier();
        try (WasmRuntimePool pool = new WasmRuntimePool(module, 3)) {
            pool.init();
            for (byte[] line : LINES) {
                Guests.assertOkBytes(pool.transformJson(line));
            }
            assertSame(module, pool.module());
        }
        assertSame(tier, module.compiled().tier(), "compiled once, at load; the runtimes only bind it");
    }

    @Test
    void aJvmThatRefusesToDefineClassesRejectsTheCompilerWithALoadError() throws Exception {
        byte[] bytes = Files.readAllBytes(Guests.example("pass-through"));
        WasmCompiler refusing = new WasmCompiler(classBytes -> {
            throw new SecurityException("defining classes is forbidden");
        });
        WasmLoadException e = assertThrows(WasmLoadException.class,
                () -> WasmModule.load(bytes, WasmConfig.builder().engine(Engine.COMPILER).build(), refusing));
        assertEquals(WasmLoadException.Kind.CONFIG, e.kind());
        Guests.assertStartsWith("engine: compiler is unavailable: ", e.getMessage());
        Guests.assertContains("defining classes is forbidden", e.getMessage());

        WasmModule interpreted = WasmModule.load(bytes, WasmConfig.builder().engine(Engine.INTERPRETER).build(),
                refusing);
        assertFalse(interpreted.isCompiled(), "the interpreter needs no class");
    }
}
