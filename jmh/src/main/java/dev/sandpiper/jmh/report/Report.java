package dev.sandpiper.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one JMH JSON result file ({@code -rf json}) into a Markdown report: the machine and JVM at
 * the top, then one section per benchmark package with, per benchmark class and parameter set, every
 * method's score and error and the ratios between engines, then every result as JMH reported it.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sandpiper.jmh.report.Report RESULTS.json OUT.md
 * [--mode NAME] [--note TEXT]...}
 *
 * <p>What is compared with what is defined once, in {@link #RATIOS}; how methods are ordered in
 * {@link #METHOD_ORDER}; rows in {@link #CLASS_ORDER}; section titles in {@link #SECTIONS}. A new
 * benchmark package (transforms, say) gets its own section without changes here; its classes get
 * ratio columns for each rule whose two methods they have.
 */
public final class Report {

    /**
     * One ratio column: {@code numerator}'s time per operation divided by {@code denominator}'s, for
     * benchmarks of the same class and parameters, when both methods exist. Above 1 the numerator is
     * slower.
     */
    public record RatioRule(String numerator, String denominator, boolean speedup) {
        /** A time ratio: {@code numerator}'s time per operation over {@code denominator}'s. */
        public RatioRule(String numerator, String denominator) {
            this(numerator, denominator, false);
        }

        /**
         * A speedup: {@code numerator}'s rate over {@code denominator}'s (the inverse of the time ratio),
         * for more threads against fewer, where above 1 is better.
         */
        public static RatioRule speedup(String numerator, String denominator) {
            return new RatioRule(numerator, denominator, true);
        }

        public String label() {
            return (speedup ? "speedup " : "") + numerator + "/" + denominator;
        }
    }

    /** Every ratio the report computes. */
    public static final List<RatioRule> RATIOS = List.of(
            // Engine kernels and cold start: Sandpiper's interpreter, then its compiled tier, against Chicory's
            // interpreter and compiler and the plain-Java twin.
            new RatioRule("sandpiper", "chicoryInterpreter"),
            new RatioRule("sandpiper", "chicoryCompiler"),
            new RatioRule("sandpiper", "java"),
            new RatioRule("sandpiperCompiled", "chicoryInterpreter"),
            new RatioRule("sandpiperCompiled", "chicoryCompiler"),
            new RatioRule("sandpiperCompiled", "java"),
            // The compiled tier against the interpreter (above 1: compiled code is faster), and what counting
            // fuel costs it.
            RatioRule.speedup("sandpiperCompiled", "sandpiper"),
            new RatioRule("sandpiperCompiled", "sandpiperCompiledNoFuel"),
            // Cold start: the default engine's load (like for like), and its load and first call, against
            // the interpreter's load.
            new RatioRule("sandpiperAutoLoad", "sandpiper"),
            new RatioRule("sandpiperAuto", "sandpiper"),
            // Transforms: the guest through the runtime against its plain-Java twins (seed 000's "native"),
            // on the interpreter, then compiled.
            new RatioRule("wasmEvent", "javaBytes"),
            new RatioRule("wasmJson", "javaBytes"),
            new RatioRule("wasmEvent", "javaObject"),
            new RatioRule("wasmJson", "javaObject"),
            new RatioRule("compiledEvent", "javaBytes"),
            new RatioRule("compiledJson", "javaBytes"),
            new RatioRule("compiledEvent", "javaObject"),
            new RatioRule("compiledJson", "javaObject"),
            RatioRule.speedup("compiledEvent", "wasmEvent"),
            RatioRule.speedup("compiledJson", "wasmJson"),
            // The pool: two threads against one, and compiled against interpreted on two threads.
            RatioRule.speedup("twoThreads", "oneThread"),
            RatioRule.speedup("compiledTwoThreads", "compiledOneThread"),
            RatioRule.speedup("compiledTwoThreads", "twoThreads"),
            // The Kafka Connect SMT: ours (compiled guest, then interpreted) against Kafka's MaskField and against the
            // same guest on Chicory's compiler behind the same SMT interface; compiled against interpreted.
            new RatioRule("sandpiper", "maskField"),
            new RatioRule("sandpiper", "chicory"),
            new RatioRule("sandpiperInterpreter", "maskField"),
            new RatioRule("sandpiperInterpreter", "chicory"),
            RatioRule.speedup("sandpiper", "sandpiperInterpreter"));

    /** Column order for benchmark methods; methods not listed follow in alphabetical order. */
    public static final List<String> METHOD_ORDER = List.of("sandpiper", "sandpiperCompiled", "sandpiperCompiledNoFuel",
            "sandpiperAutoLoad", "sandpiperAuto", "sandpiperInterpreter", "chicoryInterpreter", "chicoryCompiler", "chicory", "java",
            "maskField", "wasmEvent", "wasmJson", "compiledEvent", "compiledJson", "javaBytes", "javaObject", "oneThread",
            "twoThreads", "compiledOneThread", "compiledTwoThreads");

    /** Row order within a section, by class name; classes not listed follow in the order JMH ran them. */
    public static final List<String> CLASS_ORDER = List.of("FibBenchmark", "SieveBenchmark", "Sha256Benchmark",
            "MatmulBenchmark", "MemopsBenchmark", "JsonBenchmark", "LoadBenchmark", "InstantiateBenchmark",
            "TransformBenchmark", "PoolBenchmark", "MaskPiiBenchmark");

    /**
     * Sections (by Java package) whose score tables end with a row of each ratio's geometric mean over
     * the rows: the kernels, where one figure per comparison sums up programs of different character.
     */
    public static final Set<String> GEOMETRIC_MEAN_SECTIONS = Set.of("dev.sandpiper.jmh.engine");

    /** A paragraph under a section's title, by Java package: what its methods measure. */
    public static final Map<String, String> SECTION_NOTES = orderedMap(
            "dev.sandpiper.jmh.engine",
            "`sandpiper`: Sandpiper's interpreter; `sandpiperCompiled`: its second tier, every function "
                    + "compiled to JVM bytecode (`WasmCompiler.standard().compile(module)`, the setup checks none "
                    + "was left to the interpreter), counting fuel exactly as the interpreter does with no limit "
                    + "set; `sandpiperCompiledNoFuel`: compiled without counting instructions "
                    + "(`withoutFuelCounting()`: deadlines still polled), to show what counting costs. "
                    + "`chicoryInterpreter`, `chicoryCompiler`: Chicory 1.7.5; `java`: the plain-Java twin. The last "
                    + "row is each ratio's geometric mean over the kernels.",
            "dev.sandpiper.jmh.coldstart",
            "`LoadBenchmark`: bytes to an instance. `sandpiper`: decode, validate, translate, instantiate; "
                    + "`sandpiperCompiled`: the same plus compiling every function to JVM bytecode at load "
                    + "(engine compiler); `sandpiperAutoLoad`: the default engine, auto (loads as the interpreter "
                    + "does and would compile once hot), instantiate; `sandpiperAuto`: the same and a first small "
                    + "interpreted call. "
                    + "`InstantiateBenchmark`: one more instance of a module loaded in setup (`sandpiperCompiled`: "
                    + "of a compiled module; its instances bind the compiled code at their first call).",
            "dev.sandpiper.jmh.transform",
            "One event per operation, the 40 sample events (`examples/events/sample.jsonl`) cycled. `wasmEvent`: "
                    + "the guest through `WasmRuntime.transform(Event)` (the host serializes the event and parses "
                    + "the output into an `Event`); `wasmJson`: through `transformJson(bytes)` (canonical JSON in "
                    + "hand; the output is validated, not built); both on the interpreter (engine interpreter). "
                    + "`compiledEvent`, `compiledJson`: the same with the guest compiled to JVM bytecode when "
                    + "loaded (engine compiler). `javaBytes`: a plain-Java twin of the guest on "
                    + "the same bytes with Jackson's tree model (parse, transform, serialize; for pass-through "
                    + "and drop-deletes it re-serializes where the guest hands its input back); `javaObject`: the "
                    + "twin on `Event`s, no JSON (for pass-through it returns its argument, so the ratios over it "
                    + "are huge by construction). route-by-table: its guest's work is naming the output topic, so "
                    + "`wasmJson` and `compiledJson` call `process(json, 0, len, true)` (transform, then the guest's "
                    + "`route`; the topic read back) and both twins name the topic too; `wasmEvent` and "
                    + "`compiledEvent` cannot route and measure its transform alone (the event handed back). "
                    + "One runtime with the contract's defaults except `timeout_ms` "
                    + "10000 (so a slow event is measured, not failed); enrich's per-event INFO log is disabled "
                    + "(WARNING level). `PoolBenchmark`: a `WasmRuntimePool` of 2, `transform(Event)`, 1 and 2 "
                    + "threads (throughput summed over threads), on the interpreter and (`compiled...`) compiled. "
                    + "Setups check every implementation gives the guest's outputs over all 40 events (and, for "
                    + "route-by-table, that the guest's topic equals the twin's for each).",
            "dev.sandpiper.jmh.connect",
            "One `apply(SourceRecord)` per operation: masking `email`, `phone`, `ssn` in 40 Debezium change records "
                    + "(PostgreSQL connector, `public.users`, full envelope Struct schema; 8 r, 12 c, 16 u, 4 d), "
                    + "cycled. Here `sandpiper` is the compiled tier: `WasmTransform` with the mask-pii guest, engine "
                    + "compiler (record to canonical Event, Event JSON, pooled guest call under a deadline, output "
                    + "validated and parsed, back to a record, metrics); `sandpiperInterpreter`: the same, engine "
                    + "interpreter. `chicory`: the same guest on Chicory 1.7.5's compiler behind the same SMT interface "
                    + "with the connect module's own conversions (no pool, deadline, memory limit or metrics). "
                    + "`maskField`: Kafka 4.4's `MaskField$Value` (`replacement=***REDACTED***`) run on the `before` and "
                    + "`after` Structs by a thin wrapper that rebuilds the envelope: no Event, no JSON, no WebAssembly. "
                    + "Setups check all four give equal records on all 40.");

    /** Order of JMH modes within a section, and their titles (used when a section has more than one). */
    public static final Map<String, String> MODES = orderedMap(
            "thrpt", "Throughput: operations per second (higher is better)",
            "avgt", "Average time per operation",
            "sample", "Sample time: mean and percentiles of single operations",
            "ss", "Single shot time");

    /** The percentiles the sample-time tables show, as JMH names them in its JSON. */
    public static final List<String> PERCENTILES = List.of("50.0", "90.0", "99.0", "99.9", "100.0");

    /** Section titles and order by Java package; other packages follow under their own name. */
    public static final Map<String, String> SECTIONS = orderedMap(
            "dev.sandpiper.jmh.engine", "Engine kernels",
            "dev.sandpiper.jmh.coldstart", "Cold start",
            "dev.sandpiper.jmh.transform", "Transforms",
            "dev.sandpiper.jmh.connect", "Kafka Connect SMT");

    /**
     * One benchmark result: one method with one parameter set in one mode. {@code percentiles} (sample
     * time only, else empty) maps JMH's percentile names ({@code "99.0"}) to values in {@code unit}.
     */
    public record Result(String pkg, String className, String method, Map<String, String> params, String mode,
            int threads, double score, double error, String unit, Map<String, Double> percentiles) {

        /** A result without percentiles, run on one thread. */
        public Result(String pkg, String className, String method, Map<String, String> params, String mode,
                double score, double error, String unit) {
            this(pkg, className, method, params, mode, 1, score, error, unit, Map.of());
        }

        /** Class name and parameters: results with the same group are compared with each other. */
        String group() {
            return className + params;
        }

        String paramText() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return sb.toString();
        }

        /** True when a larger score means slower (time per operation), false for throughput. */
        boolean timeBased() {
            return !mode.equals("thrpt");
        }

        /**
         * How many of {@code unit} make one second: 1 for "s", 1000 for "ms"; for a throughput unit
         * ("ops/us") the same for its time part. NaN for a unit the report does not know.
         */
        double perSecond() {
            String u = timeBased() ? unit.substring(0, Math.max(0, unit.indexOf('/'))) : unit.substring(unit.indexOf('/') + 1);
            switch (u) {
                case "s": return 1;
                case "ms": return 1e3;
                case "us": return 1e6;
                case "ns": return 1e9;
                case "min": return 1.0 / 60;
                case "hr": return 1.0 / 3600;
                default: return Double.NaN;
            }
        }

        /** A throughput result in operations per second; others unchanged. */
        Result displayed() {
            if (timeBased() || unit.equals("ops/s") || Double.isNaN(perSecond())) {
                return this;
            }
            double f = perSecond();
            return new Result(pkg, className, method, params, mode, threads, score * f, error * f, "ops/s", percentiles);
        }

        /** A time value of this result's unit in microseconds (NaN when the unit is unknown or not time). */
        double micros(double value) {
            return timeBased() ? value * 1e6 / perSecond() : Double.NaN;
        }

        /** This throughput result's score in operations per second (NaN when not throughput). */
        double opsPerSecond() {
            return timeBased() ? Double.NaN : score * perSecond();
        }
    }

    /** The run's settings, read from the first result. */
    public record RunInfo(String jmhVersion, String vmName, String vmVersion, String jdkVersion, List<String> jvmArgs,
            int forks, int warmupIterations, String warmupTime, int measurementIterations, String measurementTime) {}

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Report RESULTS.json OUT.md [--mode NAME] [--note TEXT]...");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String mode = null;
        List<String> notes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--mode") && i + 1 < args.length) {
                mode = args[++i];
            } else if (args[i].equals("--note") && i + 1 < args.length) {
                notes.add(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        JsonNode root = new ObjectMapper().readTree(in.toFile());
        Map<String, String> header = new LinkedHashMap<>();
        header.put("Date", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(Instant.ofEpochMilli(Files.getLastModifiedTime(in).toMillis()).atOffset(ZoneOffset.UTC))
                + " (results written)");
        if (mode != null) {
            header.put("Mode", mode);
        }
        header.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (available processors)");
        header.put("Results", "`" + in + "`");
        String md = render(parse(root), runInfo(root), header, notes);
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    // ---- reading ----

    /** The results of a JMH JSON file, in file order. */
    public static List<Result> parse(JsonNode root) {
        List<Result> results = new ArrayList<>();
        for (JsonNode b : root) {
            String name = b.path("benchmark").asText();
            int lastDot = name.lastIndexOf('.');
            String cls = name.substring(0, lastDot);
            int clsDot = cls.lastIndexOf('.');
            Map<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            JsonNode metric = b.path("primaryMetric");
            Map<String, Double> percentiles = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> pit = metric.path("scorePercentiles").fields();
            while (pit.hasNext()) {
                Map.Entry<String, JsonNode> e = pit.next();
                percentiles.put(e.getKey(), number(e.getValue()));
            }
            results.add(new Result(clsDot < 0 ? "" : cls.substring(0, clsDot), cls.substring(clsDot + 1),
                    name.substring(lastDot + 1), params, b.path("mode").asText(), b.path("threads").asInt(1),
                    number(metric.path("score")), number(metric.path("scoreError")), metric.path("scoreUnit").asText(),
                    b.path("mode").asText().equals("sample") ? percentiles : Map.of()));
        }
        return results;
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText()); // JMH writes "NaN" for an error it cannot compute
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static RunInfo runInfo(JsonNode root) {
        JsonNode b = root.size() > 0 ? root.get(0) : root;
        List<String> jvmArgs = new ArrayList<>();
        b.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return new RunInfo(b.path("jmhVersion").asText(), b.path("vmName").asText(), b.path("vmVersion").asText(),
                b.path("jdkVersion").asText(), jvmArgs, b.path("forks").asInt(), b.path("warmupIterations").asInt(),
                b.path("warmupTime").asText(), b.path("measurementIterations").asInt(),
                b.path("measurementTime").asText());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }

    // ---- rendering ----

    /**
     * The whole report. {@code header} rows come first (date, CPU, ...), then the JVM and JMH
     * settings, then one row per note.
     */
    public static String render(List<Result> results, RunInfo run, Map<String, String> header, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Sandpiper JMH results\n\n");
        md.append("| | |\n| --- | --- |\n");
        header.forEach((k, v) -> row(md, k, v));
        row(md, "JVM", run.vmName() + " " + run.vmVersion() + " (JDK " + run.jdkVersion() + ")"
                + (run.jvmArgs().isEmpty() ? "" : ", args `" + String.join(" ", run.jvmArgs()) + "`"));
        row(md, "JMH", run.jmhVersion() + ": " + run.forks() + " fork(s), " + run.warmupIterations() + " × "
                + run.warmupTime() + " warmup, " + run.measurementIterations() + " × " + run.measurementTime()
                + " measurement, per benchmark");
        notes.forEach(n -> row(md, "Note", n));
        md.append('\n');
        md.append("Scores are JMH's: the mean over measured iterations ± the half-width of its 99.9% confidence "
                + "interval; throughput is shown per second. A ratio `a/b` divides a's time per operation by b's, "
                + "within this one run: above 1 a is slower, below 1 faster (its ± combines both relative errors); "
                + "a speedup is the inverse, b's time over a's. A geometric mean row sums a ratio up over the rows "
                + "that have it. See `jmh/README.md`.\n");

        Map<String, List<Result>> bySection = new LinkedHashMap<>();
        for (String pkg : SECTIONS.keySet()) {
            bySection.put(pkg, new ArrayList<>());
        }
        for (Result r : results) {
            bySection.computeIfAbsent(r.pkg(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> section : bySection.entrySet()) {
            if (!section.getValue().isEmpty()) {
                section(md, SECTIONS.getOrDefault(section.getKey(), section.getKey()),
                        SECTION_NOTES.get(section.getKey()), section.getValue(),
                        GEOMETRIC_MEAN_SECTIONS.contains(section.getKey()));
            }
        }
        Targets.render(md, results);
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String note, List<Result> results,
            boolean geometricMean) {
        md.append("\n## ").append(title).append("\n\n");
        if (note != null) {
            md.append(note).append("\n\n");
        }
        Map<String, List<Result>> byMode = new LinkedHashMap<>();
        for (String mode : MODES.keySet()) {
            byMode.put(mode, new ArrayList<>());
        }
        for (Result r : results) {
            byMode.computeIfAbsent(r.mode(), k -> new ArrayList<>()).add(r.displayed());
        }
        byMode.values().removeIf(List::isEmpty);
        boolean headings = byMode.size() > 1;
        boolean first = true;
        for (Map.Entry<String, List<Result>> mode : byMode.entrySet()) {
            if (headings) {
                md.append(first ? "" : "\n").append("### ").append(MODES.getOrDefault(mode.getKey(), mode.getKey()))
                        .append("\n\n");
            }
            first = false;
            if (mode.getKey().equals("sample")) {
                sampleTable(md, ordered(mode.getValue()));
            } else {
                scoreTables(md, ordered(mode.getValue()), geometricMean);
            }
        }

        md.append("\n<details><summary>All ").append(title.toLowerCase(Locale.ROOT))
                .append(" results as JMH reported them</summary>\n\n");
        md.append("| Benchmark | Mode | Score | Error | Unit |\n| --- | --- | ---: | ---: | --- |\n");
        for (Result r : results) {
            md.append("| ").append(r.className()).append('.').append(r.method())
                    .append(r.params().isEmpty() ? "" : " (" + r.paramText() + ")").append(" | ").append(r.mode())
                    .append(r.threads() > 1 ? ", " + r.threads() + " threads" : "")
                    .append(" | ").append(sig(r.score(), 6)).append(" | ")
                    .append(Double.isNaN(r.error()) ? "NaN" : sig(r.error(), 3)).append(" | ").append(r.unit())
                    .append(" |\n");
        }
        md.append("\n</details>\n");
    }

    /** Results in {@link #CLASS_ORDER}, stably (JMH's order within a class). */
    private static List<Result> ordered(List<Result> results) {
        List<Result> ordered = new ArrayList<>(results);
        ordered.sort(java.util.Comparator.comparingInt(r -> {
            int i = CLASS_ORDER.indexOf(r.className());
            return i < 0 ? CLASS_ORDER.size() : i;
        }));
        return ordered;
    }

    /** Methods in {@link #METHOD_ORDER}, then alphabetically. */
    private static List<String> methodOrder(Set<String> present) {
        List<String> methods = new ArrayList<>();
        for (String m : METHOD_ORDER) {
            if (present.contains(m)) {
                methods.add(m);
            }
        }
        present.stream().sorted().filter(m -> !methods.contains(m)).forEach(methods::add);
        return methods;
    }

    /**
     * Scores of one mode: a row per class and parameters, a column per method and per ratio rule that
     * applies. Rows with no method in common go to separate tables.
     */
    private static void scoreTables(StringBuilder md, List<Result> results, boolean geometricMean) {
        Map<String, Map<String, Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            groups.computeIfAbsent(r.group(), k -> new LinkedHashMap<>()).put(r.method(), r);
        }
        // A row joins the first table sharing a method with it; rows with no method in common (another
        // benchmark's methods altogether) start a new table.
        List<Set<String>> tableMethods = new ArrayList<>();
        List<List<Map<String, Result>>> tables = new ArrayList<>();
        for (Map<String, Result> g : groups.values()) {
            int t = 0;
            while (t < tables.size() && java.util.Collections.disjoint(tableMethods.get(t), g.keySet())) {
                t++;
            }
            if (t == tables.size()) {
                tableMethods.add(new java.util.HashSet<>());
                tables.add(new ArrayList<>());
            }
            tableMethods.get(t).addAll(g.keySet());
            tables.get(t).add(g);
        }
        for (int t = 0; t < tables.size(); t++) {
            md.append(t == 0 ? "" : "\n");
            scoreTable(md, methodOrder(tableMethods.get(t)), tables.get(t), geometricMean);
        }
    }

    private static void scoreTable(StringBuilder md, List<String> methods, List<Map<String, Result>> groups,
            boolean geometricMean) {
        List<RatioRule> rules = new ArrayList<>();
        for (RatioRule rule : RATIOS) {
            if (groups.stream().anyMatch(g -> g.containsKey(rule.numerator()) && g.containsKey(rule.denominator()))) {
                rules.add(rule);
            }
        }
        boolean anyParams = groups.stream().anyMatch(g -> !g.values().iterator().next().params().isEmpty());

        md.append("| Benchmark |").append(anyParams ? " Params |" : "").append(" Unit |");
        methods.forEach(m -> md.append(' ').append(m).append(threadsSuffix(m, groups)).append(" |"));
        rules.forEach(r -> md.append(' ').append(r.label()).append(" |"));
        md.append('\n').append("| --- |").append(anyParams ? " --- |" : "").append(" --- |");
        methods.forEach(m -> md.append(" ---: |"));
        rules.forEach(r -> md.append(" ---: |"));
        md.append('\n');
        for (Map<String, Result> group : groups) {
            Result any = group.values().iterator().next();
            md.append("| ").append(any.className()).append(" |");
            if (anyParams) {
                md.append(' ').append(any.paramText()).append(" |");
            }
            md.append(' ').append(any.unit()).append(" |");
            for (String m : methods) {
                Result r = group.get(m);
                md.append(' ').append(r == null ? "" : scoreText(r)).append(" |");
            }
            for (RatioRule rule : rules) {
                Result num = group.get(rule.numerator());
                Result den = group.get(rule.denominator());
                md.append(' ').append(rule.speedup() ? ratioText(den, num) : ratioText(num, den)).append(" |");
            }
            md.append('\n');
        }
        if (geometricMean && groups.size() > 1 && !rules.isEmpty()) {
            md.append("| geometric mean (").append(groups.size()).append(" rows) |").append(anyParams ? " |" : "")
                    .append(" |");
            methods.forEach(m -> md.append(" |"));
            rules.forEach(r -> md.append(' ').append(geometricMeanText(groups, r)).append(" |"));
            md.append('\n');
        }
    }

    /**
     * The geometric mean of {@code rule}'s ratio over the rows that have both its methods, ± its error
     * propagated from the ratios' (the relative errors added in quadrature, divided by their count);
     * "(n of m)" when some rows lack one of the methods; empty when none has both.
     */
    static String geometricMeanText(List<Map<String, Result>> groups, RatioRule rule) {
        double logSum = 0;
        double relSquares = 0;
        int n = 0;
        for (Map<String, Result> g : groups) {
            Result num = rule.speedup() ? g.get(rule.denominator()) : g.get(rule.numerator());
            Result den = rule.speedup() ? g.get(rule.numerator()) : g.get(rule.denominator());
            double[] r = ratio(num, den);
            if (r == null || !(r[0] > 0) || Double.isInfinite(r[0])) {
                continue;
            }
            logSum += Math.log(r[0]);
            relSquares += r[1] * r[1];
            n++;
        }
        if (n == 0) {
            return "";
        }
        double mean = Math.exp(logSum / n);
        double rel = Math.sqrt(relSquares) / n;
        String text = sig(mean, 3);
        if (!Double.isNaN(rel) && !Double.isInfinite(rel)) {
            text += " ± " + sig(mean * rel, 2);
        }
        return n < groups.size() ? text + " (" + n + " of " + groups.size() + ")" : text;
    }

    /** " (2 threads)" when method {@code m} ran on more than one thread. */
    private static String threadsSuffix(String m, List<Map<String, Result>> groups) {
        int threads = groups.stream().map(g -> g.get(m)).filter(java.util.Objects::nonNull)
                .mapToInt(Result::threads).max().orElse(1);
        return threads > 1 ? " (" + threads + " threads)" : "";
    }

    /** Sample time: a row per benchmark, the mean ± error and the {@link #PERCENTILES}. */
    private static void sampleTable(StringBuilder md, List<Result> results) {
        boolean anyParams = results.stream().anyMatch(r -> !r.params().isEmpty());
        md.append("| Benchmark |").append(anyParams ? " Params |" : "").append(" Method | Unit | mean |");
        PERCENTILES.forEach(p -> md.append(' ').append(percentileLabel(p)).append(" |"));
        md.append("\n| --- |").append(anyParams ? " --- |" : "").append(" --- | --- | ---: |");
        PERCENTILES.forEach(p -> md.append(" ---: |"));
        md.append('\n');
        for (Result r : results) {
            md.append("| ").append(r.className()).append(" |");
            if (anyParams) {
                md.append(' ').append(r.paramText()).append(" |");
            }
            md.append(' ').append(r.method()).append(" | ").append(r.unit()).append(" | ").append(scoreText(r)).append(" |");
            for (String p : PERCENTILES) {
                Double v = r.percentiles().get(p);
                md.append(' ').append(v == null ? "" : sig(v, 4)).append(" |");
            }
            md.append('\n');
        }
    }

    /** "p99", "p99.9", "max" for JMH's "99.0", "99.9", "100.0". */
    static String percentileLabel(String p) {
        if (p.equals("100.0")) {
            return "max";
        }
        return "p" + (p.endsWith(".0") ? p.substring(0, p.length() - 2) : p);
    }

    /** The ratio cell, or empty when one side is missing or the two cannot be compared. */
    static String ratioText(Result num, Result den) {
        if (num == null || den == null) {
            return "";
        }
        double[] r = ratio(num, den);
        if (r == null) {
            return "n/a";
        }
        String text = sig(r[0], 3);
        return Double.isNaN(r[1]) || Double.isInfinite(r[1]) ? text : text + " ± " + sig(r[0] * r[1], 2);
    }

    /**
     * {@code num}'s time per operation over {@code den}'s and the ratio's relative error (NaN when a
     * score has none); null when one is missing or the two cannot be compared (unit or mode differ).
     */
    static double[] ratio(Result num, Result den) {
        if (num == null || den == null || !num.unit().equals(den.unit()) || !num.mode().equals(den.mode())) {
            return null;
        }
        double ratio = num.timeBased() ? num.score() / den.score() : den.score() / num.score();
        double rel = Math.hypot(num.error() / num.score(), den.error() / den.score());
        return new double[] {ratio, rel};
    }

    /** Score (4 significant digits) ± error (2 significant digits, but no more decimals than the score). */
    static String scoreText(Result r) {
        String score = sig(r.score(), 4);
        if (Double.isNaN(r.error())) {
            return score;
        }
        int decimals = Math.min(new BigDecimal(score).scale(), new BigDecimal(sig(r.error(), 2)).scale());
        return score + " ± " + new BigDecimal(r.error()).setScale(Math.max(0, decimals), RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code value} to {@code digits} significant digits, never in exponent notation. */
    static String sig(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        if (Math.abs(value) >= Math.pow(10, digits - 1)) {
            return exact.setScale(0, RoundingMode.HALF_UP).toPlainString(); // keep every integer digit
        }
        BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
        int magnitude = rounded.precision() - rounded.scale() - 1; // floor(log10(|rounded|))
        return rounded.setScale(Math.max(0, digits - 1 - magnitude), RoundingMode.HALF_UP).toPlainString();
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
