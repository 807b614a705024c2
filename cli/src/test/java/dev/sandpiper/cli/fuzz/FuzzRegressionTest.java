package dev.sandpiper.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every module a fuzz campaign found something in, kept in {@code src/test/resources/fuzz-regressions}
 * (with a {@code .txt} saying what was found): each must now check clean on both tiers, compared.
 */
class FuzzRegressionTest {
    static final Path FOLDER = Paths.get("src", "test", "resources", "fuzz-regressions");

    @TestFactory
    Stream<DynamicTest> everySavedFindingChecksClean() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.exists(FOLDER) ? Files.list(FOLDER) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().collect(Collectors.toList());
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ModuleCheck.Result r = new ModuleCheck(true, true).check(Files.readAllBytes(f));
            assertTrue(r.clean(), () -> f + ": " + r.finding());
        }));
    }
}
