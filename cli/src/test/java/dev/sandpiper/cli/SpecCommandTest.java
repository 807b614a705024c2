package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandpiper spec} on {@code .wast} scripts: a file, a folder, a failing script, a broken one. */
class SpecCommandTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private static Result spec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SpecCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path script(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runsAWastFile() throws Exception {
        Path wast = script("add.wast", """
                (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
                (assert_malformed (module quote "(func (i32.const nope))") "unexpected token")
                """);
        Result r = spec("--engine", "interpreter", wast.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("add.wast"), r.out());
        assertTrue(r.out().contains("3 passed, 0 failed, 0 skipped"), r.out());
    }

    @Test
    void runsAFolderOfWastFilesAndReportsFailures() throws Exception {
        script("a.wast", "(module (func (export \"one\") (result i32) (i32.const 1)))\n"
                + "(assert_return (invoke \"one\") (i32.const 1))\n");
        script("b.wast", "(module (func (export \"one\") (result i32) (i32.const 1)))\n"
                + "(assert_return (invoke \"one\") (i32.const 2))\n");
        Result r = spec("--engine", "compiler", dir.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("b.wast:2 assert_return: failed"), r.out());
        assertTrue(r.out().contains("3 passed, 1 failed, 0 skipped"), r.out());
    }

    @Test
    void aScriptThatDoesNotTokenizeIsAnError() throws Exception {
        Path wast = script("bad.wast", "(module (; unclosed");
        Result r = spec(wast.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("bad.wast"), r.err());
    }

    @Test
    void featuresLimitWhatTheScriptsModulesMayUse() throws Exception {
        Path wast = script("tail.wast", """
                (module (func (export "f") (result i32) (return_call 1)) (func (result i32) (i32.const 5)))
                (assert_return (invoke "f") (i32.const 5))
                """);
        Result all = spec("--engine", "interpreter", wast.toString());
        assertEquals(0, all.status(), all.out() + all.err());
        assertTrue(all.out().contains("2 passed, 0 failed, 0 skipped"), all.out());
        Result v2 = spec("--engine", "interpreter", "--features", "2.0", wast.toString());
        assertEquals(1, v2.status(), v2.out() + v2.err());
        assertTrue(v2.out().contains("needs feature tail-call"), v2.out());
    }
}
