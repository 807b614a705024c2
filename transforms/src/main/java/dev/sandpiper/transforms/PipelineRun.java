package dev.sandpiper.transforms;

import dev.sandpiper.abi.JsonLines;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a pipeline once over JSON-lines files, in this process: what {@code sandpiper run} does.
 * Each input file's events are published to its topic, in the order the inputs are given; when the
 * graph is idle, each topic no transform reads is written to {@code DIR/TOPIC.jsonl} (canonical
 * Event JSON, one per line) and the dead letters to {@code DIR/_dlq.jsonl}. Both are sorted by
 * {@link Origin}, that is in input order (then by path where fan-out copies meet), so the files are
 * the same on every run whatever the parallelism. Outputs are held in memory until the end for
 * that sort. A file is written for every fixed exit topic and for {@code _dlq}, even when empty.
 */
public final class PipelineRun {
    /** One input: the events of {@code file} (JSON lines; {@code -} is standard input) go to {@code topic}. */
    public record Input(String topic, Path file) {}

    private final Pipeline pipeline;
    private final List<Input> inputs = new ArrayList<>();
    private Path outputDir;
    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout = TransformHost.DEFAULT_IDLE_TIMEOUT;
    private InputStream stdin = System.in;

    private PipelineRun(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public static PipelineRun of(Pipeline pipeline) {
        return new PipelineRun(pipeline);
    }

    public PipelineRun input(String topic, Path file) {
        inputs.add(new Input(topic, file));
        return this;
    }

    public PipelineRun outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    /** The clock of dead letters' time (default: system, UTC). */
    public PipelineRun clock(Clock c) {
        this.clock = c;
        return this;
    }

    public PipelineRun idleTimeout(Duration d) {
        this.idleTimeout = d;
        return this;
    }

    /** What an input of {@code -} reads (default {@code System.in}). */
    public PipelineRun stdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    private record Out(Origin origin, byte[] json) {}

    /**
     * Runs the pipeline to the end of its inputs (or until a transform with {@code on_error: fail}
     * fails) and writes the output files.
     *
     * @throws IllegalArgumentException when an input topic is read by no transform, or there is no
     *     input or output folder
     * @throws InvalidSpecException when a transform's {@code init} rejects its configuration
     * @throws IOException when an input cannot be read or an output written
     */
    public RunReport run() throws IOException, InterruptedException, InvalidSpecException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input: give at least one TOPIC=FILE");
        }
        if (outputDir == null) {
            throw new IllegalArgumentException("no output folder");
        }
        for (Input in : inputs) {
            if (pipeline.readers(in.topic()).isEmpty()) {
                throw new IllegalArgumentException("no transform reads topic \"" + in.topic() + "\" (inputs can go to: "
                        + String.join(", ", pipeline.entryTopics()) + ")");
            }
        }
        Map<String, List<Out>> outputs = new TreeMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Locations where = new Locations();
        long start = System.nanoTime();
        List<TransformMetrics> metrics;
        PipelineStoppedException stopped = null;
        long published;
        long invalid;
        long copies;
        long abandoned;
        try (TransformHost host = TransformHost.builder()
                .output((topic, origin, json) -> {
                    synchronized (outputs) {
                        outputs.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Out(origin, json));
                    }
                })
                .deadLetters(d -> {
                    synchronized (deadLetters) {
                        deadLetters.add(d);
                    }
                })
                .clock(clock)
                .idleTimeout(idleTimeout)
                .build()) {
            host.deploy(pipeline);
            try {
                for (int f = 0; f < inputs.size(); f++) {
                    Input in = inputs.get(f);
                    boolean isStdin = in.file().toString().equals("-");
                    try (JsonLines lines = new JsonLines(isStdin ? nonClosing(stdin) : Files.newInputStream(in.file()))) {
                        JsonLines.Line line;
                        while ((line = lines.next()) != null) {
                            where.add(f, line.number());
                            host.publish(in.topic(), line.bytes(), (isStdin ? "<stdin>" : in.file()) + ":" + line.number());
                        }
                    }
                }
                host.awaitIdle(Duration.ofDays(365));
            } catch (PipelineStoppedException e) {
                stopped = e;
            }
            metrics = host.metrics();
            published = host.published();
            invalid = host.invalidInputs();
            copies = host.fanOutCopies();
            abandoned = host.abandoned();
            if (stopped == null) {
                for (TransformSpec s : pipeline.transforms()) {
                    host.undeploy(s.name()); // runs each instance's shutdown
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        Files.createDirectories(outputDir);
        for (String exit : pipeline.exitTopics()) {
            outputs.computeIfAbsent(exit, t -> new ArrayList<>());
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Comparator<Out> byOrigin = Comparator.comparing(Out::origin);
        for (Map.Entry<String, List<Out>> e : outputs.entrySet()) {
            List<Out> list = e.getValue();
            list.sort(byOrigin);
            Path file = outputDir.resolve(e.getKey() + ".jsonl");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                for (Out out : list) {
                    o.write(out.json());
                    o.write('\n');
                }
            }
            files.put(e.getKey(), file);
            counts.put(e.getKey(), (long) list.size());
        }
        deadLetters.sort(Comparator.comparing(DeadLetter::origin));
        Path dlq = outputDir.resolve("_dlq.jsonl");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dlq), 1 << 16)) {
            for (DeadLetter d : deadLetters) {
                o.write(d.toJson().getBytes(StandardCharsets.UTF_8));
                o.write('\n');
            }
        }
        String stoppedAt = null;
        if (stopped != null) {
            long seq = stopped.origin().sequence();
            Input in = inputs.get(where.file(seq));
            stoppedAt = in.file() + ":" + where.line(seq);
        }
        return new RunReport(published, invalid, copies, Collections.unmodifiableMap(counts),
                Collections.unmodifiableMap(files), deadLetters.size(), dlq, metrics, stopped, stoppedAt, abandoned,
                elapsed);
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }

    /** The input file and line of each published event, by sequence number. */
    private static final class Locations {
        private int[] files = new int[1024];
        private long[] lines = new long[1024];
        private int size;

        void add(int file, long line) {
            if (size == files.length) {
                files = Arrays.copyOf(files, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            files[size] = file;
            lines[size++] = line;
        }

        int file(long seq) {
            return files[(int) seq];
        }

        long line(long seq) {
            return lines[(int) seq];
        }
    }
}
