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
import java.util.LinkedHashSet;
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
    public record RatioRule(String numerator, String denominator) {
        public String label() {
            return numerator + "/" + denominator;
        }
    }

    /** Every ratio the report computes. */
    public static final List<RatioRule> RATIOS = List.of(
            new RatioRule("sandpiper", "chicoryInterpreter"),
            new RatioRule("sandpiper", "chicoryCompiler"),
            new RatioRule("sandpiper", "java"));

    /** Column order for benchmark methods; methods not listed follow in alphabetical order. */
    public static final List<String> METHOD_ORDER = List.of("sandpiper", "chicoryInterpreter", "chicoryCompiler", "java");

    /** Row order within a section, by class name; classes not listed follow in the order JMH ran them. */
    public static final List<String> CLASS_ORDER = List.of("FibBenchmark", "SieveBenchmark", "Sha256Benchmark",
            "MatmulBenchmark", "MemopsBenchmark", "JsonBenchmark", "LoadBenchmark", "InstantiateBenchmark");

    /** Section titles and order by Java package; other packages follow under their own name. */
    public static final Map<String, String> SECTIONS = orderedMap(
            "dev.sandpiper.jmh.engine", "Engine kernels",
            "dev.sandpiper.jmh.coldstart", "Cold start",
            "dev.sandpiper.jmh.transform", "Transforms");

    /** One benchmark result: one method with one parameter set. */
    public record Result(String pkg, String className, String method, Map<String, String> params, String mode,
            double score, double error, String unit) {

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
            results.add(new Result(clsDot < 0 ? "" : cls.substring(0, clsDot), cls.substring(clsDot + 1),
                    name.substring(lastDot + 1), params, b.path("mode").asText(), number(metric.path("score")),
                    number(metric.path("scoreError")), metric.path("scoreUnit").asText()));
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
                + "interval. Ratios divide Sandpiper's time per operation by the other engine's, within this one run: "
                + "above 1 Sandpiper is slower, below 1 faster (their ± combines both relative errors). "
                + "See `jmh/README.md`.\n");

        Map<String, List<Result>> bySection = new LinkedHashMap<>();
        for (String pkg : SECTIONS.keySet()) {
            bySection.put(pkg, new ArrayList<>());
        }
        for (Result r : results) {
            bySection.computeIfAbsent(r.pkg(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Result>> section : bySection.entrySet()) {
            if (!section.getValue().isEmpty()) {
                section(md, SECTIONS.getOrDefault(section.getKey(), section.getKey()), section.getValue());
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<Result> results) {
        md.append("\n## ").append(title).append("\n\n");
        // Groups: class + params, in first-seen order; columns: methods present in this section.
        Map<String, Map<String, Result>> groups = new LinkedHashMap<>();
        Set<String> methods = new LinkedHashSet<>();
        for (String m : METHOD_ORDER) {
            if (results.stream().anyMatch(r -> r.method().equals(m))) {
                methods.add(m);
            }
        }
        results.stream().map(Result::method).sorted().forEach(methods::add);
        List<Result> ordered = new ArrayList<>(results);
        ordered.sort(java.util.Comparator.comparingInt(r -> {
            int i = CLASS_ORDER.indexOf(r.className());
            return i < 0 ? CLASS_ORDER.size() : i;
        })); // stable: JMH's order within a class
        for (Result r : ordered) {
            groups.computeIfAbsent(r.group(), k -> new LinkedHashMap<>()).put(r.method(), r);
        }
        List<RatioRule> rules = new ArrayList<>();
        for (RatioRule rule : RATIOS) {
            if (groups.values().stream().anyMatch(g -> g.containsKey(rule.numerator()) && g.containsKey(rule.denominator()))) {
                rules.add(rule);
            }
        }
        boolean anyParams = results.stream().anyMatch(r -> !r.params().isEmpty());

        md.append("| Benchmark |").append(anyParams ? " Params |" : "").append(" Unit |");
        methods.forEach(m -> md.append(' ').append(m).append(" |"));
        rules.forEach(r -> md.append(' ').append(r.label()).append(" |"));
        md.append('\n').append("| --- |").append(anyParams ? " --- |" : "").append(" --- |");
        methods.forEach(m -> md.append(" ---: |"));
        rules.forEach(r -> md.append(" ---: |"));
        md.append('\n');
        for (Map<String, Result> group : groups.values()) {
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
                md.append(' ').append(ratioText(group.get(rule.numerator()), group.get(rule.denominator()))).append(" |");
            }
            md.append('\n');
        }

        md.append("\n<details><summary>All ").append(title.toLowerCase(Locale.ROOT))
                .append(" results as JMH reported them</summary>\n\n");
        md.append("| Benchmark | Mode | Score | Error | Unit |\n| --- | --- | ---: | ---: | --- |\n");
        for (Result r : results) {
            md.append("| ").append(r.className()).append('.').append(r.method())
                    .append(r.params().isEmpty() ? "" : " (" + r.paramText() + ")").append(" | ").append(r.mode())
                    .append(" | ").append(sig(r.score(), 6)).append(" | ")
                    .append(Double.isNaN(r.error()) ? "NaN" : sig(r.error(), 3)).append(" | ").append(r.unit())
                    .append(" |\n");
        }
        md.append("\n</details>\n");
    }

    /** The ratio cell, or empty when one side is missing or the two cannot be compared. */
    static String ratioText(Result num, Result den) {
        if (num == null || den == null) {
            return "";
        }
        if (!num.unit().equals(den.unit()) || !num.mode().equals(den.mode())) {
            return "n/a";
        }
        double ratio = num.timeBased() ? num.score() / den.score() : den.score() / num.score();
        double rel = Math.hypot(num.error() / num.score(), den.error() / den.score());
        String text = sig(ratio, 3);
        return Double.isNaN(rel) || Double.isInfinite(rel) ? text : text + " ± " + sig(ratio * rel, 2);
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
