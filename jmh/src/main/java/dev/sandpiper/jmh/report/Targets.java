package dev.sandpiper.jmh.report;

import dev.sandpiper.jmh.report.Report.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seeds' performance targets, judged on one run's results of {@code dev.sandpiper.jmh.transform}:
 * the report's "Targets" table. Each target is read on both entry points of the runtime,
 * {@code transform(Event)} and {@code transformJson(bytes)}, on both engines: the interpreter
 * ({@code wasmEvent}, {@code wasmJson}) and the compiled tier ({@code compiledEvent},
 * {@code compiledJson}), each with its figure and whether it meets the target. The figure is a point estimate; when the
 * limit lies within its error (± JMH's 99.9% half-width) the cell says so. Nothing is rounded in a
 * target's favour: the comparison uses the exact score.
 *
 * <ul>
 *   <li>seed 000 ({@code 000_95e0a1808eda8d02}), "Performance Targets", per transform: native overhead
 *       &lt; 5x, read on the bytes pair (the guest through the runtime over the Java twin on JSON bytes,
 *       average time per event); &lt; 1 ms per event (average time); &gt; 1K events/s per instance
 *       (throughput, one runtime, one thread);</li>
 *   <li>seed 001 ({@code 001_d7bd2a5e9e807cbb}), "Throughput Targets": pass-through p99 &lt; 5 µs and
 *       &gt; 1M msg/s; simple field masking (mask-pii) p99 &lt; 50 µs and &gt; 200K msg/s; JSON parse +
 *       transform (enrich) p99 &lt; 200 µs and &gt; 50K msg/s. p99 from sample time, msg/s from
 *       throughput, one runtime on one thread.</li>
 * </ul>
 */
public final class Targets {

    static final String PACKAGE = "dev.sandpiper.jmh.transform";
    static final String CLASS = "TransformBenchmark";
    /** The columns: the runtime's two entry points on each engine, by benchmark method. */
    static final Map<String, String> ENTRIES = Map.of(
            "wasmEvent", "interpreter: transform(Event)", "wasmJson", "interpreter: transformJson(bytes)",
            "compiledEvent", "compiled: transform(Event)", "compiledJson", "compiled: transformJson(bytes)");
    static final List<String> ENTRY_ORDER = List.of("wasmEvent", "wasmJson", "compiledEvent", "compiledJson");
    /** The engines, each with its entries in {@link #ENTRY_ORDER}: the summary counts each apart. */
    static final Map<String, List<String>> ENGINES = orderedEngines();

    private static Map<String, List<String>> orderedEngines() {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        m.put("interpreter", List.of("wasmEvent", "wasmJson"));
        m.put("compiled", List.of("compiledEvent", "compiledJson"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** What a target is read on. */
    public enum Measure {
        /** Average time of the entry point over the Java twin's on bytes ({@code javaBytes}). */
        OVERHEAD_VS_JAVA_BYTES("avgt", "x", "wasm/javaBytes, average time"),
        /** Average time per event, µs. */
        MEAN_MICROS("avgt", "µs", "average time"),
        /** 99th percentile of single events, µs. */
        P99_MICROS("sample", "µs", "p99, sample time"),
        /** Events per second, one runtime on one thread. */
        PER_SECOND("thrpt", "events/s", "throughput, 1 thread");

        final String mode;
        final String unit;
        final String readOn;

        Measure(String mode, String unit, String readOn) {
            this.mode = mode;
            this.unit = unit;
            this.readOn = readOn;
        }
    }

    /**
     * One target: {@code measure} of {@code transform} must be below {@code limit} ({@code below}) or
     * above it.
     */
    public record Target(String seed, String requirement, String transform, Measure measure, double limit,
            boolean below) {
        boolean met(double value) {
            return below ? value < limit : value > limit;
        }
    }

    /**
     * The five transforms seed 000's targets apply to, in the benchmarks' order. For route-by-table the
     * {@code transform(Event)} columns measure {@code transform} without {@code route} (see
     * {@link #ROUTE_NOTE}).
     */
    static final List<String> ALL_TRANSFORMS = List.of("pass-through", "mask-pii", "enrich", "drop-deletes",
            "route-by-table");

    /** Said under the table: what route-by-table's columns measure. */
    static final String ROUTE_NOTE = "For route-by-table the `transformJson(bytes)` columns measure "
            + "`process(json, 0, len, true)`, transform and then the guest's `route` naming the topic (its twin "
            + "names it too); `transform(Event)` cannot route, so those columns measure its transform alone, "
            + "which hands the event back unchanged, against a twin that does name the topic.";

    public static final List<Target> ALL = targets();

    private static List<Target> targets() {
        List<Target> t = new ArrayList<>();
        String s0 = "000";
        for (String tr : ALL_TRANSFORMS) {
            t.add(new Target(s0, "native overhead < 5x", tr, Measure.OVERHEAD_VS_JAVA_BYTES, 5, true));
        }
        for (String tr : ALL_TRANSFORMS) {
            t.add(new Target(s0, "< 1 ms per event", tr, Measure.MEAN_MICROS, 1000, true));
        }
        for (String tr : ALL_TRANSFORMS) {
            t.add(new Target(s0, "> 1K events/s per instance", tr, Measure.PER_SECOND, 1_000, false));
        }
        String s1 = "001";
        t.add(new Target(s1, "pass-through p99 < 5 µs", "pass-through", Measure.P99_MICROS, 5, true));
        t.add(new Target(s1, "pass-through > 1M msg/s", "pass-through", Measure.PER_SECOND, 1_000_000, false));
        t.add(new Target(s1, "field masking p99 < 50 µs", "mask-pii", Measure.P99_MICROS, 50, true));
        t.add(new Target(s1, "field masking > 200K msg/s", "mask-pii", Measure.PER_SECOND, 200_000, false));
        t.add(new Target(s1, "JSON parse + transform p99 < 200 µs", "enrich", Measure.P99_MICROS, 200, true));
        t.add(new Target(s1, "JSON parse + transform > 50K msg/s", "enrich", Measure.PER_SECOND, 50_000, false));
        return List.copyOf(t);
    }

    /** A target's reading on one entry point: the figure, its error (NaN when none) and the verdict. */
    public record Reading(double value, double error, Boolean met) {
        static final Reading NOT_MEASURED = new Reading(Double.NaN, Double.NaN, null);

        /** Whether {@code limit} lies within value ± error. */
        boolean limitWithinError(double limit) {
            return !Double.isNaN(error) && Math.abs(value - limit) <= error;
        }
    }

    private Targets() {}

    /** Reads {@code target} on {@code entry} (a method of {@link #ENTRY_ORDER}). */
    public static Reading read(List<Result> results, Target target, String entry) {
        Result r = find(results, target.transform(), entry, target.measure().mode);
        if (r == null || Double.isNaN(r.score())) {
            return Reading.NOT_MEASURED;
        }
        double value;
        double error;
        switch (target.measure()) {
            case OVERHEAD_VS_JAVA_BYTES: {
                Result java = find(results, target.transform(), "javaBytes", "avgt");
                if (java == null || Double.isNaN(java.score())) {
                    return Reading.NOT_MEASURED;
                }
                double wasmUs = r.micros(r.score());
                double javaUs = java.micros(java.score());
                value = wasmUs / javaUs;
                error = value * Math.hypot(r.error() / r.score(), java.error() / java.score());
                break;
            }
            case MEAN_MICROS:
                value = r.micros(r.score());
                error = r.micros(r.error());
                break;
            case P99_MICROS: {
                Double p99 = r.percentiles().get("99.0");
                if (p99 == null) {
                    return Reading.NOT_MEASURED;
                }
                value = r.micros(p99);
                error = Double.NaN;
                break;
            }
            case PER_SECOND:
                if (r.threads() != 1) {
                    return Reading.NOT_MEASURED;
                }
                value = r.opsPerSecond();
                error = r.error() * r.perSecond();
                break;
            default:
                throw new AssertionError(target.measure());
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Reading.NOT_MEASURED;
        }
        return new Reading(value, error, target.met(value));
    }

    private static Result find(List<Result> results, String transform, String method, String mode) {
        for (Result r : results) {
            if (r.pkg().equals(PACKAGE) && r.className().equals(CLASS) && r.method().equals(method)
                    && r.mode().equals(mode) && transform.equals(r.params().get("transform"))) {
                return r;
            }
        }
        return null;
    }

    /** Appends the "Targets" section when the results hold any transform benchmark; else nothing. */
    static void render(StringBuilder md, List<Result> results) {
        if (results.stream().noneMatch(r -> r.pkg().equals(PACKAGE))) {
            return;
        }
        md.append("\n## Targets\n\n");
        md.append("The seeds' targets, read on this run. Each is judged on both entry points of one runtime on one "
                + "thread, `transform(Event)` (the seed's API: the host serializes the event and parses the output) "
                + "and `transformJson(bytes)` (the event's JSON in hand), on each engine: the interpreter and the "
                + "compiled tier (the guest compiled to JVM bytecode when loaded). Native overhead is read on the "
                + "bytes pair: the runtime's average time per event over the plain-Java twin's on the same JSON "
                + "bytes (Jackson parse, transform, serialize). \"Limit within error\" means the limit lies inside "
                + "the figure's 99.9% confidence interval: the verdict could go either way on another run. See "
                + "`jmh/README.md`.\n\n");
        md.append("| Seed | Target | Transform | Read on |");
        ENTRY_ORDER.forEach(e -> md.append(' ').append(ENTRIES.get(e)).append(" |"));
        md.append("\n| --- | --- | --- | --- |");
        ENTRY_ORDER.forEach(e -> md.append(" --- |"));
        md.append('\n');
        for (Target t : ALL) {
            md.append("| ").append(t.seed()).append(" | ").append(t.requirement()).append(" | ").append(t.transform())
                    .append(" | ").append(t.measure().readOn).append(" |");
            for (String entry : ENTRY_ORDER) {
                md.append(' ').append(cell(t, read(results, t, entry))).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        long missing = 0;
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, List<String>> engine : ENGINES.entrySet()) {
            long met = 0;
            long judged = 0;
            for (Target t : ALL) {
                for (String entry : engine.getValue()) {
                    Reading r = read(results, t, entry);
                    if (r.met() != null) {
                        judged++;
                        met += r.met() ? 1 : 0;
                    }
                }
            }
            missing += (long) ALL.size() * engine.getValue().size() - judged;
            counts.add(engine.getKey() + ", " + met + " of " + judged);
        }
        md.append("Readings that meet their target: ").append(String.join("; ", counts)).append('.');
        md.append(missing > 0 ? " " + missing + " readings not measured in this run." : "");
        md.append(" Seed 001's fourth row, complex enrichment (p99 < 1 ms, > 10K msg/s), has no guest here and is "
                + "not judged. ").append(ROUTE_NOTE).append('\n');
    }

    /** "**met**: 812 ± 40 µs" / "**not met**: 5.2 ± 0.9x (limit within error)" / "not measured". */
    static String cell(Target t, Reading r) {
        if (r.met() == null) {
            return "not measured";
        }
        StringBuilder c = new StringBuilder(r.met() ? "**met**: " : "**not met**: ");
        c.append(Report.sig(r.value(), 3));
        if (!Double.isNaN(r.error())) {
            c.append(" ± ").append(Report.sig(r.error(), 2));
        }
        c.append(t.measure().unit.equals("x") ? "x" : " " + t.measure().unit);
        if (r.limitWithinError(t.limit())) {
            c.append(" (limit within error)");
        }
        return c.toString();
    }
}
