package dev.sandpiper.text.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The official 2.0 suite beside the repository ({@code ../shared/wasm-testsuite/wasm-2.0}): its
 * {@code .wast} files and wast2json's output, one command per line of each {@code .json}.
 */
final class SuiteFiles {
    static final String RELATIVE = "../shared/wasm-testsuite/wasm-2.0";

    private SuiteFiles() {}

    /** The suite folder, or null when it is not beside the repository. */
    static Path locate() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE).normalize();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("wast"))
                    && Files.isDirectory(candidate.resolve("json"))) {
                return candidate;
            }
        }
        return null;
    }

    static String missingMessage() {
        return "WebAssembly 2.0 spec suite not found at " + RELATIVE + " relative to the repository root; "
                + "skipping the text-format oracle tests";
    }

    /** One command of a wast2json script. */
    record Command(String type, int line, String filename, String moduleType, String text) {}

    private static final Pattern FIELD = Pattern.compile("\"(type|line|filename|module_type|text)\": (\"((?:[^\"\\\\]|\\\\.)*)\"|\\d+)");

    /** The names of the scripts ({@code address}, {@code align}, ...), sorted. */
    static List<String> scripts(Path suite) {
        try (Stream<Path> s = Files.list(suite.resolve("json"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Command> commands(Path suite, String script) {
        List<Command> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(suite.resolve("json").resolve(script).resolve(script + ".json"))) {
                if (!line.trim().startsWith("{\"type\"")) {
                    continue;
                }
                String type = null;
                int ln = 0;
                String file = null;
                String moduleType = null;
                String text = null;
                // only the command's own fields: stop at nested action/expected objects
                String head = line;
                int nested = line.indexOf("\"action\": {");
                if (nested > 0) {
                    head = line.substring(0, nested);
                }
                Matcher m = FIELD.matcher(head);
                while (m.find()) {
                    String v = m.group(3) != null ? m.group(3) : m.group(2);
                    switch (m.group(1)) {
                        case "type" -> type = type == null ? v : type;
                        case "line" -> ln = Integer.parseInt(v);
                        case "filename" -> file = v;
                        case "module_type" -> moduleType = v;
                        default -> text = v;
                    }
                }
                out.add(new Command(type, ln, file, moduleType, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
