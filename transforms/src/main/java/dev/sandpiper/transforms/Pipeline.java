package dev.sandpiper.transforms;

import dev.sandpiper.abi.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A checked set of transforms, read from a pipeline file by {@link Specs#loadPipeline}: unique
 * names, every module loaded and checked, no cycle. Transforms chain where one's output topic is
 * another's input topic; several may read one topic (fan-out) or write one topic (fan-in).
 * Immutable; deploy it with {@link TransformHost#deploy(Pipeline)}.
 */
public final class Pipeline {
    private final Path file;
    private final String name;
    private final Map<String, Specs.Loaded> transforms = new LinkedHashMap<>();

    Pipeline(Path file, String name, List<Specs.Loaded> loaded) {
        this.file = file;
        this.name = name;
        for (Specs.Loaded l : loaded) {
            transforms.put(l.spec().name(), l);
        }
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** The pipeline's {@code name} field, if it has one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The transforms in file order. */
    public List<TransformSpec> transforms() {
        return transforms.values().stream().map(Specs.Loaded::spec).toList();
    }

    /** The loaded module of transform {@code name}. */
    public WasmModule module(String name) {
        Specs.Loaded l = transforms.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no transform named " + name);
        }
        return l.module();
    }

    /** The transforms reading {@code topic}, in file order. */
    public List<TransformSpec> readers(String topic) {
        return transforms().stream().filter(s -> s.inputTopic().equals(topic)).toList();
    }

    /** Topics some transform reads that no transform of the pipeline writes: where events enter. */
    public List<String> entryTopics() {
        TreeSet<String> written = new TreeSet<>();
        for (TransformSpec s : transforms()) {
            written.add(s.outputTopic());
        }
        TreeSet<String> entries = new TreeSet<>();
        for (TransformSpec s : transforms()) {
            if (!written.contains(s.inputTopic())) {
                entries.add(s.inputTopic());
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * Fixed output topics no transform reads: where events leave (routed transforms add the topics
     * their module names).
     */
    public List<String> exitTopics() {
        TreeSet<String> exits = new TreeSet<>();
        for (TransformSpec s : transforms()) {
            if (!s.routed() && readers(s.outputTopic()).isEmpty()) {
                exits.add(s.outputTopic());
            }
        }
        return new ArrayList<>(exits);
    }

    List<Specs.Loaded> loaded() {
        return new ArrayList<>(transforms.values());
    }
}
