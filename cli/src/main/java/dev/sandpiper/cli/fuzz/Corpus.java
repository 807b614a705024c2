package dev.sandpiper.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The seed modules of a campaign: every {@code .wasm} file under some folders, in a fixed order. */
public final class Corpus {
    /** Files larger than this are left out (mutating them would be slow and adds little). */
    static final long MAX_FILE_BYTES = 1 << 20;

    private Corpus() {}

    /**
     * The {@code .wasm} files under each of {@code roots} (folders or files; missing ones are skipped),
     * sorted by path so a seed means the same campaign on every machine with the same files.
     */
    public static List<byte[]> load(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".wasm") && Files.isRegularFile(p)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(null);
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            try {
                if (Files.size(p) <= MAX_FILE_BYTES) {
                    out.add(Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The default roots: the spec suite's binary modules beside the repository
     * ({@code ../shared/wasm-testsuite/wasm-2.0/json}) and {@code examples}, both relative to {@code base}.
     */
    public static List<Path> defaultRoots(Path base) {
        return List.of(base.resolve("../shared/wasm-testsuite/wasm-2.0/json").normalize(), base.resolve("examples"));
    }
}
