package dev.sandpiper.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link HostileInputs} in a JVM of its own with a 128 MiB heap and the default thread stack,
 * and turns each of its lines into a test: every hostile module on each tier ends in a clean outcome
 * (the exception the case allows, a trap, or a result), and a normal module still runs afterwards in
 * the same process. The process must end by itself with status 0 within five minutes.
 */
class HostileInputTest {
    @TestFactory
    Stream<DynamicTest> everyHostileModuleEndsCleanlyOnBothTiersUnderA128MiBHeap() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HostileInputs.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("FAIL reading the child's output: " + e);
            }
        });
        reader.start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        List<String> output = List.copyOf(lines);
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith("PASS ") || line.startsWith("FAIL ")) {
                tests.add(DynamicTest.dynamicTest(line.substring(5, line.indexOf(" | ", 5) + 3)
                        + line.split(" \\| ")[1], () -> assertTrue(line.startsWith("PASS "), line)));
            }
        }
        int cases = HostileInputs.cases().size();
        tests.add(DynamicTest.dynamicTest("the process ran every case and ended cleanly", () -> {
            assertTrue(ended, "still running after 5 minutes:\n" + String.join("\n", output));
            long reported = output.stream().filter(l -> l.startsWith("PASS ") || l.startsWith("FAIL ")).count();
            if (reported != 2L * cases || p.exitValue() != 0) {
                fail("exit " + p.exitValue() + ", " + reported + " of " + 2 * cases + " lines:\n" + String.join("\n", output));
            }
            assertEquals(0, p.exitValue());
        }));
        return tests.stream();
    }
}
