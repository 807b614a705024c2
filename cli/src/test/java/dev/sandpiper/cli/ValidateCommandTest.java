package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.spectest.Command;
import dev.sandpiper.spectest.SpecScript;
import dev.sandpiper.spectest.TestsuiteLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    /** What the suite says of each binary it ships: ok, malformed or invalid (with the expected text). */
    private static Map<Path, String[]> suiteExpectations() throws IOException {
        assumeTrue(TestsuiteLocator.jsonAvailable(), TestsuiteLocator.JSON_ABSENT);
        Map<Path, String[]> expected = new LinkedHashMap<>();
        for (Path json : SpecScript.find(TestsuiteLocator.locate())) {
            for (Command c : SpecScript.read(json).commands()) {
                String file = c.text("filename");
                if (file == null || !file.endsWith(".wasm")) {
                    continue;
                }
                String verdict = switch (c.type()) {
                    case "assert_malformed" -> "malformed";
                    case "assert_invalid" -> "invalid";
                    default -> "ok"; // module, assert_unlinkable, assert_uninstantiable: valid modules
                };
                expected.put(json.resolveSibling(file), new String[] {verdict, c.text("text")});
            }
        }
        return expected;
    }

    @Test
    void classifiesEverySuiteBinaryAsTheSuiteSays() throws IOException {
        Map<Path, String[]> expected = suiteExpectations();
        assertTrue(expected.size() > 4000, "suite binaries found: " + expected.size());
        List<String> args = new ArrayList<>();
        args.add("validate");
        args.add("--features"); // the 2.0 suite asserts that 3.0's constructs are refused
        args.add("2.0");
        expected.keySet().forEach(p -> args.add(p.toString()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(expected.size(), lines.length);
        int i = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Path, String[]> e : expected.entrySet()) {
            String line = lines[i++];
            String prefix = e.getKey() + ": ";
            String verdict = e.getValue()[0];
            boolean ok = line.startsWith(prefix + verdict)
                    && (verdict.equals("ok") || line.contains(e.getValue()[1]));
            if (!ok) {
                wrong.add(line + "   (expected " + verdict + " " + e.getValue()[1] + ")");
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(1, status, "some suite files are malformed or invalid, so the exit status is 1");
    }

    @Test
    void printsCountsForAValidModuleAndExitsZero(@TempDir Path dir) throws IOException {
        // (module (import "m" "f" (func)) (func (export "g")))
        byte[] wasm = {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0,                       // type section: [] -> []
            2, 7, 1, 1, 'm', 1, 'f', 0, 0,             // import m.f
            3, 2, 1, 0,                                // one function of type 0
            7, 5, 1, 1, 'g', 0, 1,                     // export "g" = func 1
            10, 4, 1, 2, 0, 0x0B};                     // body: no locals, end
        Path f = dir.resolve("m.wasm");
        Files.write(f, wasm);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", f.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertEquals(f + ": ok (2 functions, 1 imports, 1 exports)\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
    }

    @Test
    void reportsMalformedWithOffsetAndInvalidWithFunctionAndOffset(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        // (module (func (result i32) (i64.const 0)))
        Path invalid = dir.resolve("invalid.wasm");
        Files.write(invalid, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 5, 1, 0x60, 0, 1, 0x7F, 3, 2, 1, 0, 10, 6, 1, 4, 0, 0x42, 0, 0x0B});
        Path missing = dir.resolve("missing.wasm");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", bad.toString(), invalid.toString(), missing.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(bad + ": malformed: unknown binary version at offset 4", lines[0]);
        assertTrue(lines[1].startsWith(invalid + ": invalid: type mismatch"), lines[1]);
        // The mismatch shows at the function's final end (offset 26), where i64 meets the i32 result.
        assertTrue(lines[1].endsWith("in function 0 at offset 26"), lines[1]);
        assertEquals(missing + ": error: cannot read file: no such file", lines[2]);
        assertEquals(1, status);
    }

    /** (module (memory 1) (memory 1)): valid in 3.0, refused in 2.0 naming the feature. */
    private static final byte[] TWO_MEMORIES = {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 5, 2, 0, 1, 0, 1};

    @Test
    void featuresDecideWhatAModuleMayUse(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("two.wasm"), TWO_MEMORIES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"validate", f.toString()}, print, System.err));
        assertEquals(1, Main.run(new String[] {"validate", "--features", "all,-multi-memory", f.toString()}, print,
                System.err));
        assertEquals(1, Main.run(new String[] {"validate", "--features", "2.0", f.toString()}, print, System.err));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(f + ": ok (0 functions, 0 imports, 0 exports)", lines[0]);
        assertTrue(lines[1].startsWith(f + ": invalid: multiple memories (needs feature multi-memory"), lines[1]);
        assertEquals(lines[1], lines[2]);
    }

    @Test
    void anUnknownFeatureIsAUsageError(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("two.wasm"), TWO_MEMORIES);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"validate", "--features", "threads", f.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown feature \"threads\""), err.toString());
    }
}
