package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandpiper transforms validate|list}. */
class TransformsCommandTest {
    private static final Path TRANSFORMS = Paths.get("..", "examples", "transforms");

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static String wasm(String name) {
        return TRANSFORMS.resolve(name).resolve(name + ".wasm").toString();
    }

    @Test
    void goodModulesSpecsAndPipelinesAreOk() {
        String pipeline = Paths.get("..", "examples", "pipeline", "pipeline.yaml").toString();
        String[] r = run("transforms", "validate", wasm("route-by-table"), pipeline);
        assertEquals("0", r[0], r[1] + r[2]);
        assertEquals(wasm("route-by-table") + ": ok (a transform module; optional exports: init, shutdown, route)\n"
                + pipeline + ": ok (3 transforms: mask-pii, drop-deletes, route-by-table)\n", r[1]);
    }

    @Test
    void eachProblemIsOneLineWithFileAndLine() throws Exception {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), "name: x\ninput_topic: in\noutput_topic: \"\"\n"
                + "wasm_module: " + Paths.get(wasm("mask-pii")).toAbsolutePath() + "\ninstances: lots\n");
        String[] r = run("transforms", "validate", spec.toString(), wasm("bad-import-fd-write"), wasm("mask-pii"));
        assertEquals("1", r[0]);
        String[] lines = r[1].split("\n");
        assertEquals(4, lines.length, r[1]);
        assertEquals(spec + ":5: instances: must be a whole number, not the string \"lots\"", lines[0]);
        assertTrue(lines[1].startsWith(spec + ":3: output_topic: is empty, so the module's route export must name"),
                lines[1]);
        assertTrue(lines[2].startsWith(wasm("bad-import-fd-write") + ": contract: ") && lines[2].contains("env.fd_write"),
                lines[2]);
        assertTrue(lines[3].startsWith(wasm("mask-pii") + ": ok"), lines[3]);
    }

    @Test
    void listShowsTheGraph() {
        String[] r = run("transforms", "list", Paths.get("..", "examples", "pipeline", "pipeline.yaml").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("(cdc-cleanup): 3 transforms"), r[1]);
        assertTrue(r[1].contains("  route-by-table: cdc.changes -> (routed by the module), "), r[1]);
        assertTrue(r[1].contains("  inputs: cdc.raw\n  outputs: (the topics route-by-table routes to)\n"), r[1]);
    }

    @Test
    void usage() {
        assertEquals(String.valueOf(Main.USAGE), run("transforms")[0]);
        assertEquals(String.valueOf(Main.USAGE), run("transforms", "deploy", "x")[0]);
    }
}
