package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec test script as {@code wast2json} writes it: the source .wast name and its commands, with
 * module files resolved against the json file's folder.
 */
public final class SpecScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jsonFile;
    private final String sourceFile;
    private final List<Command> commands;

    private SpecScript(Path jsonFile, String sourceFile, List<Command> commands) {
        this.jsonFile = jsonFile;
        this.sourceFile = sourceFile;
        this.commands = List.copyOf(commands);
    }

    /** Reads a wast2json file. */
    public static SpecScript read(Path jsonFile) {
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
            list.add(new Command(c.path("type").asText(), c.path("line").asInt(), c));
        }
        JsonNode source = root.get("source_filename");
        String name = source != null ? source.asText() : jsonFile.getFileName().toString();
        return new SpecScript(jsonFile, name, list);
    }

    /** The .wast file the script came from, e.g. {@code i32.wast}. */
    public String sourceFile() {
        return sourceFile;
    }

    public List<Command> commands() {
        return commands;
    }

    /** Reads a module file that a command names. */
    public byte[] moduleBytes(String filename) {
        Path p = jsonFile.resolveSibling(filename);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read module " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * The scripts under {@code path}: the file itself if it is a json file, else every
     * {@code *.json} below it, sorted by path.
     */
    public static List<Path> find(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (var files = Files.walk(path)) {
            return files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
