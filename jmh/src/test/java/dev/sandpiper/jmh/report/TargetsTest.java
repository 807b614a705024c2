package dev.sandpiper.jmh.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transform section and the Targets table, from a small JMH JSON fixture with made-up scores. */
class TargetsTest {

    private static String result(String method, String transform, String mode, int threads, double score, double error,
            String unit, String percentiles) {
        return """
                {"jmhVersion":"1.37","benchmark":"dev.sandpiper.jmh.transform.%s","mode":"%s","threads":%d,"forks":1,
                 "jvm":"/usr/bin/java","jvmArgs":[],"jdkVersion":"17.0.15","vmName":"OpenJDK 64-Bit Server VM",
                 "vmVersion":"17.0.15+6","warmupIterations":2,"warmupTime":"1 s","measurementIterations":3,
                 "measurementTime":"1 s","params":{"transform":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"%s"%s},"secondaryMetrics":{}}
                """.formatted(method, mode, threads, transform, score, error, unit,
                percentiles == null ? "" : ",\"scorePercentiles\":" + percentiles);
    }

    private static String p99(double p50, double p99) {
        return "{\"0.0\":1.0,\"50.0\":%s,\"90.0\":%s,\"95.0\":%s,\"99.0\":%s,\"99.9\":%s,\"100.0\":%s}"
                .formatted(p50, p50, p50, p99, p99 * 2, p99 * 3);
    }

    /**
     * mask-pii: wasmEvent 40 µs, wasmJson 30 µs, javaBytes 10 µs (overheads 4x and 3x: met), javaObject 1 µs;
     * throughput in ops/us (converted to /s): 0.25 (250K/s, met) and 0.15 (150K/s, not met); p99 60 µs (not met)
     * and 45 µs (met). enrich: wasmEvent 0.9 ± 0.2 ms, so < 1 ms is met but within error; javaBytes 0.1 ms
     * (9x, not met); wasmJson avgt missing. route-by-table: wasmJson (process with route) 12 µs, javaBytes 6 µs
     * (2x, met). pass-through and drop-deletes: nothing. The pool: 1 and 2 threads.
     * Compiled, mask-pii only: compiledEvent 20 µs (2x), 500K/s, p99 30 µs: all met; compiledJson missing.
     */
    static final String JSON = "[" + String.join(",",
            result("TransformBenchmark.wasmEvent", "mask-pii", "thrpt", 1, 0.25, 0.01, "ops/us", null),
            result("TransformBenchmark.wasmJson", "mask-pii", "thrpt", 1, 0.15, 0.01, "ops/us", null),
            result("TransformBenchmark.javaBytes", "mask-pii", "thrpt", 1, 0.1, 0.01, "ops/us", null),
            result("TransformBenchmark.javaObject", "mask-pii", "thrpt", 1, 1.0, 0.1, "ops/us", null),
            result("TransformBenchmark.wasmEvent", "mask-pii", "avgt", 1, 40.0, 2.0, "us/op", null),
            result("TransformBenchmark.wasmJson", "mask-pii", "avgt", 1, 30.0, 1.5, "us/op", null),
            result("TransformBenchmark.javaBytes", "mask-pii", "avgt", 1, 10.0, 0.5, "us/op", null),
            result("TransformBenchmark.javaObject", "mask-pii", "avgt", 1, 1.0, 0.05, "us/op", null),
            result("TransformBenchmark.wasmEvent", "mask-pii", "sample", 1, 42.0, 1.0, "us/op", p99(38, 60)),
            result("TransformBenchmark.wasmJson", "mask-pii", "sample", 1, 31.0, 1.0, "us/op", p99(29, 45)),
            result("TransformBenchmark.wasmEvent", "enrich", "avgt", 1, 0.9, 0.2, "ms/op", null),
            result("TransformBenchmark.javaBytes", "enrich", "avgt", 1, 0.1, 0.0, "ms/op", null),
            result("TransformBenchmark.wasmJson", "route-by-table", "avgt", 1, 12.0, 0.6, "us/op", null),
            result("TransformBenchmark.javaBytes", "route-by-table", "avgt", 1, 6.0, 0.3, "us/op", null),
            result("TransformBenchmark.compiledEvent", "mask-pii", "thrpt", 1, 0.5, 0.01, "ops/us", null),
            result("TransformBenchmark.compiledEvent", "mask-pii", "avgt", 1, 20.0, 1.0, "us/op", null),
            result("TransformBenchmark.compiledEvent", "mask-pii", "sample", 1, 21.0, 1.0, "us/op", p99(19, 30)),
            result("PoolBenchmark.oneThread", "mask-pii", "thrpt", 1, 1000.0, 10.0, "ops/s", null),
            result("PoolBenchmark.twoThreads", "mask-pii", "thrpt", 2, 1900.0, 19.0, "ops/s", null)) + "]";

    private static List<Report.Result> results() throws Exception {
        return Report.parse(new ObjectMapper().readTree(JSON));
    }

    private static Targets.Target target(String requirement, String transform) {
        return Targets.ALL.stream().filter(t -> t.requirement().equals(requirement) && t.transform().equals(transform))
                .findFirst().orElseThrow();
    }

    @Test
    void readsEachTargetOnItsMeasure() throws Exception {
        List<Report.Result> r = results();

        Targets.Reading overhead = Targets.read(r, target("native overhead < 5x", "mask-pii"), "wasmEvent");
        assertEquals(4.0, overhead.value(), 1e-9);
        assertEquals(Boolean.TRUE, overhead.met());
        assertEquals(3.0, Targets.read(r, target("native overhead < 5x", "mask-pii"), "wasmJson").value(), 1e-9);
        assertEquals(Boolean.FALSE, Targets.read(r, target("native overhead < 5x", "enrich"), "wasmEvent").met());

        Targets.Reading perSecond = Targets.read(r, target("field masking > 200K msg/s", "mask-pii"), "wasmEvent");
        assertEquals(250_000, perSecond.value(), 1e-6);
        assertEquals(Boolean.TRUE, perSecond.met());
        assertEquals(Boolean.FALSE, Targets.read(r, target("field masking > 200K msg/s", "mask-pii"), "wasmJson").met());

        Targets.Reading p99 = Targets.read(r, target("field masking p99 < 50 µs", "mask-pii"), "wasmEvent");
        assertEquals(60.0, p99.value(), 1e-9);
        assertEquals(Boolean.FALSE, p99.met());
        assertEquals(Boolean.TRUE, Targets.read(r, target("field masking p99 < 50 µs", "mask-pii"), "wasmJson").met());

        Targets.Reading ms = Targets.read(r, target("< 1 ms per event", "enrich"), "wasmEvent");
        assertEquals(900.0, ms.value(), 1e-9); // 0.9 ms/op read in µs
        assertEquals(Boolean.TRUE, ms.met());
        assertTrue(ms.limitWithinError(1000));

        Targets.Reading compiledP99 = Targets.read(r, target("field masking p99 < 50 µs", "mask-pii"), "compiledEvent");
        assertEquals(30.0, compiledP99.value(), 1e-9);
        assertEquals(Boolean.TRUE, compiledP99.met());
        assertEquals(2.0, Targets.read(r, target("native overhead < 5x", "mask-pii"), "compiledEvent").value(), 1e-9);
        assertNull(Targets.read(r, target("field masking p99 < 50 µs", "mask-pii"), "compiledJson").met());

        assertNull(Targets.read(r, target("< 1 ms per event", "enrich"), "wasmJson").met());
        assertNull(Targets.read(r, target("pass-through p99 < 5 µs", "pass-through"), "wasmEvent").met());
    }

    /** Seed 000's three targets apply to every transform the benchmark runs, route-by-table included. */
    @Test
    void seed000CoversEveryTransform() {
        assertEquals(List.of(dev.sandpiper.jmh.transform.TransformBenchmark.TRANSFORMS), Targets.ALL_TRANSFORMS);
        for (String tr : Targets.ALL_TRANSFORMS) {
            assertEquals(3, Targets.ALL.stream().filter(t -> t.seed().equals("000") && t.transform().equals(tr)).count(),
                    tr);
        }
        assertEquals(Boolean.TRUE, Targets.ALL.stream().anyMatch(t -> t.transform().equals("route-by-table")
                && t.measure() == Targets.Measure.OVERHEAD_VS_JAVA_BYTES && t.limit() == 5 && t.below()));
    }

    @Test
    void limitsAreStrict() {
        Targets.Target below = new Targets.Target("x", "t < 5", "t", Targets.Measure.MEAN_MICROS, 5, true);
        assertFalse(below.met(5));
        assertTrue(below.met(4.999));
        Targets.Target above = new Targets.Target("x", "t > 5", "t", Targets.Measure.PER_SECOND, 5, false);
        assertFalse(above.met(5));
        assertTrue(above.met(5.001));
    }

    @Test
    void rendersTheTargetsTable() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JSON);
        String md = Report.render(Report.parse(root), Report.runInfo(root), Map.of(), List.of());

        assertTrue(md.contains("## Targets"), md);
        assertTrue(md.contains("| Seed | Target | Transform | Read on | interpreter: transform(Event) "
                + "| interpreter: transformJson(bytes) | compiled: transform(Event) | compiled: transformJson(bytes) |"), md);
        // 40/10 ± 4*hypot(0.05, 0.05) = 0.28; 30/10 ± 3*hypot(0.05,0.05) = 0.21
        assertTrue(md.contains("| 000 | native overhead < 5x | mask-pii | wasm/javaBytes, average time "
                + "| **met**: 4.00 ± 0.28x | **met**: 3.00 ± 0.21x | **met**: 2.00 ± 0.14x | not measured |"), md);
        assertTrue(md.contains("| 000 | native overhead < 5x | enrich | wasm/javaBytes, average time "
                + "| **not met**: 9.00 ± 2.0x | not measured | not measured | not measured |"), md);
        assertTrue(md.contains("| 000 | < 1 ms per event | enrich | average time "
                + "| **met**: 900 ± 200 µs (limit within error) | not measured | not measured | not measured |"), md);
        assertTrue(md.contains("| 000 | > 1K events/s per instance | mask-pii | throughput, 1 thread "
                + "| **met**: 250000 ± 10000 events/s | **met**: 150000 ± 10000 events/s | **met**: 500000 ± 10000 events/s "
                + "| not measured |"), md);
        assertTrue(md.contains("| 001 | field masking p99 < 50 µs | mask-pii | p99, sample time "
                + "| **not met**: 60.0 µs | **met**: 45.0 µs | **met**: 30.0 µs | not measured |"), md);
        assertTrue(md.contains("| 001 | field masking > 200K msg/s | mask-pii | throughput, 1 thread "
                + "| **met**: 250000 ± 10000 events/s | **not met**: 150000 ± 10000 events/s "
                + "| **met**: 500000 ± 10000 events/s | not measured |"), md);
        assertTrue(md.contains("| 001 | pass-through > 1M msg/s | pass-through | throughput, 1 thread "
                + "| not measured | not measured | not measured | not measured |"), md);
        // route-by-table counts for seed 000 like the others: its overhead over its twin, read on wasmJson.
        // 12/6 ± 2*hypot(0.05, 0.05) = 0.14
        assertTrue(md.contains("| 000 | native overhead < 5x | route-by-table | wasm/javaBytes, average time "
                + "| not measured | **met**: 2.00 ± 0.14x | not measured | not measured |"), md);
        assertTrue(md.contains("| 000 | < 1 ms per event | route-by-table | average time "
                + "| not measured | **met**: 12.0 ± 0.60 µs | not measured | not measured |"), md);
        assertTrue(md.contains("| 000 | > 1K events/s per instance | route-by-table | throughput, 1 thread "
                + "| not measured | not measured | not measured | not measured |"), md);
        // Interpreter, judged: overhead 4, < 1 ms 4, > 1K 2, p99 2, > 200K 2 = 14 of 42 readings;
        // met: overhead 3 (mask-pii twice, route-by-table), < 1 ms 4, > 1K 2, p99 1, > 200K 1 = 11.
        // Compiled (mask-pii, compiledEvent): overhead, < 1 ms, > 1K, p99, > 200K: 5 of 5 met, 37 of 42 missing.
        assertTrue(md.contains("Readings that meet their target: interpreter, 11 of 14; compiled, 5 of 5. 65 readings not "
                + "measured in this run. Seed 001"), md);
        assertTrue(md.contains(Targets.ROUTE_NOTE + "\n"), md);
    }

    @Test
    void rendersTheTransformSectionByMode() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JSON);
        String md = Report.render(Report.parse(root), Report.runInfo(root), Map.of(), List.of());

        assertTrue(md.indexOf("### Throughput") < md.indexOf("### Average time") && md.indexOf("### Average time")
                < md.indexOf("### Sample time") && md.indexOf("### Sample time") < md.indexOf("## Targets"), md);
        // Throughput per second, ratios as time per event: javaBytes 100000/s over wasmEvent 250000/s = 0.4.
        // compiledJson is not in the fixture: its column and ratios are left out.
        assertTrue(md.contains("| Benchmark | Params | Unit | wasmEvent | wasmJson | compiledEvent | javaBytes | javaObject "
                + "| wasmEvent/javaBytes | wasmJson/javaBytes | wasmEvent/javaObject | wasmJson/javaObject "
                + "| compiledEvent/javaBytes | compiledEvent/javaObject | speedup compiledEvent/wasmEvent |\n"), md);
        assertTrue(md.contains("| TransformBenchmark | transform=mask-pii | ops/s | 250000 ± 10000 | 150000 ± 10000 "
                + "| 500000 ± 10000 | 100000 ± 10000 | 1000000 ± 100000 | 0.400 ± 0.043 |"), md);
        // compiledEvent 20 µs: 2x javaBytes, 20x javaObject, twice as fast as wasmEvent.
        assertTrue(md.contains("| TransformBenchmark | transform=mask-pii | us/op | 40.00 ± 2.0 | 30.00 ± 1.5 "
                + "| 20.00 ± 1.0 | 10.00 ± 0.50 | 1.000 ± 0.050 | 4.00 ± 0.28 | 3.00 ± 0.21 | 40.0 ± 2.8 | 30.0 ± 2.1 "
                + "| 2.00 ± 0.14 | 20.0 ± 1.4 | 2.00 ± 0.14 |\n"), md);
        // route-by-table is listed against its twin like the others: wasmJson (with route) over javaBytes.
        assertTrue(md.contains("| TransformBenchmark | transform=route-by-table | us/op |  | 12.00 ± 0.60 |  "
                + "| 6.000 ± 0.30 |  |  | 2.00 ± 0.14 |"), md);
        assertTrue(md.contains("`wasmJson` and `compiledJson` call `process(json, 0, len, true)`"), md);
        // The pool gets its own table, with the thread count and the speedup.
        assertTrue(md.contains("| Benchmark | Params | Unit | oneThread | twoThreads (2 threads) "
                + "| speedup twoThreads/oneThread |"), md);
        assertTrue(md.contains("| PoolBenchmark | transform=mask-pii | ops/s | 1000 ± 10 | 1900 ± 19 | 1.90 ± 0.027 |"), md);
        // Sample time: a row per benchmark with percentiles.
        assertTrue(md.contains("| Benchmark | Params | Method | Unit | mean | p50 | p90 | p99 | p99.9 | max |"), md);
        assertTrue(md.contains("| TransformBenchmark | transform=mask-pii | wasmEvent | us/op | 42.00 ± 1.0 "
                + "| 38.00 | 38.00 | 60.00 | 120.0 | 180.0 |"), md);
        assertTrue(md.contains("| PoolBenchmark.twoThreads (transform=mask-pii) | thrpt, 2 threads | 1900.00 | 19.0 | ops/s |"),
                md);
    }

    @Test
    void noTransformResultsNoTargets() throws Exception {
        JsonNode root = new ObjectMapper().readTree("[" + ReportTest.JSON_ENGINE_ONLY + "]");
        String md = Report.render(Report.parse(root), Report.runInfo(root), Map.of(), List.of());
        assertFalse(md.contains("## Targets"), md);
    }
}
