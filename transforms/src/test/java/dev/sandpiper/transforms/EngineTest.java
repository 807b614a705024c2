package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.event;
import static dev.sandpiper.transforms.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.compiler.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine of a {@link TransformHost} and a {@link PipelineRun}: every module deployed or reloaded
 * runs on it, and the example pipeline's outputs are the same on each.
 */
class EngineTest {
    @TempDir
    Path out;

    private static TransformSpec stamp(String stamp) {
        return TestSupport.spec("stamp", "in", "out", TestSupport.MARKS).config(Map.of("stamp", stamp)).build();
    }

    @Test
    void theDefaultIsAuto() {
        try (TransformHost host = TransformHost.builder().build()) {
            assertEquals(Engine.AUTO, host.engine());
        }
        assertThrows(IllegalArgumentException.class, () -> TransformHost.builder().engine(null));
        assertThrows(IllegalArgumentException.class, () -> PipelineRun.of(null).engine(null));
    }

    @Test
    void deploysAndHotReloadsLoadForTheHostsEngine() throws Exception {
        TestSupport.Sink sink = new TestSupport.Sink();
        try (TransformHost host = sink.host().engine(Engine.COMPILER).build()) {
            host.deploy(stamp("v1"));
            WasmModule v1 = host.module("stamp");
            assertEquals(Engine.COMPILER, v1.engine());
            assertTrue(v1.isCompiled());
            host.publish("in", utf8(event("t", 1, 1, "@@")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));

            host.reload(stamp("v2"));
            WasmModule v2 = host.module("stamp");
            assertNotSame(v1, v2);
            assertEquals(Engine.COMPILER, v2.engine());
            assertTrue(v2.isCompiled());
            host.publish("in", utf8(event("t", 1, 2, "@@")));
            assertTrue(host.awaitIdle(Duration.ofMinutes(1)));
            assertEquals(List.of(event("t", 1, 1, "v1"), event("t", 1, 2, "v2")), sink.topic("out"));
        }
    }

    @Test
    void theInterpreterNeverCompiles() throws Exception {
        try (TransformHost host = TransformHost.builder().engine(Engine.INTERPRETER).build()) {
            host.deploy(stamp("v1"));
            assertEquals(Engine.INTERPRETER, host.module("stamp").engine());
            assertFalse(host.module("stamp").isCompiled());
        }
    }

    @Test
    void aPipelineLoadedForTheHostsEngineIsDeployedAsLoadedAnyOtherIsLoadedAgain() throws Exception {
        Pipeline compiled = Specs.loadPipeline(ExamplePipelineTest.PIPELINE, Engine.COMPILER);
        assertTrue(compiled.module("mask-pii").isCompiled());
        try (TransformHost host = TransformHost.builder().engine(Engine.COMPILER).build()) {
            host.deploy(compiled);
            assertSame(compiled.module("mask-pii"), host.module("mask-pii"));
        }
        Pipeline auto = Specs.loadPipeline(ExamplePipelineTest.PIPELINE);
        assertEquals(Engine.AUTO, auto.module("route-by-table").engine());
        try (TransformHost host = TransformHost.builder().engine(Engine.INTERPRETER).build()) {
            host.deploy(auto);
            for (TransformSpec s : auto.transforms()) {
                assertEquals(Engine.INTERPRETER, host.module(s.name()).engine(), s.name());
                assertNotSame(auto.module(s.name()), host.module(s.name()), s.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theExamplePipelineGivesTheExpectedFilesOnEveryEngine(Engine engine) throws Exception {
        Pipeline pipeline = Specs.loadPipeline(ExamplePipelineTest.PIPELINE, engine);
        RunReport report = PipelineRun.of(pipeline).engine(engine).input("cdc.raw", TestSupport.SAMPLE_EVENTS)
                .outputDir(out).run();
        assertEquals("in 40 = out 35 + filtered 5 + dead letters 0 + skipped 0", report.accounting());
        for (String name : List.of("_dlq.jsonl", "clean.orders.jsonl", "clean.users.jsonl")) {
            assertArrayEquals(Files.readAllBytes(ExamplePipelineTest.EXPECTED.resolve(name)),
                    Files.readAllBytes(out.resolve(name)), engine + ": " + name);
        }
    }
}
