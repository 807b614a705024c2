package dev.sandpiper.jmh.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode result(String method, String warmupTime, String rawData) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"benchmark":"dev.sandpiper.jmh.engine.FibBenchmark.%s","mode":"avgt","threads":1,"forks":%d,
                 "jvmArgs":["-Xms1g"],"jdkVersion":"17.0.15","warmupIterations":2,"warmupTime":"%s",
                 "measurementIterations":2,"measurementTime":"1 s",
                 "primaryMetric":{"score":0,"scoreError":0,"scoreUnit":"ms/op","rawData":%s}}
                """.formatted(method, JSON.readTree(rawData).size(), warmupTime, rawData));
    }

    @Test
    void putsForksSideBySideAndRecomputesTheScore() throws Exception {
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        Merge.add(merged, result("java", "1 s", "[[2.0, 4.0]]"), "a.json");
        Merge.add(merged, result("chicoryCompiler", "1 s", "[[9.0, 9.0]]"), "a.json");
        Merge.add(merged, result("java", "1 s", "[[6.0, 8.0], [10.0, 12.0]]"), "b.json");
        assertEquals(2, merged.size());
        ObjectNode java = merged.values().iterator().next();
        Merge.recompute(java);
        JsonNode metric = java.path("primaryMetric");
        assertEquals(3, java.path("forks").asInt());
        assertEquals(3, metric.path("rawData").size());
        assertEquals(7.0, metric.path("score").asDouble(), 1e-12);
        // Six values 2..12 step 2: sample variance 70 / 5 = 14; t(0.9995, 5 degrees of freedom) = 6.8688.
        assertEquals(6.8688 * Math.sqrt(14.0) / Math.sqrt(6.0), metric.path("scoreError").asDouble(), 1e-3);
        assertEquals(12.0, metric.path("scorePercentiles").path("100.0").asDouble(), 1e-12);
        assertEquals(2.0, metric.path("scorePercentiles").path("0.0").asDouble(), 1e-12);
    }

    @Test
    void refusesResultsRunWithOtherSettings() throws Exception {
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        Merge.add(merged, result("java", "1 s", "[[2.0, 4.0]]"), "a.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Merge.add(merged, result("java", "2 s", "[[2.0, 4.0]]"), "b.json"));
        assertTrue(e.getMessage().contains("b.json") && e.getMessage().contains("warmupTime"), e.getMessage());
    }

    @Test
    void refusesSampleModeHistograms() throws Exception {
        ObjectNode sample = result("java", "1 s", "[[2.0]]");
        ((ObjectNode) sample.path("primaryMetric")).remove("rawData");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Merge.add(new LinkedHashMap<>(), sample, "s.json"));
        assertTrue(e.getMessage().contains("no per-iteration data"), e.getMessage());
    }
}
