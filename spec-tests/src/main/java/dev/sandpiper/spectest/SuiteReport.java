package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.Feature;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tallies outcomes per script file and prints the per-file table and the totals line
 * {@code N passed, N failed, N skipped}. A command skipped for missing 3.0 features is also
 * counted under each feature it names (so one command needing two features counts under both),
 * per file and in total. Thread-safe.
 */
public final class SuiteReport {
    private final Map<String, int[]> perFile = new LinkedHashMap<>();
    private final Map<String, Map<Feature, Integer>> skipsPerFile = new LinkedHashMap<>();

    public synchronized void record(String file, Outcome outcome) {
        perFile.computeIfAbsent(file, f -> new int[3])[outcome.status().ordinal()]++;
        Map<Feature, Integer> skips = skipsPerFile.computeIfAbsent(file, f -> new EnumMap<>(Feature.class));
        if (outcome.status() == Outcome.Status.SKIPPED) {
            for (Feature f : outcome.needs()) {
                skips.merge(f, 1, Integer::sum);
            }
        }
    }

    public synchronized int total(Outcome.Status status) {
        int n = 0;
        for (int[] counts : perFile.values()) {
            n += counts[status.ordinal()];
        }
        return n;
    }

    /** Over all files, how many skipped commands named each feature. */
    public synchronized Map<Feature, Integer> skippedByFeature() {
        Map<Feature, Integer> out = new EnumMap<>(Feature.class);
        for (Map<Feature, Integer> m : skipsPerFile.values()) {
            m.forEach((f, n) -> out.merge(f, n, Integer::sum));
        }
        return out;
    }

    /** The number of files recorded. */
    public synchronized int files() {
        return perFile.size();
    }

    /** {@code N passed, N failed, N skipped}. */
    public synchronized String totalsLine() {
        return total(Outcome.Status.PASSED) + " passed, " + total(Outcome.Status.FAILED) + " failed, "
                + total(Outcome.Status.SKIPPED) + " skipped";
    }

    /** The skips by feature, e.g. {@code GC 120, exceptions 4}, or empty. */
    private static String features(Map<Feature, Integer> skips) {
        return skips.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * The per-file table (with, when anything was skipped for a feature, the features named), then
     * the totals line(s).
     */
    public synchronized void print(PrintStream out) {
        int width = 4;
        for (String f : perFile.keySet()) {
            width = Math.max(width, f.length());
        }
        boolean withFeatures = !skippedByFeature().isEmpty();
        String row = "%-" + width + "s %8s %8s %8s" + (withFeatures ? "  %s" : "%s") + "%n";
        out.printf(row, "file", "passed", "failed", "skipped", withFeatures ? "skipped for" : "");
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            int[] c = e.getValue();
            out.printf(row, e.getKey(), c[0], c[1], c[2], withFeatures ? features(skipsPerFile.get(e.getKey())) : "");
        }
        out.println(totalsLine());
        if (withFeatures) {
            out.println("skipped for: " + features(skippedByFeature()));
        }
    }

    /** The same as a Markdown table, then the totals, for a README. */
    public synchronized void printMarkdown(PrintStream out) {
        out.println("| file | passed | failed | skipped | skipped for |");
        out.println("| --- | ---: | ---: | ---: | --- |");
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            int[] c = e.getValue();
            out.println("| " + e.getKey() + " | " + c[0] + " | " + c[1] + " | " + c[2] + " | "
                    + features(skipsPerFile.get(e.getKey())) + " |");
        }
        out.println("| **total** (" + perFile.size() + " files) | **" + total(Outcome.Status.PASSED) + "** | **"
                + total(Outcome.Status.FAILED) + "** | **" + total(Outcome.Status.SKIPPED) + "** | |");
        out.println();
        out.println("Skipped commands by the feature they need (a command needing two counts under both): "
                + features(skippedByFeature()) + ".");
    }
}
