package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.spectest.features.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands inherit the features of the modules they use; the gate skips by them and runs the rest. */
class ScriptFeaturesTest {
    @TempDir
    Path dir;

    private SpecScript script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return SpecScript.readWast(Files.writeString(file, text));
    }

    private static final Set<Feature> NONE = EnumSet.noneOf(Feature.class);

    @Test
    void actionsAndRegistrationsInheritTheirModule() throws IOException {
        SpecScript s = script("a.wast", """
                (module $T (func (export "f") (result i32) (return_call $g)) (func $g (result i32) (i32.const 1)))
                (module $P (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke $T "f") (i32.const 1))
                (assert_return (invoke "f") (i32.const 1))
                (register "t" $T)
                (module (import "t" "f" (func (result i32))))
                (assert_return (invoke "f") (i32.const 1))
                (module (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f") (i32.const 1))
                """);
        Set<Feature> tail = EnumSet.of(Feature.TAIL_CALLS);
        assertEquals(List.of(tail, NONE, tail, NONE, tail, tail, tail, NONE, NONE), ScriptFeatures.of(s));
    }

    @Test
    void aSkippedModuleThatWritesIntoARegisteredOnePassesItsNeedsOn() throws IOException {
        SpecScript s = script("b.wast", """
                (module $M (memory (export "mem") 1) (func (export "read") (result i32) (i32.load8_u (i32.const 0))))
                (register "M" $M)
                (module (memory (import "M" "mem") 1) (memory 1) (data (memory 0) (i32.const 0) "\\01"))
                (assert_return (invoke $M "read") (i32.const 1))
                (assert_unlinkable (module (import "M" "nope" (func)) (func (return_call 0))) "unknown import")
                (assert_return (invoke $M "read") (i32.const 1))
                """);
        Set<Feature> mm = EnumSet.of(Feature.MULTI_MEMORY);
        // the unlinkable module imports from the tainted $M, so it needs that too, but it taints nothing
        assertEquals(List.of(NONE, NONE, mm, mm, EnumSet.of(Feature.TAIL_CALLS, Feature.MULTI_MEMORY), mm),
                ScriptFeatures.of(s));
    }

    @Test
    void anInstanceNeedsWhatItsDefinitionNeeds() throws IOException {
        SpecScript s = script("i.wast", """
                (module definition $M (func (export "f") (result i32) (return_call $g)) (func $g (result i32) (i32.const 7)))
                (module instance $I $M)
                (assert_return (invoke $I "f") (i32.const 7))
                (module instance $J)
                (assert_return (invoke "f") (i32.const 7))
                """);
        Set<Feature> tail = EnumSet.of(Feature.TAIL_CALLS, Feature.SCRIPT_3_0);
        assertEquals(List.of(tail, tail, tail, tail, tail), ScriptFeatures.of(s));
    }

    @Test
    void aProposalFoldersScriptsNeedTheProposal() throws IOException {
        SpecScript s = script("proposals/threads/c.wast", "(module (func))\n");
        assertEquals(List.of(EnumSet.of(Feature.THREADS)), ScriptFeatures.of(s));
        SpecScript core = script("c.wast", "(module (func))\n");
        assertEquals(List.of(NONE), ScriptFeatures.of(core));
    }

    @Test
    void theGateSkipsUnsupportedFeaturesAndRunsSupportedOnes() throws IOException {
        SpecScript s = script("d.wast", """
                (module (func (export "f") (result i32) (return_call $g)) (func $g (result i32) (i32.const 7)))
                (assert_return (invoke "f") (i32.const 7))
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 2))
                """);
        FeatureGate gate = new FeatureGate(new SpecRunner(s, Engine.INTERPRETER), Set.of());
        Outcome skipped = gate.run(0);
        assertEquals(Outcome.Status.SKIPPED, skipped.status());
        assertEquals(Set.of(Feature.TAIL_CALLS), skipped.needs());
        assertEquals("needs tail calls", skipped.message());
        assertEquals(Outcome.Status.SKIPPED, gate.run(1).status());
        assertEquals(Outcome.Status.PASSED, gate.run(2).status());
        assertEquals(Outcome.Status.FAILED, gate.run(3).status(), "a command without a 3.0 feature is judged");

        // with the feature switched on, its commands run and are judged (the engine implements return_call)
        FeatureGate on = new FeatureGate(new SpecRunner(s, Engine.INTERPRETER), Set.of(Feature.TAIL_CALLS));
        assertEquals(Outcome.Status.PASSED, on.run(0).status());
        assertEquals(Outcome.Status.PASSED, on.run(1).status());
    }

    @Test
    void aScriptTheLexerRejectsIsReadFormByForm() throws IOException {
        SpecScript s = script("e.wast", """
                (module (@a Heiße) (func (export "one") (result i32) (i32.const 1)))
                (module (func (export "one") (result i32) (i32.const 1)))
                (assert_return (invoke "one") (i32.const 1))
                """);
        assertEquals(List.of("module", "module", "assert_return"), s.commands().stream().map(Command::type).toList());
        assertTrue(s.commands().get(0).directive() instanceof Directive.Unreadable);
        assertEquals(List.of(EnumSet.of(Feature.ANNOTATIONS), NONE, NONE), ScriptFeatures.of(s));
        assertEquals(3, s.commands().get(2).line());
    }
}
