package dev.sandpiper.jmh.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static String result(String benchmark, String params, double score, String error, String unit) {
        return """
                {"jmhVersion":"1.37","benchmark":"%s","mode":"avgt","threads":1,"forks":1,
                 "jvm":"/usr/bin/java","jvmArgs":["-Xms1g","-Xmx1g"],"jdkVersion":"17.0.15",
                 "vmName":"OpenJDK 64-Bit Server VM","vmVersion":"17.0.15+6",
                 "warmupIterations":2,"warmupTime":"1 s","measurementIterations":3,"measurementTime":"1 s",
                 %s
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"%s"},"secondaryMetrics":{}}
                """.formatted(benchmark, params, score, error, unit);
    }

    /** One engine result alone. */
    static final String JSON_ENGINE_ONLY = result("dev.sandpiper.jmh.engine.FibBenchmark.sandpiper", "", 20.0, "1.0", "ms/op");

    private static final String JSON = "[" + String.join(",",
            result("dev.sandpiper.jmh.engine.JsonBenchmark.sandpiper", "", 700.0, "10.0", "us/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.sandpiper", "", 20.0, "1.0", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.chicoryInterpreter", "", 80.0, "4.0", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.chicoryCompiler", "", 5.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.java", "", 2.5, "0.1", "ms/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.sandpiper", "\"params\":{\"kernel\":\"fib\"},", 12.34567, "0.5", "us/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.chicoryInterpreter", "\"params\":{\"kernel\":\"fib\"},", 24.0, "1.0", "us/op"),
            result("dev.sandpiper.jmh.transform.FilterBenchmark.sandpiper", "", 3.0, "0.1", "us/op"),
            result("dev.sandpiper.jmh.transform.FilterBenchmark.sandpiperPooled", "", 1.0, "0.1", "us/op")) + "]";

    @Test
    void rendersScoresRatiosAndSections() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JSON);
        List<Report.Result> results = Report.parse(root);
        assertEquals(9, results.size());
        assertEquals(Map.of("kernel", "fib"), results.get(5).params());
        String md = Report.render(results, Report.runInfo(root), Map.of("CPU", "Test CPU, 2 cores"), List.of("a note"));

        assertTrue(md.contains("| CPU | Test CPU, 2 cores |"), md);
        assertTrue(md.contains("| JVM | OpenJDK 64-Bit Server VM 17.0.15+6 (JDK 17.0.15), args `-Xms1g -Xmx1g` |"), md);
        assertTrue(md.contains("| JMH | 1.37: 1 fork(s), 2 × 1 s warmup, 3 × 1 s measurement, per benchmark |"), md);
        assertTrue(md.contains("| Note | a note |"), md);

        assertTrue(md.contains("## Engine kernels"), md);
        assertTrue(md.contains("| Benchmark | Unit | sandpiper | chicoryInterpreter | chicoryCompiler | java "
                + "| sandpiper/chicoryInterpreter | sandpiper/chicoryCompiler | sandpiper/java |"), md);
        // 20/80 = 0.25 ± 0.25*hypot(0.05, 0.05); 20/5 = 4 without error (NaN); 20/2.5 = 8
        assertTrue(md.contains("| FibBenchmark | ms/op | 20.00 ± 1.0 | 80.00 ± 4.0 | 5.000 | 2.500 ± 0.10 "
                + "| 0.250 ± 0.018 | 4.00 | 8.00 ± 0.51 |"), md);

        // Rows follow Report.CLASS_ORDER, not the file's order.
        assertTrue(md.indexOf("| FibBenchmark |") < md.indexOf("| JsonBenchmark |"), md);

        assertTrue(md.contains("## Cold start"), md);
        assertTrue(md.contains("| LoadBenchmark | kernel=fib | us/op | 12.35 ± 0.50 | 24.00 ± 1.0 | 0.514 ± 0.030 |"), md);
        assertTrue(md.indexOf("## Engine kernels") < md.indexOf("## Cold start"), md);

        // A package the report does not know yet still gets a section; no rule matches its methods.
        assertTrue(md.contains("## Transforms"), md);
        assertTrue(md.contains("| Benchmark | Unit | sandpiper | sandpiperPooled |\n"), md);
        assertTrue(md.contains("| FilterBenchmark.sandpiperPooled | avgt | 1.00000 | 0.100 | us/op |"), md);
    }

    /** Fib and Sieve on every engine, errors NaN (made-up scores). */
    private static final String JSON_COMPILED = "[" + String.join(",",
            result("dev.sandpiper.jmh.engine.FibBenchmark.sandpiper", "", 20.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.sandpiperCompiled", "", 4.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.sandpiperCompiledNoFuel", "", 3.2, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.chicoryInterpreter", "", 80.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.chicoryCompiler", "", 2.5, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.FibBenchmark.java", "", 2.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.SieveBenchmark.sandpiper", "", 8.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.SieveBenchmark.sandpiperCompiled", "", 1.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.SieveBenchmark.chicoryInterpreter", "", 40.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.SieveBenchmark.chicoryCompiler", "", 1.0, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.engine.SieveBenchmark.java", "", 0.125, "\"NaN\"", "ms/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.sandpiper", "\"params\":{\"kernel\":\"fib\"},", 10.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.sandpiperCompiled", "\"params\":{\"kernel\":\"fib\"},", 300.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.sandpiperAuto", "\"params\":{\"kernel\":\"fib\"},", 12.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.coldstart.LoadBenchmark.chicoryCompiler", "\"params\":{\"kernel\":\"fib\"},", 600.0, "\"NaN\"", "us/op")) + "]";

    /** The compiled tier's columns and ratios, and the kernels' geometric mean row. */
    @Test
    void compiledTierAndGeometricMean() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JSON_COMPILED);
        String md = Report.render(Report.parse(root), Report.runInfo(root), Map.of(), List.of());

        assertTrue(md.contains("| Benchmark | Unit | sandpiper | sandpiperCompiled | sandpiperCompiledNoFuel "
                + "| chicoryInterpreter | chicoryCompiler | java | sandpiper/chicoryInterpreter | sandpiper/chicoryCompiler "
                + "| sandpiper/java | sandpiperCompiled/chicoryInterpreter | sandpiperCompiled/chicoryCompiler "
                + "| sandpiperCompiled/java | speedup sandpiperCompiled/sandpiper "
                + "| sandpiperCompiled/sandpiperCompiledNoFuel |\n"), md);
        assertTrue(md.contains("| FibBenchmark | ms/op | 20.00 | 4.000 | 3.200 | 80.00 | 2.500 | 2.000 "
                + "| 0.250 | 8.00 | 10.0 | 0.0500 | 1.60 | 2.00 | 5.00 | 1.25 |\n"), md);
        // Geometric means of the two kernels: sandpiper/java sqrt(10 * 64) = 25.3; compiled/java sqrt(2 * 8) = 4; compiled/chicoryCompiler
        // sqrt(1.6 * 1) = 1.26; speedup over the interpreter sqrt(5 * 8) = 6.32; the fuel ratio on Fib only.
        assertTrue(md.contains("| geometric mean (2 rows) | | | | | | | | 0.224 | 8.00 | 25.3 | 0.0354 | 1.26 | 4.00 "
                + "| 6.32 | 1.25 (1 of 2) |\n"), md);
        // Cold start: no geometric mean; auto's load and first call against the interpreter's load.
        assertTrue(md.contains("| Benchmark | Params | Unit | sandpiper | sandpiperCompiled | sandpiperAuto "
                + "| chicoryCompiler | sandpiper/chicoryCompiler | sandpiperCompiled/chicoryCompiler "
                + "| speedup sandpiperCompiled/sandpiper | sandpiperAuto/sandpiper |\n"), md);
        assertTrue(md.contains("| LoadBenchmark | kernel=fib | us/op | 10.00 | 300.0 | 12.00 | 600.0 | 0.0167 | 0.500 "
                + "| 0.0333 | 1.20 |\n"), md);
        assertEquals(1, md.split("geometric mean \\(", -1).length - 1, md);
    }

    /** The connect SMT benchmark, made-up scores. */
    private static final String JSON_CONNECT = "[" + String.join(",",
            result("dev.sandpiper.jmh.connect.MaskPiiBenchmark.chicory", "", 4.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.connect.MaskPiiBenchmark.maskField", "", 1.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.connect.MaskPiiBenchmark.sandpiper", "", 5.0, "\"NaN\"", "us/op"),
            result("dev.sandpiper.jmh.connect.MaskPiiBenchmark.sandpiperInterpreter", "", 20.0, "\"NaN\"", "us/op"))
            + "]";

    /** Its section: ours against MaskField and Chicory, and compiled against interpreted, from the same run. */
    @Test
    void connectSection() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JSON_CONNECT);
        String md = Report.render(Report.parse(root), Report.runInfo(root), Map.of(), List.of());

        assertTrue(md.contains("## Kafka Connect SMT"), md);
        assertTrue(md.contains("| Benchmark | Unit | sandpiper | sandpiperInterpreter | chicory | maskField "
                + "| sandpiper/maskField | sandpiper/chicory | sandpiperInterpreter/maskField "
                + "| sandpiperInterpreter/chicory | speedup sandpiper/sandpiperInterpreter |\n"), md);
        assertTrue(md.contains("| MaskPiiBenchmark | us/op | 5.000 | 20.00 | 4.000 | 1.000 | 5.00 | 1.25 | 20.0 | 5.00 "
                + "| 4.00 |\n"), md);
        assertEquals(-1, md.indexOf("geometric mean ("), md);
    }

    /** The geometric mean's error: the ratios' relative errors in quadrature, over their count. */
    @Test
    void geometricMeanError() {
        Report.RatioRule rule = new Report.RatioRule("a", "b");
        List<Map<String, Report.Result>> rows = List.of(
                Map.of("a", score(2.0, 0.2), "b", score(1.0, 0.0)),
                Map.of("a", score(8.0, 0.8), "b", score(1.0, 0.0)),
                Map.of("a", score(1.0, 0.0)));
        // 4 ± 4 * sqrt(0.1² + 0.1²) / 2 = 0.28; one row has no b.
        assertEquals("4.00 ± 0.28 (2 of 3)", Report.geometricMeanText(rows, rule));
        assertEquals("", Report.geometricMeanText(rows, new Report.RatioRule("a", "c")));
    }

    @Test
    void significantDigits() {
        assertEquals("0.00123", Report.sig(0.0012345, 3));
        assertEquals("123", Report.sig(123.4, 3));
        assertEquals("12346", Report.sig(12345.6, 3));
        assertEquals("1.00", Report.sig(0.99999, 3));
    }

    @Test
    void errorIsRoundedToTwoDigitsButNotPastTheScore() {
        assertEquals("9.847 ± 60", Report.scoreText(score(9.84687, 60.371)));
        assertEquals("118.7 ± 0.0", Report.scoreText(score(118.684, 0.0123)));
        assertEquals("3.303 ± 0.11", Report.scoreText(score(3.30306, 0.111)));
        assertEquals("5.000", Report.scoreText(score(5.0, Double.NaN)));
    }

    private static Report.Result score(double score, double error) {
        return new Report.Result("p", "C", "m", Map.of(), "avgt", score, error, "ms/op");
    }
}
