package dev.sandpiper.transforms;

import dev.sandpiper.abi.JsonLines;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.MemoryBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a pipeline once over JSON-lines files, in this process: what {@code sandpiper run} does.
 * Each input file's events are published to its topic, in the order the inputs are given; when the
 * graph is idle, each topic no transform reads is written to {@code DIR/TOPIC.jsonl} (canonical
 * Event JSON, one per line) and the dead letters to {@code DIR/_dlq.jsonl}. Both are sorted by
 * {@link Origin}, that is in input order (then by path where fan-out copies meet), so the files are
 * the same on every run whatever the parallelism. For that sort, outputs are held in memory up to
 * {@link #memoryBudget} bytes and beyond it spilled to sorted run files in a temporary folder of
 * the output folder, merged at the end and deleted. A file is written for every fixed exit topic
 * and for {@code _dlq}, even when empty. The transforms run on the run's {@linkplain #engine
 * engine}, their instances' memories reserved from one {@linkplain #guestMemoryBudget budget}. An
 * input line longer than the {@linkplain #maxEventBytes maximum event size} is skipped without being
 * held in memory and becomes an {@code invalid_input} dead letter naming its size; the lines after
 * it run as usual.
 */
public final class PipelineRun {
    /** One input: the events of {@code file} (JSON lines; {@code -} is standard input) go to {@code topic}. */
    public record Input(String topic, Path file) {}

    /** The name of the dead letters' file, and its key among the output files. */
    private static final String DLQ = "_dlq";

    private final Pipeline pipeline;
    private final List<Input> inputs = new ArrayList<>();
    private Path outputDir;
    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout = TransformHost.DEFAULT_IDLE_TIMEOUT;
    private InputStream stdin = System.in;
    private long memoryBudget = DEFAULT_MEMORY_BUDGET;
    private Engine engine = WasmConfig.DEFAULT_ENGINE;
    private MemoryBudget guestMemory = MemoryBudget.shared();
    private long maxEventBytes;

    /** Bytes of output held in memory for sorting before spilling to disk: 64 MiB. */
    public static final long DEFAULT_MEMORY_BUDGET = 64L << 20;

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

    /**
     * What runs the transforms (default {@link Engine#AUTO}). Modules the pipeline loaded for
     * another engine are loaded again ({@link TransformHost#deploy(Pipeline)}); load it with
     * {@link Specs#loadPipeline(Path, Engine)} to avoid that.
     */
    public PipelineRun engine(Engine e) {
        if (e == null) {
            throw new IllegalArgumentException("engine must not be null");
        }
        this.engine = e;
        return this;
    }

    /**
     * The budget every instance of every transform reserves its memory from (default
     * {@link MemoryBudget#shared()}); see {@link TransformHost.Builder#memoryBudget}.
     */
    public PipelineRun guestMemoryBudget(MemoryBudget budget) {
        if (budget == null) {
            throw new IllegalArgumentException("memory budget must not be null");
        }
        this.guestMemory = budget;
        return this;
    }

    /**
     * The longest input line read as an event, in bytes (default {@link #defaultMaxEventBytes}: the
     * largest {@code max_memory_mb} of the pipeline's transforms, since a larger event can never be
     * handed to a guest). A longer line is skipped unread and becomes an {@code invalid_input} dead
     * letter with its size.
     */
    public PipelineRun maxEventBytes(long bytes) {
        if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the maximum event size must be 1.." + (Integer.MAX_VALUE - 8)
                    + " bytes, not " + bytes);
        }
        this.maxEventBytes = bytes;
        return this;
    }

    /** The default maximum event size: the largest {@code max_memory_mb} of the pipeline's transforms, in bytes. */
    public long defaultMaxEventBytes() {
        long mb = 0;
        for (TransformSpec s : pipeline.transforms()) {
            mb = Math.max(mb, s.maxMemoryMb());
        }
        return Math.min((mb == 0 ? TransformSpec.DEFAULT_MAX_MEMORY_MB : mb) << 20, Integer.MAX_VALUE - 8);
    }

    /** What an input of {@code -} reads (default {@code System.in}). */
    public PipelineRun stdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    /**
     * Bytes of output lines (outputs and dead letters) held in memory for sorting before they are
     * spilled to disk (default {@link #DEFAULT_MEMORY_BUDGET}). The files are the same whatever it is.
     */
    public PipelineRun memoryBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + bytes);
        }
        this.memoryBudget = bytes;
        return this;
    }

    /**
     * Runs the pipeline to the end of its inputs (or until a transform with {@code on_error: fail}
     * fails) and writes the output files.
     *
     * @throws IllegalArgumentException when an input topic is read by no transform, or there is no
     *     input or output folder
     * @throws InvalidSpecException when a transform's {@code init} rejects its configuration
     * @throws IOException when an input does not exist or cannot be read, the output folder is a file,
     *     or an output cannot be written (checked for the inputs and the folder before any event runs)
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
        // Every input is checked before the first event runs, not when its turn comes.
        for (Input in : inputs) {
            if (!in.file().toString().equals("-") && !Files.isRegularFile(in.file())) {
                if (!Files.exists(in.file())) {
                    throw new NoSuchFileException(in.file().toString(), null, "no such input file");
                }
                throw new FileSystemException(in.file().toString(), null, "the input is not a file");
            }
        }
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new FileSystemException(outputDir.toString(), null, "the output folder is a file");
        }
        Files.createDirectories(outputDir);
        try (OrderedFiles files = new OrderedFiles(memoryBudget, outputDir)) {
            return run(files);
        }
    }

    private RunReport run(OrderedFiles files) throws IOException, InterruptedException, InvalidSpecException {
        InputLocations where = new InputLocations();
        long start = System.nanoTime();
        List<TransformMetrics> metrics;
        PipelineStoppedException stopped = null;
        long published;
        long invalid;
        long copies;
        long abandoned;
        try (TransformHost host = TransformHost.builder()
                .output((topic, origin, json) -> files.add(topic, origin, json))
                .deadLetters(d -> files.add(DLQ, d.origin(), d.toJson().getBytes(StandardCharsets.UTF_8)))
                .clock(clock)
                .idleTimeout(idleTimeout)
                .engine(engine)
                .memoryBudget(guestMemory)
                .build()) {
            host.deploy(pipeline);
            try {
                for (int f = 0; f < inputs.size(); f++) {
                    Input in = inputs.get(f);
                    boolean isStdin = in.file().toString().equals("-");
                    long max = maxEventBytes > 0 ? maxEventBytes : defaultMaxEventBytes();
                    try (JsonLines lines = new JsonLines(isStdin ? nonClosing(stdin) : Files.newInputStream(in.file()),
                            max)) {
                        JsonLines.Line line;
                        while ((line = lines.next()) != null) {
                            where.add(f, line.number());
                            String at = (isStdin ? "<stdin>" : in.file()) + ":" + line.number();
                            if (line.oversized()) {
                                host.publishOversized(in.topic(), line.size(), max, at);
                            } else {
                                host.publish(in.topic(), line.bytes(), at);
                            }
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
        for (String exit : pipeline.exitTopics()) {
            files.declare(exit);
        }
        files.declare(DLQ);
        Map<String, Path> written = files.finish(outputDir);
        Path dlq = written.remove(DLQ);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String topic : written.keySet()) {
            counts.put(topic, files.count(topic));
        }
        long deadLetters = files.count(DLQ);
        String stoppedAt = null;
        if (stopped != null) {
            long seq = stopped.origin().sequence();
            Input in = inputs.get(where.file(seq));
            stoppedAt = in.file() + ":" + where.line(seq);
        }
        return new RunReport(published, invalid, copies, Collections.unmodifiableMap(counts),
                Collections.unmodifiableMap(written), deadLetters, dlq, metrics, stopped, stoppedAt, abandoned,
                elapsed);
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }
}
