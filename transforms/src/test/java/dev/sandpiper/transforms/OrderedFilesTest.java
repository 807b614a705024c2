package dev.sandpiper.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Output files sorted by origin, whether they fit in memory or spill to disk. */
class OrderedFilesTest {
    @TempDir
    Path dir;

    private record Added(String file, Origin origin, String line) {}

    /** Lines for three files in shuffled order; origins with paths, so ties on sequence are ordered by path. */
    private static List<Added> shuffledLines(long seed) {
        Random random = new Random(seed);
        List<Added> all = new ArrayList<>();
        String[] names = {"a", "b.c", "d"};
        for (int seq = 0; seq < 2_000; seq++) {
            Origin o = Origin.input(seq).then("m");
            int copies = 1 + random.nextInt(2);
            for (int c = 0; c < copies; c++) {
                Origin path = c == 0 ? o.then("x") : o.then("y").then("z");
                String file = names[random.nextInt(names.length)];
                // Varied lengths, and non-ASCII, so records of every size go through the run files.
                all.add(new Added(file, path, "{\"n\":" + seq + ",\"c\":" + c + ",\"s\":\"é" + "x".repeat(random.nextInt(300)) + "\"}"));
            }
        }
        Collections.shuffle(all, random);
        return all;
    }

    private Map<String, Path> write(List<Added> lines, long budget, Path out) throws IOException {
        Files.createDirectories(out);
        try (OrderedFiles files = new OrderedFiles(budget, out)) {
            files.declare("empty");
            for (Added a : lines) {
                files.add(a.file(), a.origin(), a.line().getBytes(StandardCharsets.UTF_8));
            }
            return files.finish(out);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 10_000, 1L << 30})
    void linesComeOutInOriginOrderWhateverTheBudget(long budget) throws IOException {
        List<Added> lines = shuffledLines(budget);
        Path out = dir.resolve("out");
        Map<String, Path> written = write(lines, budget, out);

        assertEquals(List.of("a", "b.c", "d", "empty"), List.copyOf(written.keySet()));
        for (String name : written.keySet()) {
            List<String> expected = lines.stream().filter(a -> a.file().equals(name))
                    .sorted(Comparator.comparing(Added::origin)).map(Added::line).toList();
            assertEquals(expected, Files.readAllLines(written.get(name)), name);
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of("a.jsonl", "b.c.jsonl", "d.jsonl", "empty.jsonl"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no spill folder left behind");
        }
    }

    @Test
    void spillingChangesNothingInTheFiles() throws IOException {
        List<Added> lines = shuffledLines(7);
        Map<String, Path> inMemory = write(lines, Long.MAX_VALUE, dir.resolve("memory"));
        Map<String, Path> spilled = write(lines, 4_096, dir.resolve("spilled"));
        for (String name : inMemory.keySet()) {
            assertEquals(Files.readString(inMemory.get(name)), Files.readString(spilled.get(name)), name);
        }
    }

    @Test
    void countsArePerFile() throws IOException {
        List<Added> lines = shuffledLines(3);
        try (OrderedFiles files = new OrderedFiles(1_000, dir)) {
            for (Added a : lines) {
                files.add(a.file(), a.origin(), a.line().getBytes(StandardCharsets.UTF_8));
            }
            for (String name : List.of("a", "b.c", "d")) {
                assertEquals(lines.stream().filter(a -> a.file().equals(name)).count(), files.count(name), name);
            }
            assertEquals(0, files.count("none"));
        }
    }

    @Test
    void aSpillThatCannotBeWrittenFailsTheFinish() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        try (OrderedFiles files = new OrderedFiles(1, notAFolder)) {
            files.add("a", Origin.input(0), new byte[10]); // the spill fails here, on a transform's thread
            files.add("a", Origin.input(1), new byte[10]);
            assertEquals(1, files.count("a"), "after a failed spill, lines are no longer held");
            assertThrows(IOException.class, () -> files.finish(dir));
        }
    }
}
