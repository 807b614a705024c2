package dev.sandpiper.transforms;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link PipelineRun} did: the counts, the files written, each transform's metrics, and the
 * failure that stopped it, if any. Every input event is accounted for: with fan-out copies added to
 * the inputs, {@code in = out + filtered + dead letters + skipped} ({@link #balanced()}); a stopped
 * run adds the failed event and those left unfinished.
 *
 * @param in input lines published (events, and lines that are not events)
 * @param invalidInputs input lines that are not events (each a dead letter)
 * @param fanOutCopies extra copies made where several transforms read one topic
 * @param outputsByTopic events written per output topic
 * @param files the output file of each output topic, sorted by topic
 * @param deadLetters dead letters written (failed events and invalid inputs)
 * @param deadLetterFile the dead-letter file
 * @param metrics each transform's metrics at the end
 * @param stopped the failure that stopped the run, or null
 * @param stoppedAt the input file and line of the event that stopped the run, or null
 * @param abandoned events dropped unprocessed when the run stopped
 * @param elapsedNanos the run's time, deploy included
 */
public record RunReport(long in, long invalidInputs, long fanOutCopies, Map<String, Long> outputsByTopic,
        Map<String, Path> files, long deadLetters, Path deadLetterFile, List<TransformMetrics> metrics,
        PipelineStoppedException stopped, String stoppedAt, long abandoned, long elapsedNanos) {

    public long out() {
        return outputsByTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    public long filtered() {
        return metrics.stream().mapToLong(TransformMetrics::filtered).sum();
    }

    public long skipped() {
        return metrics.stream().mapToLong(TransformMetrics::skipped).sum();
    }

    /** Events that stopped the run (on_error: fail): 0 or 1. */
    public long failedStop() {
        return metrics.stream().mapToLong(TransformMetrics::stopped).sum();
    }

    public Optional<PipelineStoppedException> failure() {
        return Optional.ofNullable(stopped);
    }

    /** Events neither output, filtered, dead-lettered nor skipped: 0 unless the run stopped. */
    public long unaccounted() {
        return in + fanOutCopies - out() - filtered() - deadLetters - skipped();
    }

    /** Whether every input event is accounted for in exactly one of output, filtered, dead letters or skipped. */
    public boolean balanced() {
        return stopped == null && unaccounted() == 0
                && metrics.stream().allMatch(m -> m.in() == m.out() + m.filtered() + m.failed());
    }

    /** The accounting line: {@code in 40 = out 35 + filtered 5 + dead letters 0 + skipped 0}. */
    public String accounting() {
        StringBuilder s = new StringBuilder("in ").append(in);
        if (fanOutCopies > 0) {
            s.append(" + fan-out copies ").append(fanOutCopies);
        }
        s.append(" = out ").append(out()).append(" + filtered ").append(filtered()).append(" + dead letters ")
                .append(deadLetters).append(" + skipped ").append(skipped());
        if (stopped != null) {
            s.append(" + stopped ").append(failedStop()).append(" + unfinished ")
                    .append(unaccounted() - failedStop());
        }
        return s.toString();
    }

    /** The per-transform table, with routed topics and guest metrics under each transform. */
    public String table() {
        String[] head = {"transform", "in", "out", "filtered", "failed", "dlq", "skipped", "fuel", "p50", "p99", "max",
            "instances"};
        String[][] rows = new String[metrics.size()][];
        for (int i = 0; i < rows.length; i++) {
            TransformMetrics m = metrics.get(i);
            rows[i] = new String[] {m.transform(), n(m.in()), n(m.out()), n(m.filtered()), n(m.failed()),
                n(m.deadLettered()), n(m.skipped()), n(m.fuel()), time(m.latencyP50Nanos()), time(m.latencyP99Nanos()),
                time(m.latencyMaxNanos()), String.valueOf(m.instances())};
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, head, width);
        for (int i = 0; i < rows.length; i++) {
            line(s, rows[i], width);
            TransformMetrics m = metrics.get(i);
            if (!m.outByTopic().isEmpty()) {
                StringBuilder t = new StringBuilder("    out:");
                m.outByTopic().forEach((k, v) -> t.append(' ').append(k).append(' ').append(n(v)).append(','));
                s.append(t, 0, t.length() - 1).append('\n');
            }
            StringBuilder f = new StringBuilder("    failed:");
            m.failedByKind().forEach((k, v) -> {
                if (v > 0) {
                    f.append(' ').append(k).append(' ').append(n(v)).append(',');
                }
            });
            if (m.failed() > 0) {
                s.append(f, 0, f.length() - 1).append('\n');
            }
            if (!m.guestMetrics().isEmpty()) {
                StringBuilder g = new StringBuilder("    guest metrics:");
                new java.util.TreeMap<>(m.guestMetrics()).forEach((k, v) -> g.append(' ').append(k).append(' ')
                        .append(n(v)).append(','));
                s.append(g, 0, g.length() - 1).append('\n');
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c];
            if (c == 0) {
                s.append(v).append(" ".repeat(width[c] - v.length()));
            } else {
                s.append("  ").append(" ".repeat(width[c] - v.length())).append(v);
            }
        }
        s.append('\n');
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String time(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
