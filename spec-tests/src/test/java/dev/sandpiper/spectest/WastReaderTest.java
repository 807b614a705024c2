package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.compiler.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** A small {@code .wast} with every command form, run on both tiers without the suite. */
class WastReaderTest {
    static final String SCRIPT = """
            (module $M
              (global (export "g") i32 (i32.const 42))
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "nan") (result f32) (f32.div (f32.const 0) (f32.const 0)))
              (func (export "lanes") (result v128) (v128.const f32x4 1 nan 2 -nan:0x600000))
              (func (export "ext") (param externref) (result externref) (local.get 0))
              (func $f (export "fref") (result funcref) (ref.func $f))
              (func (export "trap") (unreachable))
              (func $loop (export "loop") (call $loop)))
            (register "m" $M)
            (module binary "\\00asm" "\\01\\00\\00\\00")
            (module quote "(func (export \\"one\\") (result i32) i32.const 1)")
            (assert_return (invoke "one") (i32.const 1))
            (assert_return (invoke $M "add" (i32.const -1) (i32.const 2)) (i32.const 1))
            (assert_return (get $M "g") (i32.const 42))
            (assert_return (invoke $M "nan") (f32.const nan:canonical))
            (assert_return (invoke $M "nan") (f32.const nan:arithmetic))
            (assert_return (invoke $M "lanes") (v128.const f32x4 1 nan:canonical 2 nan:arithmetic))
            (assert_return (invoke $M "ext" (ref.extern 7)) (ref.extern 7))
            (assert_return (invoke $M "ext" (ref.null extern)) (ref.null extern))
            (assert_return (invoke $M "fref") (ref.func))
            (invoke $M "add" (i32.const 1) (i32.const 1))
            (assert_trap (invoke $M "trap") "unreachable")
            (assert_exhaustion (invoke $M "loop") "call stack exhausted")
            (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
            (assert_malformed (module binary "\\00asm") "unexpected end")
            (assert_malformed (module (func (nop) (nop)) (func $f) (func $f)) "duplicate func")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_unlinkable (module (import "m" "nope" (func))) "unknown import")
            (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
            (module (import "m" "add" (func (param i32 i32) (result i32))))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void everyCommandFormRuns(Engine engine) throws Exception {
        Path wast = Files.writeString(dir.resolve("forms.wast"), SCRIPT);
        SpecScript script = SpecScript.read(wast);
        assertEquals(List.of("module", "register", "module", "module", "assert_return", "assert_return",
                "assert_return", "assert_return", "assert_return", "assert_return", "assert_return",
                "assert_return", "assert_return", "action", "assert_trap", "assert_exhaustion", "assert_malformed",
                "assert_malformed", "assert_malformed", "assert_invalid", "assert_unlinkable",
                "assert_uninstantiable", "module"), script.commands().stream().map(Command::type).toList());
        SpecRunner runner = new SpecRunner(script, engine);
        List<String> failed = new ArrayList<>();
        for (Command c : script.commands()) {
            Outcome o = runner.run(c);
            if (o.status() != Outcome.Status.PASSED) {
                failed.add(c.displayName(script.sourceFile()) + ": " + o.message());
            }
        }
        assertEquals(List.of(), failed);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER"})
    void wrongExpectationsFail(Engine engine) throws Exception {
        Path wast = Files.writeString(dir.resolve("wrong.wast"), """
                (module (func (export "one") (result f32) (f32.const 1)))
                (assert_return (invoke "one") (f32.const nan:arithmetic))
                (assert_return (invoke "one") (f32.const 2))
                (assert_malformed (module quote "(func)") "unexpected token")
                (assert_invalid (module (func (result i32) (i32.const 0 0))) "type mismatch")
                (assert_trap (invoke "one") "unreachable")
                (bogus)
                (assert_return (invoke "one") (f32.const 1))
                """);
        SpecScript script = SpecScript.read(wast);
        SpecRunner runner = new SpecRunner(script, engine);
        List<Outcome.Status> got = script.commands().stream().map(c -> runner.run(c).status()).toList();
        assertEquals(List.of(Outcome.Status.PASSED, Outcome.Status.FAILED, Outcome.Status.FAILED,
                Outcome.Status.FAILED, Outcome.Status.FAILED, Outcome.Status.FAILED, Outcome.Status.FAILED,
                Outcome.Status.PASSED), got);
    }
}
