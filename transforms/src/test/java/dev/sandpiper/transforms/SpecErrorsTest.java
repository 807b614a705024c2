package dev.sandpiper.transforms;

import static dev.sandpiper.transforms.TestSupport.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of spec mistake is reported with its file, line and field, and all of a file's mistakes at once. */
class SpecErrorsTest {
    @TempDir
    Path dir;

    private static final String MARKS = TestSupport.MARKS.toString();

    private Path file(String name, String content) throws IOException {
        return TestSupport.write(dir, name, content);
    }

    private List<Problem> check(String yaml) throws IOException {
        return Specs.check(file("spec.yaml", yaml));
    }

    /** Asserts exactly one problem, at {@code line} of spec.yaml, about {@code field}, whose message has {@code text}. */
    private void assertOne(List<Problem> problems, int line, String field, String text) {
        assertEquals(1, problems.size(), () -> problems.toString());
        assertProblem(problems.get(0), dir.resolve("spec.yaml"), line, field, text);
    }

    private static void assertProblem(Problem p, Path file, int line, String field, String text) {
        assertEquals(file, p.file(), p::toString);
        assertEquals(line, p.line(), p::toString);
        assertEquals(field, p.field(), p::toString);
        assertContains(p.message(), text);
        assertEquals(file + ":" + line + ": " + field + ": " + p.message(), p.toString());
    }

    private static String valid(String... extra) {
        return "name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + MARKS + "\n" + String.join("\n", extra)
                + (extra.length == 0 ? "" : "\n");
    }

    @Test
    void aValidSpecHasNoProblemAndGetsTheDefaults() throws Exception {
        assertEquals(List.of(), check(valid()));
        TransformSpec s = Specs.loadSpec(dir.resolve("spec.yaml"));
        assertEquals("t", s.name());
        assertEquals(1, s.instances());
        assertEquals(64, s.maxMemoryMb());
        assertEquals(10, s.timeoutMs());
        assertEquals(OnError.DLQ, s.onError());
        assertEquals(dev.sandpiper.abi.WasmConfig.NO_FUEL_LIMIT, s.fuel());
        assertEquals(Map.of(), s.config());
        assertEquals(dir.resolve("spec.yaml") + ":1", s.source().orElseThrow());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        check(valid("config:\n  stamp: v7\n  list: [1, 2.50, true, null]", "instances: 3", "max_memory_mb: 8",
                "timeout_ms: 250", "on_error: skip", "fuel: 1000000"));
        TransformSpec s = Specs.loadSpec(dir.resolve("spec.yaml"));
        assertEquals(3, s.instances());
        assertEquals(8, s.maxMemoryMb());
        assertEquals(250, s.timeoutMs());
        assertEquals(OnError.SKIP, s.onError());
        assertEquals(1_000_000, s.fuel());
        assertEquals("v7", s.config().get("stamp"));
        assertEquals(java.util.Arrays.asList(1L, new java.math.BigDecimal("2.50"), true, null), s.config().get("list"));
    }

    @Test
    void unknownFieldNamesTheFieldAndSuggestsTheNearest() throws IOException {
        List<Problem> p = check(valid("timeout: 5"));
        assertOne(p, 5, "timeout", "unknown field");
        assertContains(p.get(0).message(), "did you mean timeout_ms?");
        assertOne(check(valid("inputTopic: x")), 5, "inputTopic", "did you mean input_topic?");
        assertOne(check(valid("colour: red")), 5, "colour", "a spec has: name, input_topic");
    }

    @Test
    void missingRequiredFieldsAreEachReported() throws IOException {
        List<Problem> p = check("# nothing useful\ninstances: 2\n");
        assertEquals(List.of("name", "input_topic", "output_topic", "wasm_module"),
                p.stream().map(Problem::field).toList());
        for (Problem x : p) {
            assertProblem(x, dir.resolve("spec.yaml"), 2, x.field(), "missing required field");
        }
    }

    @Test
    void wrongTypesNameTheValue() throws IOException {
        assertOne(check(valid("instances: \"3\"")), 5, "instances", "must be a whole number, not the string \"3\"");
        assertOne(check(valid("timeout_ms: 1.5")), 5, "timeout_ms", "must be a whole number, not the number 1.5");
        assertOne(check(valid("config: [a, b]")), 5, "config", "must be an object (key: value pairs), not a list");
        assertOne(check(valid("fuel: [1]")), 5, "fuel", "must be a whole number, not a list");
        assertOne(check(valid("on_error: 3")), 5, "on_error", "must be a string, not the number 3");
        assertOne(check("name: 42\ninput_topic: in\noutput_topic: out\nwasm_module: " + MARKS + "\n"), 1, "name",
                "must be a string, not the number 42");
        assertOne(check("name: t\ninput_topic: in\noutput_topic:\nwasm_module: " + MARKS + "\n"), 3, "output_topic",
                "must be a string (\"\" to let the module's route name the topic), not null");
        // YAML 1.1 reads an unquoted yes as a boolean; the message says to quote it.
        assertOne(check("name: t\ninput_topic: yes\noutput_topic: out\nwasm_module: " + MARKS + "\n"), 2,
                "input_topic", "not the boolean true (quote it)");
    }

    @Test
    void valuesOutOfRange() throws IOException {
        assertOne(check(valid("instances: 0")), 5, "instances", "must be 1..256, not 0");
        assertOne(check(valid("instances: 1000")), 5, "instances", "must be 1..256, not 1000");
        assertOne(check(valid("timeout_ms: 0")), 5, "timeout_ms", "must be at least 1, not 0");
        assertOne(check(valid("max_memory_mb: -4")), 5, "max_memory_mb", "must be at least 1, not -4");
        assertOne(check(valid("max_memory_mb: 100000")), 5, "max_memory_mb", "must be 1..2047, not 100000");
        assertOne(check(valid("fuel: 0")), 5, "fuel", "must be at least 1, not 0");
        assertOne(check(valid("instances: 99999999999999999999")), 5, "instances", "must be 1..256");
        assertOne(check(valid("timeout_ms: 86400001")), 5, "timeout_ms", "must be at most 86400000, not 86400001");
        assertOne(check(valid("on_error: retry")), 5, "on_error", "must be dlq, skip or fail, not \"retry\"");
        assertEquals(List.of(), check(valid("fuel: null", "config: null")));
    }

    @Test
    void badNameIsNotKebabCase() throws IOException {
        for (String bad : new String[] {"Mask-PII", "mask_pii", "-mask", "mask--pii", "mask pii", "x".repeat(64)}) {
            List<Problem> p = check("name: \"" + bad + "\"\ninput_topic: in\noutput_topic: out\nwasm_module: " + MARKS + "\n");
            assertOne(p, 1, "name", "is not kebab-case");
        }
        assertOne(check("name: \"\"\ninput_topic: in\noutput_topic: out\nwasm_module: " + MARKS + "\n"), 1, "name",
                "must not be empty");
    }

    @Test
    void badTopicNames() throws IOException {
        assertOne(check("name: t\ninput_topic: \"a/b\"\noutput_topic: out\nwasm_module: " + MARKS + "\n"), 2,
                "input_topic", "not a valid topic name");
        assertOne(check("name: t\ninput_topic: in\noutput_topic: _dlq\nwasm_module: " + MARKS + "\n"), 3,
                "output_topic", "reserved");
        assertOne(check("name: t\ninput_topic: \"\"\noutput_topic: out\nwasm_module: " + MARKS + "\n"), 2,
                "input_topic", "must not be empty");
    }

    @Test
    void missingModuleFile() throws IOException {
        List<Problem> p = check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: nowhere/m.wasm\n");
        assertOne(p, 4, "wasm_module", "file not found: " + dir.resolve("nowhere/m.wasm"));
        assertContains(p.get(0).message(), "resolved against the spec's folder");
    }

    @Test
    void invalidModulesPassOnTheLoadersMessage() throws IOException {
        String wasi = TestSupport.example("bad-import-wasi").toString();
        List<Problem> p = check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + wasi + "\n");
        assertOne(p, 4, "wasm_module", "is rejected (contract)");
        assertContains(p.get(0).message(), "wasi_snapshot_preview1.fd_write");

        String signature = TestSupport.example("bad-export-signature").toString();
        p = check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + signature + "\n");
        assertOne(p, 4, "wasm_module", "transform");

        Path junk = file("junk.wasm", "not a module");
        p = check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: junk.wasm\n");
        assertOne(p, 4, "wasm_module", junk + " is rejected (module)");

        file("m.txt", "x");
        assertOne(check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: m.txt\n"), 4, "wasm_module",
                "does not end in .wasm");
    }

    @Test
    void memoryLimitBelowTheModulesInitialMemory() throws IOException {
        // The Rust guests start at 17 pages (1.06 MiB): a 1 MiB limit rejects them at load.
        String mask = TestSupport.example("mask-pii").toString();
        List<Problem> p = check("name: t\ninput_topic: in\noutput_topic: out\nwasm_module: " + mask
                + "\nmax_memory_mb: 1\n");
        assertOne(p, 4, "wasm_module", "is rejected (contract)");
    }

    @Test
    void routedTransformNeedsARouteExport() throws IOException {
        List<Problem> p = check("name: t\ninput_topic: in\noutput_topic: \"\"\nwasm_module: " + TestSupport.PLAIN + "\n");
        assertOne(p, 3, "output_topic", "exports no route function");
        assertEquals(List.of(), check("name: t\ninput_topic: in\noutput_topic: \"\"\nwasm_module: " + MARKS + "\n"));
    }

    @Test
    void syntaxErrorsAndFileLevelProblems() throws IOException {
        assertOne(check("name: t\ninput_topic: [in\noutput_topic: out\n"), 3, "(syntax)", "");
        assertOne(check(valid() + "name: u\n"), 5, "name", "duplicate key (first at line 1)");
        assertOne(check(""), 1, "(file)", "the file is empty");
        assertOne(check("- a\n- b\n"), 1, "(file)", "must be an object");
        assertOne(check(valid() + "---\nname: other\n"), 6, "(file)", "more than one YAML document");
    }

    @Test
    void jsonSpecsReportLinesToo() throws IOException {
        Path f = file("spec.json", "{\n  \"name\": \"t\",\n  \"input_topic\": \"in\",\n  \"output_topic\": \"out\",\n"
                + "  \"wasm_module\": \"" + MARKS + "\",\n  \"instances\": \"two\",\n  \"extra\": 1\n}\n");
        List<Problem> p = Specs.check(f);
        assertEquals(2, p.size(), p::toString);
        assertProblem(p.get(0), f, 7, "extra", "unknown field");
        assertProblem(p.get(1), f, 6, "instances", "must be a whole number");
        Path bad = file("bad.json", "{\"name\": \"t\",\n\"input_topic\": }\n");
        List<Problem> q = Specs.check(bad);
        assertEquals(1, q.size(), q::toString);
        assertEquals(2, q.get(0).line());
        assertEquals("(syntax)", q.get(0).field());
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() throws IOException {
        List<Problem> p = check("""
                name: Bad_Name
                input_topic: in
                wasm_module: missing.wasm
                instances: many
                timeout_ms: 0
                on_error: explode
                colour: blue
                """);
        Map<String, Integer> byField = p.stream().collect(Collectors.toMap(Problem::field, Problem::line));
        assertEquals(Map.of("name", 1, "output_topic", 1, "wasm_module", 3, "instances", 4, "timeout_ms", 5,
                "on_error", 6, "colour", 7), byField, p::toString);
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Specs.loadSpec(dir.resolve("spec.yaml")));
        assertEquals(7, e.problems().size());
        assertEquals(7, e.getMessage().split("\n").length);
    }

    @Test
    void pipelineProblemsNameTheItem() throws IOException {
        file("ok.yaml", valid());
        Path pipeline = file("pipeline.yaml", """
                name: demo
                transforms:
                  - ok.yaml
                  - missing.yaml
                  - 42
                  - name: inline-one
                    input_topic: out
                    output_topic: final
                    wasm_module: %s
                    instances: 0
                owner: me
                """.formatted(MARKS));
        List<Problem> p = Specs.check(pipeline);
        assertEquals(4, p.size(), p::toString);
        assertProblem(p.get(0), pipeline, 11, "owner", "unknown field");
        assertProblem(p.get(1), pipeline, 4, "transforms[1]", "file not found: " + dir.resolve("missing.yaml"));
        assertProblem(p.get(2), pipeline, 5, "transforms[2]", "must be a spec (an object) or the path of a spec file");
        assertProblem(p.get(3), pipeline, 10, "transforms[3].instances", "must be 1..256, not 0");
    }

    @Test
    void problemsInsideAReferencedSpecFileNameThatFile() throws IOException {
        Path spec = file("specs/inner.yaml", "name: inner\ninput_topic: a\noutput_topic: b\nwasm_module: " + MARKS
                + "\ntimeout_ms: soon\n");
        Path pipeline = file("pipeline.yaml", "transforms:\n  - specs/inner.yaml\n");
        List<Problem> p = Specs.check(pipeline);
        assertEquals(1, p.size(), p::toString);
        assertProblem(p.get(0), spec, 5, "timeout_ms", "must be a whole number");
    }

    @Test
    void pipelineStructure() throws IOException {
        Path a = file("a.yaml", "transforms: {name: x}\n");
        assertProblem(Specs.check(a).get(0), a, 1, "transforms", "must be a list");
        Path b = file("b.yaml", "transforms: []\n");
        assertProblem(Specs.check(b).get(0), b, 1, "transforms", "at least one");
        Path c = file("c.yaml", "name: 3\ntransforms:\n  - b.yaml\n");
        List<Problem> pc = Specs.check(c);
        assertProblem(pc.get(0), c, 1, "name", "must be a string");
        assertProblem(pc.get(1), c, 3, "transforms[0]", "is a pipeline");
    }

    @Test
    void duplicateNamesAcrossAPipeline() throws IOException {
        file("one.yaml", "name: same\ninput_topic: a\noutput_topic: b\nwasm_module: " + MARKS + "\n");
        Path pipeline = file("pipeline.yaml", """
                transforms:
                  - one.yaml
                  - name: same
                    input_topic: c
                    output_topic: d
                    wasm_module: %s
                """.formatted(MARKS));
        List<Problem> p = Specs.check(pipeline);
        assertEquals(1, p.size(), p::toString);
        assertProblem(p.get(0), pipeline, 3, "transforms[1].name",
                "duplicate transform name \"same\" (also at " + dir.resolve("one.yaml") + ":1)");
    }

    @Test
    void relativeModulePathsResolveAgainstTheFileThatNamesThem() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("mods"));
        java.nio.file.Files.copy(TestSupport.MARKS, dir.resolve("mods/m.wasm"));
        file("specs/s.yaml", "name: s\ninput_topic: a\noutput_topic: b\nwasm_module: ../mods/m.wasm\n");
        Path pipeline = file("pipeline.yaml", """
                transforms:
                  - specs/s.yaml
                  - name: t
                    input_topic: b
                    output_topic: c
                    wasm_module: mods/m.wasm
                """);
        Pipeline p = Specs.loadPipeline(pipeline);
        assertEquals(dir.resolve("mods/m.wasm"), p.transforms().get(0).wasmModule());
        assertEquals(dir.resolve("mods/m.wasm"), p.transforms().get(1).wasmModule());
        assertTrue(p.module("s").exports("route"));
    }

    @Test
    void initRejectingItsConfigFailsTheDeployOnConfig() throws Exception {
        // mask-pii's init returns 2 when fields_to_mask is not a list of strings.
        Path f = file("spec.yaml", "name: m\ninput_topic: a\noutput_topic: b\nwasm_module: "
                + TestSupport.example("mask-pii") + "\ntimeout_ms: 5000\nconfig:\n  fields_to_mask: email\n");
        TransformSpec spec = Specs.loadSpec(f);
        try (TransformHost host = TransformHost.builder().build()) {
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> host.deploy(spec));
            assertProblem(e.problems().get(0), f, 6, "config", "init rejected the configuration: init returned 2");
            assertEquals(List.of(), host.status());
        }
    }

    @Test
    void builderChecksTheSameRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransformSpec.builder("Bad", "in", "_x", TestSupport.MARKS).instances(0).build());
        assertContains(e.getMessage(), "name: \"Bad\" is not kebab-case");
        assertContains(e.getMessage(), "output_topic: \"_x\": topic names starting with '_' are reserved");
        assertContains(e.getMessage(), "instances: must be 1..256, not 0");
    }
}
