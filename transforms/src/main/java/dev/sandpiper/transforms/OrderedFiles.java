package dev.sandpiper.transforms;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * JSON-lines files whose lines arrive in any order, from any thread, and are written sorted by
 * {@link Origin}: the output files of {@link PipelineRun}. Lines are held in memory up to a budget
 * of bytes; past it, every file's lines so far are sorted and spilled to a run file in a temporary
 * folder; every {@link #FAN_IN} runs of a file are merged into one, and {@link #finish} merges what
 * is left. So an input of any size needs memory for the budget only, never more than a few dozen
 * open files, and the files come out the same whatever the budget.
 */
final class OrderedFiles implements AutoCloseable {
    private record Line(Origin origin, byte[] bytes) {}

    /** A sorted run file; {@code level} k holds the lines of {@code FAN_IN}^k spills. */
    private record Run(Path path, int level) {}

    /** Where merged lines go: a run file or the output file. */
    private interface LineSink {
        void accept(Line line) throws IOException;
    }

    /** Run files merged at once, so a merge never opens more files than this. */
    static final int FAN_IN = 16;

    private static final Comparator<Line> BY_ORIGIN = Comparator.comparing(Line::origin);
    /** Bookkeeping per line held in memory, on top of its bytes: an estimate for the budget. */
    private static final int LINE_OVERHEAD = 64;

    private final long budget;
    private final Path spillParent;
    private final Map<String, List<Line>> lines = new TreeMap<>();
    private final Map<String, List<Run>> runs = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long held;
    private int runCount;
    private Path spillDir;
    private IOException failure;

    /**
     * @param budget bytes of lines to hold in memory before spilling
     * @param spillParent where the temporary folder of run files is made (when one is needed)
     */
    OrderedFiles(long budget, Path spillParent) {
        this.budget = budget;
        this.spillParent = spillParent;
    }

    /** Makes sure file {@code name} is written, even with no lines. */
    synchronized void declare(String name) {
        lines.computeIfAbsent(name, n -> new ArrayList<>());
        counts.putIfAbsent(name, 0L);
    }

    /**
     * Adds a line (without its terminator) to file {@code name}. An I/O error while spilling is kept
     * and thrown by {@link #finish}, as the caller here is a transform's thread; lines added after
     * it are dropped.
     */
    synchronized void add(String name, Origin origin, byte[] line) {
        if (failure != null) {
            return; // finish will throw: holding more lines would only fill the memory
        }
        lines.computeIfAbsent(name, n -> new ArrayList<>()).add(new Line(origin, line));
        counts.merge(name, 1L, Long::sum);
        held += line.length + LINE_OVERHEAD;
        if (held > budget) {
            try {
                spill();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /** Lines added to file {@code name} so far. */
    synchronized long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    private void spill() throws IOException {
        if (spillDir == null) {
            spillDir = Files.createTempDirectory(spillParent, ".sandpiper-spill-");
        }
        for (Map.Entry<String, List<Line>> e : lines.entrySet()) {
            List<Line> list = e.getValue();
            if (list.isEmpty()) {
                continue;
            }
            list.sort(BY_ORIGIN);
            List<Run> fileRuns = runs.computeIfAbsent(e.getKey(), n -> new ArrayList<>());
            fileRuns.add(writeRun(List.of(), list, 0));
            list.clear();
            // Levels never increase along the list, like a counter's digits: FAN_IN runs of one level
            // at its end merge into one of the next, so each line is rewritten log(spills) times.
            int n = fileRuns.size();
            while (n >= FAN_IN && fileRuns.get(n - FAN_IN).level() == fileRuns.get(n - 1).level()) {
                List<Run> tail = fileRuns.subList(n - FAN_IN, n);
                Run merged = writeRun(List.copyOf(tail), List.of(), tail.get(0).level() + 1);
                for (Run r : tail) {
                    Files.delete(r.path());
                }
                tail.clear();
                fileRuns.add(merged);
                n = fileRuns.size();
            }
        }
        held = 0;
    }

    /** Writes the merge of {@code from} and the sorted {@code lines} as a new run file. */
    private Run writeRun(List<Run> from, List<Line> lines, int level) throws IOException {
        Path path = spillDir.resolve((runCount++) + ".run");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
            merge(from, lines, l -> writeLine(out, l));
        }
        return new Run(path, level);
    }

    /**
     * Writes every file into {@code dir} as {@code NAME.jsonl}, its lines in origin order; returns
     * each file's path by name.
     */
    synchronized Map<String, Path> finish(Path dir) throws IOException {
        if (failure != null) {
            throw failure;
        }
        Map<String, Path> written = new TreeMap<>();
        for (Map.Entry<String, List<Line>> e : lines.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".jsonl");
            List<Line> rest = e.getValue();
            rest.sort(BY_ORIGIN);
            List<Run> fileRuns = runs.getOrDefault(e.getKey(), List.of());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                merge(fileRuns, rest, l -> {
                    out.write(l.bytes());
                    out.write('\n');
                });
            }
            written.put(e.getKey(), file);
        }
        return written;
    }

    /**
     * K-way merge of sorted runs and sorted lines in memory. Run files open at once: {@code FAN_IN}
     * when spilling, at most {@code FAN_IN - 1} per level at the end.
     */
    private static void merge(List<Run> fileRuns, List<Line> rest, LineSink out) throws IOException {
        List<DataInputStream> inputs = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.line.origin()));
            for (Run run : fileRuns) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run.path()), 1 << 16));
                inputs.add(in);
                Line first = readLine(in);
                if (first != null) {
                    heads.add(new Head(first, in, null, 0));
                }
            }
            if (!rest.isEmpty()) {
                heads.add(new Head(rest.get(0), null, rest, 1));
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                out.accept(h.line);
                Line next = h.in != null ? readLine(h.in)
                        : h.next < h.memory.size() ? h.memory.get(h.next) : null;
                if (next != null) {
                    heads.add(new Head(next, h.in, h.memory, h.next + 1));
                }
            }
        } finally {
            for (DataInputStream in : inputs) {
                in.close();
            }
        }
    }

    /** The next line of one source: a run file, or the lines in memory from index {@code next}. */
    private record Head(Line line, DataInputStream in, List<Line> memory, int next) {}

    // A run file is a sequence of records: sequence (long), path length (int), the path's transform
    // names (UTF), line length (int), the line's bytes.

    private static void writeLine(DataOutputStream out, Line l) throws IOException {
        out.writeLong(l.origin().sequence());
        List<String> path = l.origin().path();
        out.writeInt(path.size());
        for (String t : path) {
            out.writeUTF(t);
        }
        out.writeInt(l.bytes().length);
        out.write(l.bytes());
    }

    private static Line readLine(DataInputStream in) throws IOException {
        long sequence;
        try {
            sequence = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        Origin origin = Origin.input(sequence);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            origin = origin.then(in.readUTF());
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new Line(origin, bytes);
    }

    /** Deletes the run files and their folder. */
    @Override
    public synchronized void close() throws IOException {
        if (spillDir == null) {
            return;
        }
        for (List<Run> fileRuns : runs.values()) {
            for (Run run : fileRuns) {
                Files.deleteIfExists(run.path());
            }
        }
        Files.deleteIfExists(spillDir);
        spillDir = null;
    }
}
