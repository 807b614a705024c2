package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chains, fan-out and cycles in pipelines and in a host. */
class PipelineGraphTest {
    @TempDir
    Path dir;

    private Path pipeline(String... specs) throws IOException {
        StringBuilder y = new StringBuilder("transforms:\n");
        for (String s : specs) {
            String[] f = s.split(" ");
            y.append("  - name: ").append(f[0]).append("\n    input_topic: ").append(f[1])
                    .append("\n    output_topic: \"").append(f.length > 2 ? f[2] : "").append("\"\n    wasm_module: ")
                    .append(TestSupport.MARKS).append('\n');
        }
        return TestSupport.write(dir, "pipeline.yaml", y.toString());
    }

    @Test
    void aTwoTransformCycleIsNamed() throws IOException {
        Path p = pipeline("a raw mid", "b mid raw");
        List<Problem> problems = Specs.check(p);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(p + ":4: transforms[0].output_topic: transforms form a cycle: a (raw -> mid) -> b (mid -> raw) -> a",
                problems.get(0).toString());
    }

    @Test
    void aLongerCycleStartsAtItsFirstTransformAndSparesTheRest() throws IOException {
        Path p = pipeline("entry in x", "c z x", "a x y", "b y z", "exit x out");
        List<Problem> problems = Specs.check(p);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("transforms form a cycle: c (z -> x) -> a (x -> y) -> b (y -> z) -> c", problems.get(0).message());
        assertEquals(8, problems.get(0).line());
    }

    @Test
    void aTransformReadingItsOwnOutput() throws IOException {
        List<Problem> problems = Specs.check(pipeline("self loop loop"));
        assertEquals("reads its own output: self (loop -> loop) -> self", problems.get(0).message());
    }

    @Test
    void twoSeparateCyclesAreBothReported() throws IOException {
        assertEquals(2, Specs.check(pipeline("a p q", "b q p", "c r s", "d s r")).size());
    }

    @Test
    void chainsAndFanOutAndFanInAreFine() throws Exception {
        Pipeline p = Specs.loadPipeline(pipeline("a raw mid", "b mid out", "c mid out", "d raw", "e other mid"));
        assertEquals(List.of("a", "b", "c", "d", "e"), p.transforms().stream().map(TransformSpec::name).toList());
        assertEquals(List.of("other", "raw"), p.entryTopics());
        assertEquals(List.of("out"), p.exitTopics());
        assertEquals(List.of("b", "c"), p.readers("mid").stream().map(TransformSpec::name).toList());
    }

    @Test
    void aHostRejectsADeployOrReloadThatWouldCloseACycle() throws Exception {
        try (TransformHost host = TransformHost.builder().build()) {
            host.deploy(TestSupport.spec("a", "raw", "mid", TestSupport.MARKS).build());
            TransformSpec b = TestSupport.spec("b", "mid", "raw", TestSupport.MARKS).build();
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> host.deploy(b));
            assertContains(e.getMessage(), "transforms form a cycle: a (raw -> mid) -> b (mid -> raw) -> a");
            host.deploy(TestSupport.spec("b", "mid", "out", TestSupport.MARKS).build());
            InvalidSpecException r = assertThrows(InvalidSpecException.class,
                    () -> host.reload(TestSupport.spec("b", "mid", "raw", TestSupport.MARKS).build()));
            assertContains(r.getMessage(), "cycle");
            assertEquals(1, host.status("b").version());
            InvalidSpecException dup = assertThrows(InvalidSpecException.class,
                    () -> host.deploy(TestSupport.spec("b", "x", "y", TestSupport.MARKS).build()));
            assertContains(dup.getMessage(), "a transform named \"b\" is already deployed");
        }
    }
}
