package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.spectest.SpecRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --engine} on every command that runs code: honoured, {@code auto} by default, bad values rejected. */
class EngineOptionTest {
    private static final Path EXAMPLES = Paths.get("..", "examples");
    private static final String FIB = EXAMPLES.resolve("engine/fib.wasm").toString();
    private static final Path SAMPLE = EXAMPLES.resolve("events/sample.jsonl");
    private static final String MASK_PII = EXAMPLES.resolve("transforms/mask-pii/mask-pii.wasm").toString();
    private static final String MASK = "{\"fields_to_mask\":[\"email\",\"phone\",\"ssn\"]}";

    /**
     * Three functions: {@code v} returns a v128 (compiled like any other), {@code one} returns i32
     * 1, and {@code huge} (i32) -> i32 adds 1 to its parameter 2,500 times, which is over HotSpot's
     * 8,000-byte compile limit, so the compiler leaves it to the interpreter.
     */
    private static byte[] vectorOneAndHuge() {
        Code huge = Code.code();
        for (int i = 0; i < 2500; i++) {
            huge.localGet(0).i32Const(1).op(Opcode.I32_ADD).localSet(0);
        }
        byte[] lanes = {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0};
        return ModuleBytes.module()
                .type(List.of(), List.of(ValType.V128))
                .type(List.of(), List.of(ValType.I32))
                .type(List.of(ValType.I32), List.of(ValType.I32))
                .function(0, Code.code().v128Const(lanes).end())
                .function(1, Code.code().i32Const(1).end())
                .function(2, huge.localGet(0).end())
                .export("v", ExternKind.FUNC, 0)
                .export("one", ExternKind.FUNC, 1)
                .export("huge", ExternKind.FUNC, 2)
                .build();
    }

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private static Result main(String... args) {
        return run(o -> e -> Main.run(args, o, e));
    }

    private static Result run(Function<PrintStream, Function<PrintStream, Integer>> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.apply(new PrintStream(out, true, StandardCharsets.UTF_8))
                .apply(new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertRejected(Result r, String command, String value) {
        assertEquals(Main.USAGE, r.status(), r.err());
        assertTrue(r.err().startsWith("sandpiper " + command + ": --engine: unknown engine '" + value
                + "': use interpreter, compiler or auto\n"), r.err());
        assertTrue(r.err().contains("[--engine interpreter|compiler|auto]"), "the usage follows: " + r.err());
    }

    // ---- invoke ----

    @Test
    void invokeWithTheCompilerRunsTheCallCompiled() {
        Result r = main("invoke", "--engine", "compiler", "--stats", FIB, "fib", "20");
        assertEquals(0, r.status(), r.err());
        assertEquals("i32:6765\n", r.out());
        assertTrue(r.err().endsWith("\ntier: compiled (1 of 1 functions compiled)\n"), r.err());
    }

    @Test
    void invokeWithTheInterpreterOrAutoRunsOneCallInterpreted() {
        for (String[] engine : List.of(new String[] {"--engine", "interpreter"}, new String[] {"--engine", "auto"},
                new String[0])) {
            List<String> args = new ArrayList<>(List.of("invoke", "--stats"));
            args.addAll(List.of(engine));
            args.addAll(List.of(FIB, "fib", "20"));
            Result r = main(args.toArray(String[]::new));
            assertEquals("i32:6765\n", r.out());
            assertTrue(r.err().endsWith("\ntier: interpreter\n"), String.join(" ", engine) + ": " + r.err());
        }
    }

    @Test
    void invokeSaysWhenTheCalledFunctionStaysInTheInterpreter() throws Exception {
        Path module = Files.write(dir.resolve("huge.wasm"), vectorOneAndHuge());
        Result huge = main("invoke", "--engine", "compiler", "--stats", module.toString(), "huge", "5");
        assertEquals("i32:2505\n", huge.out(), huge.err());
        assertTrue(huge.err().endsWith("\ntier: interpreter (the function is not compiled; 2 of 3 functions compiled)\n"),
                huge.err());
        for (String name : List.of("v", "one")) {
            Result r = main("invoke", "--engine", "compiler", "--stats", module.toString(), name);
            assertEquals(name.equals("v") ? "v128:i32x4:1,2,3,4\n" : "i32:1\n", r.out(), r.err());
            assertTrue(r.err().endsWith("\ntier: compiled (2 of 3 functions compiled)\n"), name + ": " + r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "", "COMPILERS"})
    void invokeRejectsABadEngine(String value) {
        assertRejected(main("invoke", "--engine", value, FIB, "fib", "1"), "invoke", value);
    }

    @Test
    void anEngineWithoutAValueIsAUsageError() {
        Result r = main("invoke", FIB, "fib", "1", "--engine");
        assertEquals(Main.USAGE, r.status());
        assertTrue(r.err().startsWith("sandpiper invoke: --engine needs a value\n"), r.err());
    }

    // ---- transform ----

    @Test
    void transformTakesTheEngineIntoTheModulesConfig() {
        assertEquals(Engine.AUTO, TransformCommand.TransformOptions.parse(new String[] {"--module", "m.wasm"})
                .wasmConfig().engine());
        assertEquals(Engine.COMPILER, TransformCommand.TransformOptions.parse(
                new String[] {"--module", "m.wasm", "--engine", "compiler"}).wasmConfig().engine());
    }

    @Test
    void transformGivesTheSameOutputsOnTheCompilerAsOnTheInterpreter() {
        List<String> outputs = new ArrayList<>();
        for (String engine : List.of("interpreter", "compiler")) {
            Result r = main("transform", "--engine", engine, "--timeout-ms", "5000", "--warmup-ms", "0", "--module",
                    MASK_PII, "--config", MASK, "--input", SAMPLE.toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().contains("in 40 = out 40 + filtered 0 + failed 0\n"), r.err());
            outputs.add(r.out());
        }
        assertTrue(outputs.get(0).contains("***REDACTED***"), outputs.get(0));
        assertEquals(outputs.get(0), outputs.get(1));
    }

    @Test
    void transformRejectsABadEngine() {
        assertRejected(main("transform", "--module", MASK_PII, "--engine", "jit"), "transform", "jit");
    }

    // ---- run ----

    @Test
    void runWritesTheExpectedFilesOnTheCompiler() throws Exception {
        Path example = EXAMPLES.resolve("pipeline");
        Result r = main("run", example.resolve("pipeline.yaml").toString(), "--engine", "compiler", "--warmup-ms", "0",
                "--input", "cdc.raw=" + SAMPLE, "--output-dir", dir.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : List.of("clean.users.jsonl", "clean.orders.jsonl", "_dlq.jsonl")) {
            assertArrayEquals(Files.readAllBytes(example.resolve("expected").resolve(f)),
                    Files.readAllBytes(dir.resolve(f)), f);
        }
    }

    @Test
    void runRejectsABadEngine() {
        assertRejected(main("run", "p.yaml", "--engine", "hotspot", "--input", "a=b", "--output-dir", "o"), "run",
                "hotspot");
    }

    // ---- spec ----

    /** A wast2json script calling fib, beside a copy of fib.wasm. */
    private Path fibScript() throws Exception {
        Files.copy(Paths.get(FIB), dir.resolve("fib.0.wasm"));
        return Files.writeString(dir.resolve("fib.json"), """
                {"source_filename": "fib.wast", "commands": [
                  {"type": "module", "line": 1, "filename": "fib.0.wasm"},
                  {"type": "assert_return", "line": 2,
                   "action": {"type": "invoke", "field": "fib", "args": [{"type": "i32", "value": "20"}]},
                   "expected": [{"type": "i32", "value": "6765"}]}]}
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiler", "auto"})
    void specRunsEveryScriptOnTheEngine(String engine) throws Exception {
        Path script = fibScript();
        List<Engine> given = new ArrayList<>();
        Result r = run(o -> e -> new SpecCommand(o, e, (s, en, f) -> {
            given.add(en);
            return new SpecRunner(s, en, f);
        }).run(new String[] {"--engine", engine, script.toString()}));
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("2 passed, 0 failed, 0 skipped"), r.out());
        assertEquals(List.of(Engine.parse(engine)), given);
    }

    @Test
    void specRunsOnAutoByDefault() throws Exception {
        Path script = fibScript();
        List<Engine> given = new ArrayList<>();
        List<Features> features = new ArrayList<>();
        Result r = run(o -> e -> new SpecCommand(o, e, (s, en, f) -> {
            given.add(en);
            features.add(f);
            return new SpecRunner(s, en, f);
        }).run(new String[] {script.toString()}));
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(List.of(Engine.AUTO), given);
        assertEquals(List.of(Features.all()), features, "every implemented feature unless --features says otherwise");
    }

    @Test
    void specRejectsABadEngine() {
        assertRejected(main("spec", "--engine", "aot", "x.json"), "spec", "aot");
    }
}
