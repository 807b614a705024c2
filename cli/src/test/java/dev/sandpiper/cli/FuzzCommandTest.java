package dev.sandpiper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsACampaignAndPrintsTheSummaryLine(@TempDir Path dir) {
        int status = run("fuzz", "--seed", "42", "--count", "300", "--corpus", "../examples", "--findings",
                dir.toString());
        assertEquals(0, status, out() + err);
        assertTrue(out().matches("(?s)fuzz: 300 modules, seed 42, [0-9.]+ s: \\d+ decoded, \\d+ valid, \\d+ ran; findings 0\\s*"),
                out());
    }

    @Test
    void replaysSavedModules(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.wasm");
        Files.write(good, new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {1, 2, 3});
        assertEquals(0, run("fuzz", "--replay", good.toString(), bad.toString()), out() + err);
        assertTrue(out().contains(good + ": ran"), out());
        assertTrue(out().contains(bad + ": malformed"), out());
    }

    @Test
    void usageErrors() {
        assertEquals(Main.USAGE, run("fuzz", "--count", "5"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seed and --count are required"));
        assertEquals(Main.USAGE, run("fuzz", "--seed", "1", "--count", "5", "--engine", "auto"));
        assertEquals(Main.USAGE, run("fuzz", "--seed", "x", "--count", "5"));
    }
}
