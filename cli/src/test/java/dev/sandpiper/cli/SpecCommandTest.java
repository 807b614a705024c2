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
    void aFormThatDoesNotTokenizeIsAFailedCommandAndTheRestRuns() throws Exception {
        Path wast = script("bad.wast", "(module (func (export \"one\") (result i32) (i32.const 1)))\n"
                + "(assert_return (invoke \"one\") (i32.const 1))\n"
                + "(module (; unclosed");
        Result r = spec(wast.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("bad.wast:3 module: failed"), r.out());
        assertTrue(r.out().contains("2 passed, 1 failed, 0 skipped"), r.out());
    }

    @Test
    void theReportSkipsCommandsNeedingA30FeatureAndNamesIt() throws Exception {
        Files.createDirectories(dir.resolve("legacy"));
        script("t.wast", """
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 1))
                (module $G (memory 1 1 shared) (func (export "two") (result i32) (i32.const 2)))
                (assert_return (invoke $G "two") (i32.const 2))
                (module (func (export "tail") (result i32) (return_call 0)))
                """);
        script("legacy/t.wast", "(module (func (try (do) (catch_all))))\n");
        Result r = spec("--report", "--engine", "interpreter", dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        // the engine implements tail calls: that module runs (and loads); threads and exceptions are skipped
        assertTrue(r.out().contains("3 passed, 0 failed, 3 skipped"), r.out());
        assertTrue(r.out().contains("legacy/t.wast"), r.out());
        assertTrue(r.out().contains("skipped for: exceptions 1, legacy exceptions 1, threads 2"), r.out());
        Result md = spec("--report", "--markdown", "--engine", "interpreter", dir.resolve("t.wast").toString());
        assertTrue(md.out().contains("| t.wast | 3 | 0 | 2 | threads 2 |"), md.out());
        Result v2 = spec("--report", "--features", "2.0", "--engine", "interpreter", dir.resolve("t.wast").toString());
        assertEquals(0, v2.status(), v2.out() + v2.err());
        assertTrue(v2.out().contains("2 passed, 0 failed, 3 skipped"), "2.0 features skip tail calls: " + v2.out());
        assertTrue(v2.out().contains("skipped for: tail calls 1, threads 2"), v2.out());
        Result plain = spec("--engine", "interpreter", dir.toString());
        assertEquals(1, plain.status(), "without --report the 3.0 commands run, and fail: " + plain.out());
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
