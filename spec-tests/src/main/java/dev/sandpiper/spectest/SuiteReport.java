package dev.sandpiper.spectest;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tallies outcomes per script file and prints the per-file table and the totals line
 * {@code N passed, N failed, N skipped}. Thread-safe.
 */
public final class SuiteReport {
    private final Map<String, int[]> perFile = new LinkedHashMap<>();

    public synchronized void record(String file, Outcome outcome) {
        perFile.computeIfAbsent(file, f -> new int[3])[outcome.status().ordinal()]++;
    }

    public synchronized int total(Outcome.Status status) {
        int n = 0;
        for (int[] counts : perFile.values()) {
            n += counts[status.ordinal()];
        }
        return n;
    }

    /** {@code N passed, N failed, N skipped}. */
    public synchronized String totalsLine() {
        return total(Outcome.Status.PASSED) + " passed, " + total(Outcome.Status.FAILED) + " failed, "
                + total(Outcome.Status.SKIPPED) + " skipped";
    }

    /** The per-file table, then the totals line. */
    public synchronized void print(PrintStream out) {
        int width = 4;
        for (String f : perFile.keySet()) {
            width = Math.max(width, f.length());
        }
        String row = "%-" + width + "s %8s %8s %8s%n";
        out.printf(row, "file", "passed", "failed", "skipped");
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            int[] c = e.getValue();
            out.printf(row, e.getKey(), c[0], c[1], c[2]);
        }
        out.println(totalsLine());
    }
}
