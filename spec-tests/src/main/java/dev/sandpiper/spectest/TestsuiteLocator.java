package dev.sandpiper.spectest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the spec suite's json folder: system property {@code wasm.testsuite.dir}, else environment
 * variable {@code WASM_TESTSUITE_DIR}, else {@code ../shared/wasm-testsuite/wasm-2.0/json} beside
 * the repository.
 */
public final class TestsuiteLocator {
    static final String RELATIVE = "shared/wasm-testsuite/wasm-2.0/json";

    private TestsuiteLocator() {}

    /** The suite folder; throws with instructions when it cannot be found. */
    public static Path locate() {
        String prop = System.getProperty("wasm.testsuite.dir");
        if (prop != null && !prop.isBlank()) {
            return existing(Paths.get(prop), "system property wasm.testsuite.dir");
        }
        String env = System.getenv("WASM_TESTSUITE_DIR");
        if (env != null && !env.isBlank()) {
            return existing(Paths.get(env), "environment variable WASM_TESTSUITE_DIR");
        }
        // Tests run with a module folder as working directory, the CLI usually from the repository.
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("..").resolve(RELATIVE).normalize();
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(missingMessage(cwd));
    }

    private static Path existing(Path p, String source) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the WebAssembly spec suite folder " + p + " (from " + source
                    + ") does not exist.\n" + howToGet());
        }
        return p;
    }

    private static String missingMessage(Path cwd) {
        return "cannot find the WebAssembly spec suite: no ../" + RELATIVE + " beside the repository (looked up from "
                + cwd + "), and neither -Dwasm.testsuite.dir nor WASM_TESTSUITE_DIR is set.\n" + howToGet();
    }

    static String howToGet() {
        return "To get it: git clone https://github.com/WebAssembly/testsuite, check out commit "
                + "3a04b2cf93bd8fce277458d419eea8d9c326345c (the 2.0 suite), then convert each .wast with wabt's "
                + "wast2json (1.0.32): for f in *.wast; do n=${f%.wast}; mkdir -p json/$n && "
                + "wast2json $f -o json/$n/$n.json; done; and pass -Dwasm.testsuite.dir=/path/to/json "
                + "(or set WASM_TESTSUITE_DIR). See the README's \"Spec test suite\" section.";
    }
}
