package dev.sandpiper.transforms;

import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.compiler.Engine;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads transform specs and pipelines from YAML or JSON files and checks them completely: every
 * field, the module each names (loaded and checked against the contract), the names across a
 * pipeline and the topic graph. Every problem of a file is reported, each with its file, line and
 * field ({@link Problem}).
 *
 * <h2>A spec</h2>
 * <pre>
 * name: mask-pii                 # required, kebab-case, unique
 * input_topic: cdc.raw           # required
 * output_topic: cdc.masked       # required; "" = the module's route export names the topic
 * wasm_module: ../transforms/mask-pii/mask-pii.wasm   # required; relative to this file
 * config:                        # optional object, merged into what init receives
 *   fields_to_mask: [email, phone, ssn]
 * instances: 2                   # optional, default 1: most parallel instances
 * max_memory_mb: 64              # optional, default 64
 * timeout_ms: 10                 # optional, default 10, per event
 * on_error: dlq                  # optional: dlq (default) | skip | fail
 * fuel: 5000000                  # optional: instructions per event, default unlimited
 * </pre>
 *
 * <h2>A pipeline</h2>
 * An object with a {@code transforms} list (and optionally a {@code name}); each item is a spec
 * written inline or the path of a spec file, relative to the pipeline file.
 *
 * <p>Modules are loaded for the {@link Engine} a pipeline will run on ({@link #loadPipeline(Path,
 * Engine)}, {@link Engine#AUTO} by default), so that a {@link TransformHost} of the same engine
 * deploys them as they are; checks alone ({@link #loadSpec}, {@link #check}) load them for the
 * interpreter, which defines no code.
 */
public final class Specs {
    static final List<String> FIELDS = List.of("name", "input_topic", "output_topic", "wasm_module", "config",
            "instances", "max_memory_mb", "timeout_ms", "on_error", "fuel");
    private static final List<String> REQUIRED = List.of("name", "input_topic", "output_topic", "wasm_module");
    private static final List<String> PIPELINE_FIELDS = List.of("name", "transforms");

    private Specs() {}

    /** A spec with its module, loaded and checked. */
    record Loaded(TransformSpec spec, WasmModule module) {}

    /**
     * Reads and checks one spec file, loading its module.
     *
     * @throws InvalidSpecException with every problem of the file
     */
    public static TransformSpec loadSpec(Path file) throws InvalidSpecException {
        List<Problem> problems = new ArrayList<>();
        Node root = SpecParser.parse(file, problems, file, 0, "(file)");
        Loaded loaded = null;
        if (root != null) {
            loaded = readSpecRoot(root, file, Engine.INTERPRETER, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return loaded.spec();
    }

    /**
     * Reads and checks a pipeline file, loading every module. A file holding a single spec (no
     * {@code transforms} list) is a pipeline of that one transform.
     *
     * @throws InvalidSpecException with every problem found, in this file and the spec files it names
     */
    public static Pipeline loadPipeline(Path file) throws InvalidSpecException {
        return loadPipeline(file, WasmConfig.DEFAULT_ENGINE);
    }

    /**
     * Reads and checks a pipeline file as {@link #loadPipeline(Path)} does, loading every module for
     * {@code engine} (with {@link Engine#COMPILER}, compiling it now).
     *
     * @throws InvalidSpecException with every problem found, in this file and the spec files it names
     *     (a module the engine cannot compile is a problem of its {@code wasm_module})
     */
    public static Pipeline loadPipeline(Path file, Engine engine) throws InvalidSpecException {
        List<Problem> problems = new ArrayList<>();
        Pipeline p = readPipeline(file, engine, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return p;
    }

    /**
     * Everything wrong with a file, which may be a module ({@code .wasm}), a spec or a pipeline;
     * empty when it is fine.
     */
    public static List<Problem> check(Path file) {
        List<Problem> problems = new ArrayList<>();
        Path name = file.getFileName();
        if (name != null && ModuleSource.isModuleName(name.toString())) {
            try {
                WasmModule.load(file, WasmConfig.builder().memoryLimitMb(TransformSpec.DEFAULT_MAX_MEMORY_MB)
                        .engine(Engine.INTERPRETER).build());
            } catch (WasmLoadException e) {
                problems.add(new Problem(file, 0, "(" + e.kind().name().toLowerCase(Locale.ROOT) + ")",
                        stripPrefix(e.getMessage())));
            }
            return problems;
        }
        readPipeline(file, Engine.INTERPRETER, problems);
        return problems;
    }

    /** Whether {@code file} holds a pipeline (a {@code transforms} list) rather than one spec; false if unreadable. */
    static boolean isPipelineRoot(Node root) {
        return root instanceof Node.Obj o && o.members().containsKey("transforms");
    }

    static Pipeline readPipeline(Path file, Engine engine, List<Problem> problems) {
        int before = problems.size();
        Node root = SpecParser.parse(file, problems, file, 0, "(file)");
        if (root == null) {
            return null;
        }
        List<Loaded> loaded = new ArrayList<>();
        String name = null;
        if (!isPipelineRoot(root)) {
            Loaded one = readSpecRoot(root, file, engine, problems);
            if (one != null) {
                loaded.add(one);
            }
        } else {
            Node.Obj obj = (Node.Obj) root;
            for (Node.Member m : obj.members().values()) {
                if (!PIPELINE_FIELDS.contains(m.key())) {
                    problems.add(new Problem(file, m.line(), m.key(), "unknown field" + suggestion(m.key(),
                            PIPELINE_FIELDS) + " (a pipeline has: " + String.join(", ", PIPELINE_FIELDS) + ")"));
                }
            }
            Node.Member nameMember = obj.members().get("name");
            if (nameMember != null) {
                if (!nameMember.value().isString()) {
                    problems.add(new Problem(file, nameMember.line(), "name",
                            "must be a string, not " + nameMember.value().describe()));
                } else {
                    name = (String) ((Node.Scalar) nameMember.value()).value();
                }
            }
            Node.Member list = obj.members().get("transforms");
            if (!(list.value() instanceof Node.Arr arr)) {
                problems.add(new Problem(file, list.line(), "transforms", "must be a list of specs or spec file paths, not "
                        + list.value().describe()));
            } else if (arr.items().isEmpty()) {
                problems.add(new Problem(file, list.line(), "transforms", "must name at least one transform"));
            } else {
                for (int i = 0; i < arr.items().size(); i++) {
                    Node item = arr.items().get(i);
                    String field = "transforms[" + i + "]";
                    if (item instanceof Node.Obj spec) {
                        Loaded l = readSpec(spec, file, field + ".", engine, problems);
                        if (l != null) {
                            loaded.add(l);
                        }
                    } else if (item.isString() && !((String) ((Node.Scalar) item).value()).isEmpty()) {
                        Path specFile = resolve(file, (String) ((Node.Scalar) item).value());
                        Node specRoot = SpecParser.parse(specFile, problems, file, item.line(), field);
                        if (specRoot != null) {
                            if (isPipelineRoot(specRoot)) {
                                problems.add(new Problem(file, item.line(), field, specFile
                                        + " is a pipeline; a pipeline's items are specs"));
                            } else {
                                Loaded l = readSpecRoot(specRoot, specFile, engine, problems);
                                if (l != null) {
                                    loaded.add(l);
                                }
                            }
                        }
                    } else {
                        problems.add(new Problem(file, item.line(), field,
                                "must be a spec (an object) or the path of a spec file, not " + item.describe()));
                    }
                }
            }
        }
        Map<String, TransformSpec> byName = new LinkedHashMap<>();
        for (Loaded l : loaded) {
            TransformSpec first = byName.putIfAbsent(l.spec().name(), l.spec());
            if (first != null) {
                problems.add(l.spec().problem("name", "duplicate transform name \"" + l.spec().name()
                        + "\" (also at " + first.source().orElse("?") + ")"));
            }
        }
        problems.addAll(Graph.cycles(new ArrayList<>(byName.values())));
        if (problems.size() > before) {
            return null;
        }
        return new Pipeline(file, name, loaded);
    }

    private static Loaded readSpecRoot(Node root, Path file, Engine engine, List<Problem> problems) {
        if (!(root instanceof Node.Obj obj)) {
            problems.add(new Problem(file, root.line(), "(file)", "a spec must be an object (key: value pairs), not "
                    + root.describe()));
            return null;
        }
        return readSpec(obj, file, "", engine, problems);
    }

    /**
     * Reads one spec object, loading its module for {@code engine}; adds its problems and returns
     * null when there are any.
     */
    static Loaded readSpec(Node.Obj obj, Path file, String prefix, Engine engine, List<Problem> problems) {
        int before = problems.size();
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("", obj.line());
        for (Node.Member m : obj.members().values()) {
            lines.put(m.key(), m.line());
            if (!FIELDS.contains(m.key())) {
                problems.add(new Problem(file, m.line(), prefix + m.key(), "unknown field" + suggestion(m.key(), FIELDS)
                        + " (a spec has: " + String.join(", ", FIELDS) + ")"));
            }
        }
        for (String f : REQUIRED) {
            if (!obj.members().containsKey(f)) {
                problems.add(new Problem(file, obj.line(), prefix + f, "missing required field"));
            }
        }
        Reader r = new Reader(obj, file, prefix, problems);
        TransformSpec.Builder b = TransformSpec.builder(null, null, null, null);
        b.source(file, lines, prefix);
        String name = r.string("name", false);
        if (name != null) {
            r.check("name", Names.nameProblem(name));
            b.name(name);
        }
        String in = r.string("input_topic", false);
        if (in != null) {
            r.check("input_topic", Names.topicProblem(in));
            b.inputTopic(in);
        }
        String out = r.string("output_topic", true);
        if (out != null) {
            r.check("output_topic", out.isEmpty() ? null : Names.topicProblem(out));
            b.outputTopic(out);
        }
        String wasm = r.string("wasm_module", false);
        Path module = null;
        if (wasm != null) {
            if (wasm.isEmpty()) {
                r.check("wasm_module", "must not be empty");
            } else {
                module = resolve(file, wasm);
                if (!Files.isRegularFile(module)) {
                    r.check("wasm_module", "file not found: " + module
                            + (Path.of(wasm).isAbsolute() ? "" : " (relative paths are resolved against the spec's folder)"));
                    module = null;
                }
            }
        }
        Map<String, Object> userConfig = Map.of();
        Node.Member config = obj.members().get("config");
        if (config != null && !config.value().isNull()) {
            if (config.value() instanceof Node.Obj) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) config.value().toJava();
                userConfig = map;
                b.config(map);
            } else {
                r.check("config", "must be an object (key: value pairs), not " + config.value().describe());
            }
        }
        Long instances = r.integer("instances", 1, TransformSpec.MAX_INSTANCES, false);
        if (instances != null) {
            b.instances(instances.intValue());
        }
        Long memory = r.integer("max_memory_mb", 1, Integer.MAX_VALUE, false);
        if (memory != null) {
            b.maxMemoryMb(memory.intValue());
        }
        Long timeout = r.integer("timeout_ms", 1, TransformSpec.MAX_TIMEOUT_MS, false);
        if (timeout != null) {
            b.timeoutMs(timeout);
        }
        Long fuel = r.integer("fuel", 1, Long.MAX_VALUE, true);
        if (fuel != null) {
            b.fuel(fuel);
        }
        String onError = r.string("on_error", false);
        if (onError != null) {
            OnError o = OnError.parse(onError);
            if (o == null) {
                r.check("on_error", "must be dlq, skip or fail, not \"" + onError + "\"");
            } else {
                b.onError(o);
            }
        }
        WasmModule loaded = null;
        if (module != null) {
            b.wasmModule(module);
            WasmConfig wasmConfig = WasmConfig.builder().modulePath(module)
                    .name(name != null && Names.nameProblem(name) == null ? name : "transform")
                    .timeoutMs(timeout != null ? timeout : TransformSpec.DEFAULT_TIMEOUT_MS)
                    .memoryLimitMb(memory != null ? memory.intValue() : TransformSpec.DEFAULT_MAX_MEMORY_MB)
                    .fuel(fuel != null ? fuel : WasmConfig.NO_FUEL_LIMIT)
                    .initConfig(userConfig)
                    .engine(engine)
                    .build();
            loaded = loadModule(wasmConfig, module, r);
            if (loaded != null && out != null && out.isEmpty() && !loaded.exports("route")) {
                r.check("output_topic", "is empty, so the module's route export must name each event's topic, but "
                        + module + " exports no route function");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Loaded(b.build(), loaded);
    }

    /** Loads the module with the spec's limits; a rejection becomes a problem of the field it is about. */
    private static WasmModule loadModule(WasmConfig config, Path module, Reader r) {
        try {
            return WasmModule.load(module, config);
        } catch (WasmLoadException e) {
            String m = e.getMessage();
            if (e.kind() == WasmLoadException.Kind.CONFIG && m.startsWith("memory_limit_mb: ")) {
                r.check("max_memory_mb", m.substring("memory_limit_mb: ".length()));
            } else if (e.kind() == WasmLoadException.Kind.CONFIG && m.startsWith("timeout_ms: ")) {
                r.check("timeout_ms", m.substring("timeout_ms: ".length()));
            } else if (e.kind() == WasmLoadException.Kind.CONFIG && m.startsWith("fuel: ")) {
                r.check("fuel", m.substring("fuel: ".length()));
            } else {
                r.check("wasm_module", module + " is rejected (" + e.kind().name().toLowerCase(Locale.ROOT) + "): "
                        + stripPrefix(m));
            }
            return null;
        }
    }

    /** Drops the "transform: " or "module_path: " prefix WasmModule puts before its messages. */
    private static String stripPrefix(String message) {
        for (String p : new String[] {"transform: ", "module_path: "}) {
            if (message.startsWith(p)) {
                return message.substring(p.length());
            }
        }
        return message;
    }

    static Path resolve(Path file, String path) {
        Path p = Path.of(path);
        Path dir = file.getParent();
        return (p.isAbsolute() || dir == null ? p : dir.resolve(p)).normalize();
    }

    /** " (did you mean x?)" when {@code key} is a near miss of a known field. */
    static String suggestion(String key, List<String> known) {
        String k = squash(key);
        String best = null;
        int bestDistance = 3;
        for (String f : known) {
            String sf = squash(f);
            int d = sf.equals(k) ? 0 : k.length() >= 4 && (sf.startsWith(k) || k.startsWith(sf)) ? 1
                    : distance(key.toLowerCase(Locale.ROOT), f);
            if (d < bestDistance) {
                best = f;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Typed access to the fields of one spec object, reporting type errors. */
    private static final class Reader {
        private final Node.Obj obj;
        private final Path file;
        private final String prefix;
        private final List<Problem> problems;

        Reader(Node.Obj obj, Path file, String prefix, List<Problem> problems) {
            this.obj = obj;
            this.file = file;
            this.prefix = prefix;
            this.problems = problems;
        }

        void check(String field, String problem) {
            if (problem != null) {
                Node.Member m = obj.members().get(field);
                problems.add(new Problem(file, m == null ? obj.line() : m.line(), prefix + field, problem));
            }
        }

        /** The string value, or null when absent or not a string (reported). */
        String string(String field, boolean mayBeEmpty) {
            Node.Member m = obj.members().get(field);
            if (m == null) {
                return null;
            }
            if (!m.value().isString()) {
                check(field, "must be a string" + (mayBeEmpty ? " (\"\" to let the module's route name the topic)" : "")
                        + ", not " + m.value().describe()
                        + (m.value() instanceof Node.Scalar s && s.value() instanceof Boolean ? " (quote it)" : ""));
                return null;
            }
            return (String) ((Node.Scalar) m.value()).value();
        }

        /** A whole number in [min, max], or null when absent, null (if allowed) or invalid (reported). */
        Long integer(String field, long min, long max, boolean nullable) {
            Node.Member m = obj.members().get(field);
            if (m == null || (nullable && m.value().isNull())) {
                return null;
            }
            if (!m.value().isInteger()) {
                check(field, "must be a whole number, not " + m.value().describe());
                return null;
            }
            Object v = ((Node.Scalar) m.value()).value();
            boolean small = v instanceof BigInteger b ? b.signum() < 0 : (Long) v < min;
            boolean large = v instanceof BigInteger b ? b.signum() > 0 : (Long) v > max;
            if (small || large) {
                check(field, "must be " + (max <= 100_000 ? min + ".." + max : small ? "at least " + min : "at most " + max)
                        + ", not " + v);
                return null;
            }
            return (Long) v;
        }
    }
}
