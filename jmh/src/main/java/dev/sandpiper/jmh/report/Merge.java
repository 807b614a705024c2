package dev.sandpiper.jmh.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Merges JMH result files of the same benchmarks, run in rounds, into one result file as if JMH had
 * run each benchmark with all those forks: {@code java -cp benchmarks.jar
 * dev.sandpiper.jmh.report.Merge OUT.json IN.json...} ({@code jmh/interleave.sh} runs the rounds).
 *
 * <p>Why: JMH runs a benchmark's forks one after another, so on a shared machine whose speed drifts
 * for minutes at a time, all forks of one engine can land in a slow spell and all of the other's in a
 * fast one, and the ratio between them measures the machine. Rounds of one fork of every benchmark
 * spread each spell over all engines alike. Each benchmark's forks are put side by side and its score
 * and error recomputed from all measured iterations with JMH's own statistics (the mean, the
 * half-width of the 99.9% Student t interval, the percentiles), so the report reads the merged file
 * like any other. Sample-mode results (histograms, not iterations) are refused.
 */
public final class Merge {
    private Merge() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Merge OUT.json IN.json...");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            for (JsonNode b : json.readTree(Path.of(args[i]).toFile())) {
                add(merged, (ObjectNode) b, args[i]);
            }
        }
        ArrayNode out = json.createArrayNode();
        for (ObjectNode b : merged.values()) {
            recompute(b);
            out.add(b);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), out);
        System.out.println(args[0] + ": " + merged.size() + " benchmarks from " + (args.length - 1) + " files");
    }

    /** Adds one benchmark's result: a new entry, or its forks appended to the same benchmark's. */
    static void add(Map<String, ObjectNode> merged, ObjectNode b, String file) {
        if (!b.path("primaryMetric").has("rawData")) {
            throw new IllegalArgumentException(file + ": " + b.path("benchmark").asText() + " (mode "
                    + b.path("mode").asText() + ") has no per-iteration data to merge (sample mode?)");
        }
        String key = b.path("benchmark").asText() + " " + b.path("mode").asText() + " " + b.path("params");
        ObjectNode first = merged.get(key);
        if (first == null) {
            merged.put(key, b.deepCopy());
            return;
        }
        for (String setting : List.of("warmupIterations", "warmupTime", "measurementIterations", "measurementTime",
                "threads", "jdkVersion", "jvmArgs")) {
            if (!first.path(setting).equals(b.path(setting))) {
                throw new IllegalArgumentException(file + ": " + key + " was run with " + setting + " "
                        + b.path(setting) + ", the earlier file(s) with " + first.path(setting));
            }
        }
        ((ArrayNode) first.path("primaryMetric").path("rawData")).addAll((ArrayNode) b.path("primaryMetric").path("rawData"));
        first.put("forks", first.path("forks").asInt() + b.path("forks").asInt());
    }

    /** Score, error, interval and percentiles from every measured iteration of every fork. */
    static void recompute(ObjectNode b) {
        ObjectNode metric = (ObjectNode) b.path("primaryMetric");
        ListStatistics s = new ListStatistics();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode iteration : fork) {
                s.addValue(iteration.asDouble());
            }
        }
        metric.put("score", s.getMean());
        metric.put("scoreError", s.getMeanErrorAt(0.999));
        double[] interval = s.getConfidenceIntervalAt(0.999);
        metric.putArray("scoreConfidence").add(interval[0]).add(interval[1]);
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (String p : List.of("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0")) {
            percentiles.put(p, s.getPercentile(Double.parseDouble(p)));
        }
    }
}
