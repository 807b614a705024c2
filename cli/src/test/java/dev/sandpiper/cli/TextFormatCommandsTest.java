package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text format on the command line: {@code print}, {@code wat2wasm}, and {@code .wat} files
 * where {@code invoke}, {@code validate} and {@code transforms validate} read a module.
 */
class TextFormatCommandsTest {
    private static final Path ENGINE = Paths.get("..", "examples", "engine");

    @Test
    void invokeRunsAWatExample() {
        CliRun r = CliRun.main("invoke", ENGINE.resolve("fib.wat").toString(), "fib", "20");
        assertEquals("i32:6765\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void validateAcceptsWatAndReportsFileLineColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.wat");
        Files.writeString(bad, "(module\n  (func (result i32) i32.const 1 i32.bogus))\n");
        CliRun r = CliRun.main("validate", ENGINE.resolve("numbers.wat").toString(), bad.toString());
        assertEquals(ENGINE.resolve("numbers.wat") + ": ok (3 functions, 0 imports, 3 exports)\n"
                + bad + ": malformed: " + bad + ":2:34: unknown operator i32.bogus\n", r.out());
        assertEquals(1, r.status());
        CliRun i = CliRun.main("invoke", bad.toString(), "f");
        assertEquals("malformed: " + bad + ":2:34: unknown operator i32.bogus\n", i.out());
        assertEquals(1, i.status());
    }

    @Test
    void wat2wasmWritesTheSameBinaryAsTheExamples(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"fib", "grow", "loop", "numbers", "recursion"}) {
            Path out = dir.resolve(name + ".wasm");
            CliRun r = CliRun.main("wat2wasm", ENGINE.resolve(name + ".wat").toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(Files.readAllBytes(ENGINE.resolve(name + ".wasm")), Files.readAllBytes(out), name);
        }
        Path bad = dir.resolve("bad.wat");
        Files.writeString(bad, "(module\n  (func nop\n    i32.bogus))");
        CliRun r = CliRun.main("wat2wasm", bad.toString(), "-o", dir.resolve("bad.wasm").toString());
        assertEquals(1, r.status());
        assertEquals(bad + ":3:5: unknown operator i32.bogus\n", r.err());
        assertEquals(Main.USAGE, CliRun.main("wat2wasm", bad.toString()).status());
    }

    @Test
    void printGivesTextThatRunsTheSame(@TempDir Path dir) throws Exception {
        CliRun p = CliRun.main("print", ENGINE.resolve("numbers.wasm").toString());
        assertEquals(0, p.status(), p.err());
        assertTrue(p.out().startsWith("(module\n  (type (;0;) (func"), p.out());
        Path printed = dir.resolve("numbers.wat");
        Files.writeString(printed, p.out());
        CliRun r = CliRun.main("invoke", printed.toString(), "nan_bits", "f32:nan:0x200001");
        assertEquals("i32:" + 0x7FA00001 + "\n", r.out());
        assertEquals(Main.USAGE, CliRun.main("print").status());
    }

    @Test
    void transformsValidateTakesAWatGuest() {
        Path wat = Paths.get("..", "examples", "transforms", "bad-returns-minus-7", "bad-returns-minus-7.wat");
        CliRun r = CliRun.main("transforms", "validate", wat.toString());
        assertEquals(wat + ": ok (a transform module; optional exports: init, shutdown)\n", r.out());
        Path noMemory = Paths.get("..", "examples", "transforms", "bad-no-memory", "bad-no-memory.wat");
        CliRun bad = CliRun.main("transforms", "validate", noMemory.toString());
        assertTrue(bad.out().startsWith(noMemory + ": contract: export memory is missing"), bad.out());
    }
}
