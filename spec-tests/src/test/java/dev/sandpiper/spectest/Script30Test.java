package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.compiler.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 3.0 script forms: {@code (module definition ...)} defines without instantiating, {@code
 * (module instance ...)} instantiates generatively, {@code (either ...)} accepts any alternative.
 */
class Script30Test {
    @TempDir
    Path dir;

    private List<Outcome.Status> run(String text, Engine engine) throws IOException {
        Path file = dir.resolve("s.wast");
        Files.writeString(file, text);
        SpecScript s = SpecScript.readWast(file);
        SpecRunner r = new SpecRunner(s, engine);
        return s.commands().stream().map(c -> r.run(c).status()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void instancesOfADefinitionAreDistinct(Engine engine) throws IOException {
        List<Outcome.Status> out = run("""
                (module definition $M
                  (global $g (mut i32) (i32.const 0))
                  (func (export "inc") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
                (module instance $A $M)
                (module instance $B $M)
                (assert_return (invoke $A "inc") (i32.const 1))
                (assert_return (invoke $A "inc") (i32.const 2))
                (assert_return (invoke $B "inc") (i32.const 1))
                (module instance $M)
                (assert_return (invoke "inc") (i32.const 1))
                """, engine);
        assertEquals(List.of(Outcome.Status.PASSED), out.stream().distinct().toList(), out.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void aDefinitionIsNotInstantiated(Engine engine) throws IOException {
        // the start function would trap on instantiation; its definition alone does not run it
        List<Outcome.Status> out = run("""
                (module definition $T (func $s unreachable) (start $s))
                (module instance $T)
                (module definition (func (result i32) (i32.const 1) (i32.const 2)))
                """, engine);
        assertEquals(List.of(Outcome.Status.PASSED, Outcome.Status.FAILED, Outcome.Status.FAILED), out);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"INTERPRETER", "COMPILER"})
    void eitherMatchesAnyAlternative(Engine engine) throws IOException {
        List<Outcome.Status> out = run("""
                (module (func (export "f") (result i32 f32) (i32.const 2) (f32.const nan)))
                (assert_return (invoke "f") (either (i32.const 1) (i32.const 2)) (either (f32.const nan:canonical)))
                (assert_return (invoke "f") (either (i32.const 1) (i32.const 3)) (f32.const nan:canonical))
                """, engine);
        assertEquals(List.of(Outcome.Status.PASSED, Outcome.Status.PASSED, Outcome.Status.FAILED), out);
    }
}
