package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.GUESTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec's {@code wasm_module} may be a text-format module: read by content like any module. */
class WatModulesTest {
    private static final Path MARKS_WAT = GUESTS.resolve("marks.wat").toAbsolutePath();

    @Test
    void aSpecLoadsAWatModule(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + MARKS_WAT + "\n");
        assertEquals(List.of(), Specs.check(spec));
        assertEquals(List.of(), Specs.check(MARKS_WAT));
        TransformSpec s = Specs.loadSpec(spec);
        assertEquals(MARKS_WAT, s.wasmModule());
    }

    @Test
    void aMalformedWatIsOneProblemWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.wat");
        Files.writeString(bad, "(module\n  (memory (export \"memory\") 1)\n  (func (export \"transform\") unknown.op))\n");
        List<Problem> problems = Specs.check(bad);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains(bad + ":3:30: unknown operator"), problems::toString);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + bad + "\n");
        List<Problem> viaSpec = Specs.check(spec);
        assertEquals(1, viaSpec.size(), viaSpec::toString);
        assertTrue(viaSpec.get(0).message().contains(":3:30: unknown operator"), viaSpec::toString);
    }
}
