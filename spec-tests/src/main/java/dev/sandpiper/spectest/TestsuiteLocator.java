package dev.sandpiper.spectest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the spec suite. {@link #locateWast()}: the {@code .wast} folder, from system property
 * {@code wasm.testsuite.wast.dir}, else environment variable {@code WASM_TESTSUITE_WAST_DIR}, else
 * the repository's own copy, {@code spec-tests/suite/wasm-2.0} (see its README).
 * {@link #locate()}: wast2json's json folder, from {@code wasm.testsuite.dir}, else
 * {@code WASM_TESTSUITE_DIR}, else {@code ../shared/wasm-testsuite/wasm-2.0/json}.
 */
public final class TestsuiteLocator {
    static final String RELATIVE = "shared/wasm-testsuite/wasm-2.0/json";
    /** The repository's copy of the 2.0 suite's {@code .wast} files, from the repository's root. */
    static final String IN_REPOSITORY = "spec-tests/suite/wasm-2.0";

    private TestsuiteLocator() {}

    /**
     * Whether wast2json's output of the suite can be found ({@link #locate()} would not throw): the
     * tests that compare with it skip, saying why, in a clone without it.
     */
    public static boolean jsonAvailable() {
        try {
            locate();
            return true;
        } catch (IllegalStateException absent) {
            return false;
        }
    }

    /** Why the checks against wast2json's output were skipped. */
    public static final String JSON_ABSENT = "wast2json's output of the spec suite is not beside the repository "
            + "(../shared/wasm-testsuite/wasm-2.0/json, or -Dwasm.testsuite.dir): skipped. " + "See the README's \"Spec test suite\".";

    /** The wast2json folder; throws with instructions when it cannot be found. */
    public static Path locate() {
        return locate("wasm.testsuite.dir", "WASM_TESTSUITE_DIR", RELATIVE);
    }

    /** The repository's copy of the 3.0 suite ({@code latest}), from the repository's root. */
    static final String LATEST_IN_REPOSITORY = "spec-tests/suite/latest";

    /**
     * The {@code .wast} folder of the 3.0 suite: system property {@code wasm.testsuite.latest.dir},
     * else the repository's copy, {@code spec-tests/suite/latest}.
     */
    public static Path locateLatest() {
        String prop = System.getProperty("wasm.testsuite.latest.dir");
        if (prop != null && !prop.isBlank()) {
            return existing(Paths.get(prop), "system property wasm.testsuite.latest.dir");
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LATEST_IN_REPOSITORY);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the WebAssembly 3.0 suite: no " + LATEST_IN_REPOSITORY
                + " above " + cwd + ", and -Dwasm.testsuite.latest.dir is not set (see spec-tests/suite/README.md)");
    }

    /** The {@code .wast} folder of the 2.0 suite; throws with instructions when it cannot be found. */
    public static Path locateWast() {
        String prop = System.getProperty("wasm.testsuite.wast.dir");
        if (prop != null && !prop.isBlank()) {
            return existing(Paths.get(prop), "system property wasm.testsuite.wast.dir");
        }
        String env = System.getenv("WASM_TESTSUITE_WAST_DIR");
        if (env != null && !env.isBlank()) {
            return existing(Paths.get(env), "environment variable WASM_TESTSUITE_WAST_DIR");
        }
        // Tests run with a module folder as working directory, the CLI usually from the repository.
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(IN_REPOSITORY);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the WebAssembly spec suite: no " + IN_REPOSITORY
                + " above " + cwd + ", and neither -Dwasm.testsuite.wast.dir nor WASM_TESTSUITE_WAST_DIR is set.\n"
                + howToGet());
    }

    private static Path locate(String property, String variable, String relative) {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            return existing(Paths.get(prop), "system property " + property);
        }
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return existing(Paths.get(env), "environment variable " + variable);
        }
        // Tests run with a module folder as working directory, the CLI usually from the repository.
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("..").resolve(relative).normalize();
            if (Files.isDirectory(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the WebAssembly spec suite: no ../" + relative
                + " beside the repository (looked up from " + cwd + "), and neither -D" + property + " nor "
                + variable + " is set.\n" + howToGet());
    }

    private static Path existing(Path p, String source) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the WebAssembly spec suite folder " + p + " (from " + source
                    + ") does not exist.\n" + howToGet());
        }
        return p;
    }

    static String howToGet() {
        return "To get it: git clone https://github.com/WebAssembly/testsuite and check out commit "
                + "3a04b2cf93bd8fce277458d419eea8d9c326345c (the 2.0 suite); its *.wast files are the suite "
                + "(-Dwasm.testsuite.wast.dir=/path/to/testsuite, or WASM_TESTSUITE_WAST_DIR). The small "
                + "wast2json check also wants them converted with wabt's wast2json (1.0.32): for f in *.wast; "
                + "do n=${f%.wast}; mkdir -p json/$n && wast2json $f -o json/$n/$n.json; done; and "
                + "-Dwasm.testsuite.dir=/path/to/json (or WASM_TESTSUITE_DIR). See the README's \"Spec test "
                + "suite\" section.";
    }
}
