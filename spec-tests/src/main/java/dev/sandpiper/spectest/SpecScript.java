package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.Wat;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec test script: its source .wast name and its commands. Read from a {@code .wast} file
 * directly ({@link WastReader}) or from what {@code wast2json} writes (a {@code .json} file whose
 * module files are resolved against its folder); both give the same {@link Directive}s.
 */
public final class SpecScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String sourceFile;
    private final List<Command> commands;

    private SpecScript(Path file, String sourceFile, List<Command> commands) {
        this.file = file;
        this.sourceFile = sourceFile;
        this.commands = List.copyOf(commands);
    }

    /** Reads a script: a {@code .wast} file, else a wast2json {@code .json} file. */
    public static SpecScript read(Path file) {
        return isWast(file) ? readWast(file) : readJson(file);
    }

    static boolean isWast(Path file) {
        return file.getFileName().toString().endsWith(".wast");
    }

    /** Reads a {@code .wast} script. */
    public static SpecScript readWast(Path wastFile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wastFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec script " + wastFile + ": " + e.getMessage(), e);
        }
        String name = wastFile.getFileName().toString();
        String source;
        try {
            source = Names.decode(bytes);
        } catch (LiteralException e) {
            throw new IllegalArgumentException(wastFile + ": " + e.getMessage());
        }
        List<Command> commands;
        try {
            commands = WastReader.read(source, name);
        } catch (TextFormatException e) {
            commands = formByForm(source, name);
        }
        return new SpecScript(wastFile, name, commands);
    }

    /**
     * The commands of a script that cannot be tokenized as a whole, read one top-level form at a
     * time: a form that cannot be read is an {@link Directive.Unreadable} command with the reason.
     */
    private static List<Command> formByForm(String source, String name) {
        List<Command> commands = new ArrayList<>();
        for (int[] form : TopLevelForms.of(source)) {
            String text = source.substring(form[0], form[1]);
            try {
                commands.addAll(WastReader.read(TopLevelForms.only(source, form[0], form[1]), name));
            } catch (TextFormatException e) {
                String type = text.substring(1).strip().split("[\\s()\"]", 2)[0];
                commands.add(new Command(type.isEmpty() ? "unknown" : type, TopLevelForms.line(source, form[0]),
                        new Directive.Unreadable(e.getMessage()), null, text));
            }
        }
        return commands;
    }

    /** Reads a wast2json file. */
    public static SpecScript readJson(Path jsonFile) {
        JsonNode root;
        try {
            root = JSON.readTree(jsonFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec script " + jsonFile + ": " + e.getMessage(), e);
        }
        JsonNode cmds = root.get("commands");
        if (cmds == null || !cmds.isArray()) {
            throw new IllegalArgumentException(jsonFile + " is not a wast2json script: no \"commands\" array");
        }
        List<Command> list = new ArrayList<>(cmds.size());
        for (JsonNode c : cmds) {
            Directive d;
            try {
                d = directive(jsonFile, c);
            } catch (RuntimeException e) {
                d = new Directive.Unreadable("cannot read command: " + e);
            }
            list.add(new Command(c.path("type").asText(), c.path("line").asInt(), d, c));
        }
        JsonNode source = root.get("source_filename");
        String name = source != null ? source.asText() : jsonFile.getFileName().toString();
        return new SpecScript(jsonFile, name, list);
    }

    /** The model of one wast2json command. */
    private static Directive directive(Path jsonFile, JsonNode c) {
        String type = c.path("type").asText();
        return switch (type) {
            case "module" -> new Directive.Module(text(c, "name"), jsonModule(jsonFile, c));
            case "register" -> new Directive.Register(text(c, "as"), text(c, "name"));
            case "action" -> new Directive.Perform(action(c.get("action")));
            case "assert_return" -> new Directive.AssertReturn(action(c.get("action")), WastValues.patterns(c.get("expected")));
            case "assert_trap" -> new Directive.AssertTrap(action(c.get("action")), text(c, "text"), false);
            case "assert_exhaustion" -> new Directive.AssertTrap(action(c.get("action")), text(c, "text"), true);
            case "assert_exception" -> new Directive.AssertException(action(c.get("action")));
            case "assert_malformed" -> assertModule(jsonFile, c, Directive.Failure.MALFORMED);
            case "assert_invalid" -> assertModule(jsonFile, c, Directive.Failure.INVALID);
            case "assert_unlinkable" -> assertModule(jsonFile, c, Directive.Failure.UNLINKABLE);
            case "assert_uninstantiable" -> assertModule(jsonFile, c, Directive.Failure.UNINSTANTIABLE);
            default -> new Directive.Unreadable("unknown command type " + type);
        };
    }

    private static Directive assertModule(Path jsonFile, JsonNode c, Directive.Failure f) {
        return new Directive.AssertModule(f, jsonModule(jsonFile, c), text(c, "text"));
    }

    /** A module file of a wast2json script: a {@code .wasm}, or for {@code module_type: text} a {@code .wat}. */
    private static ScriptModule jsonModule(Path jsonFile, JsonNode c) {
        String filename = text(c, "filename");
        boolean isText = "text".equals(text(c, "module_type"));
        return new ScriptModule(isText, (Boolean memory64) -> {
            byte[] bytes = readModuleFile(jsonFile, filename);
            return isText ? Wat.parseModule(bytes, filename, memory64) : bytes;
        });
    }

    private static Directive.Action action(JsonNode a) {
        boolean get = "get".equals(a.path("type").asText());
        JsonNode args = a.get("args");
        return new Directive.Action(get, text(a, "module"), a.get("field").asText(),
                args == null ? List.of() : WastValues.values(args));
    }

    private static String text(JsonNode c, String field) {
        JsonNode n = c.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The .wast file the script came from, e.g. {@code i32.wast}. */
    public String sourceFile() {
        return sourceFile;
    }

    /** The file read: the .wast, or the wast2json .json. */
    public Path file() {
        return file;
    }

    public List<Command> commands() {
        return commands;
    }

    /** Reads a module file that a wast2json command names (beside the json file). */
    public byte[] moduleBytes(String filename) {
        return readModuleFile(file, filename);
    }

    private static byte[] readModuleFile(Path jsonFile, String filename) {
        Path p = jsonFile.resolveSibling(filename);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scripts under {@code path}: the file itself if it is a file, else every {@code *.json}
     * (wast2json) and {@code *.wast} below it, sorted by path.
     */
    public static List<Path> find(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (var files = Files.walk(path)) {
            return files.filter(p -> (p.toString().endsWith(".json") || p.toString().endsWith(".wast"))
                    && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** The {@code *.wast} scripts under {@code path} (or the file itself), sorted by path. */
    public static List<Path> findWast(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (var files = Files.walk(path)) {
            return files.filter(p -> p.toString().endsWith(".wast") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
