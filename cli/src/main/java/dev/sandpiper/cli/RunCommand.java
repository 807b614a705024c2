package dev.sandpiper.cli;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.WarmUp;
import dev.sandpiper.transforms.InvalidSpecException;
import dev.sandpiper.transforms.Pipeline;
import dev.sandpiper.transforms.PipelineRun;
import dev.sandpiper.transforms.PrometheusText;
import dev.sandpiper.transforms.Problem;
import dev.sandpiper.transforms.RunReport;
import dev.sandpiper.transforms.Specs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sandpiper run PIPELINE --input TOPIC=FILE... --output-dir DIR [--metrics-file FILE]}: runs a
 * pipeline (or a single spec) over JSON-lines files in this process and writes each output topic to
 * {@code DIR/TOPIC.jsonl} and the dead letters to {@code DIR/_dlq.jsonl}, after warming the JIT up
 * for {@code --warmup-ms} (as {@code transform} does); every transform runs on the
 * {@code --engine} (default auto), their memories reserved from one {@code --memory-budget-mb} budget
 * (default half the heap); an input line longer than {@code --max-event-bytes} (default the pipeline's
 * largest {@code max_memory_mb}) becomes an {@code invalid_input} dead letter, skipped unread. Prints
 * a table of the transforms' metrics, the files, the accounting line and the memory budget's peak
 * use to stdout. Exit 0 when the run completed
 * (dead letters included), 1 when the pipeline is invalid, an input cannot be read or a transform
 * with {@code on_error: fail} stopped it, 64 for a usage error.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return """
                usage: sandpiper run PIPELINE.yaml --input TOPIC=FILE.jsonl... --output-dir DIR [--metrics-file FILE]
                                     [--warmup-ms N] [--idle-timeout-ms N] [--engine interpreter|compiler|auto]
                                     [--max-event-bytes N] [--memory-budget-mb N]
                """;
    }

    int run(String[] args) {
        String pipelineFile = null;
        List<String[]> inputs = new ArrayList<>();
        String outputDir = null;
        String metricsFile = null;
        long idleMs = -1;
        long warmupMs = TransformCommand.DEFAULT_WARMUP_MS;
        Engine engine = EngineOption.DEFAULT;
        long maxEventBytes = 0; // the pipeline's largest max_memory_mb
        MemoryBudget budget = null; // the shared one
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--input" -> {
                        inputs.add(input(value(args, i++, a)));
                        while (i + 1 < args.length && !args[i + 1].startsWith("--") && args[i + 1].contains("=")) {
                            inputs.add(input(args[++i]));
                        }
                    }
                    case "--output-dir" -> outputDir = value(args, i++, a);
                    case "--metrics-file" -> metricsFile = value(args, i++, a);
                    case "--idle-timeout-ms" -> idleMs = CliJson.positive(a, value(args, i++, a));
                    case "--warmup-ms" -> warmupMs = CliJson.nonNegative(a, value(args, i++, a));
                    case EngineOption.NAME -> engine = EngineOption.parse(value(args, i++, a));
                    case LimitOptions.MAX_EVENT_BYTES -> maxEventBytes = LimitOptions.maxEventBytes(value(args, i++, a));
                    case LimitOptions.MEMORY_BUDGET -> budget = LimitOptions.memoryBudget(value(args, i++, a));
                    default -> {
                        if (a.startsWith("--") || pipelineFile != null) {
                            throw new IllegalArgumentException("unknown argument " + a);
                        }
                        pipelineFile = a;
                    }
                }
            }
            if (pipelineFile == null) {
                throw new IllegalArgumentException("name a pipeline file");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("--input TOPIC=FILE is required");
            }
            if (outputDir == null) {
                throw new IllegalArgumentException("--output-dir is required");
            }
        } catch (IllegalArgumentException e) {
            err.println("sandpiper run: " + e.getMessage());
            err.print(usage());
            return Main.USAGE;
        }
        Pipeline pipeline;
        try {
            pipeline = Specs.loadPipeline(Paths.get(pipelineFile), engine);
        } catch (InvalidSpecException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
            err.println("sandpiper run: " + pipelineFile + ": " + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s"));
            return 1;
        }
        MemoryBudget guestMemory = LimitOptions.orShared(budget);
        PipelineRun run = PipelineRun.of(pipeline).outputDir(Paths.get(outputDir)).engine(engine)
                .guestMemoryBudget(guestMemory);
        if (maxEventBytes > 0) {
            run.maxEventBytes(maxEventBytes);
        }
        for (String[] in : inputs) {
            run.input(in[0], Paths.get(in[1]));
        }
        if (idleMs > 0) {
            run.idleTimeout(Duration.ofMillis(idleMs));
        }
        if (warmupMs > 0) {
            WarmUp.once(Duration.ofMillis(warmupMs)); // so a cold JVM does not time out the first events
        }
        RunReport report;
        try {
            report = run.run();
        } catch (IllegalArgumentException e) {
            err.println("sandpiper run: " + e.getMessage());
            return Main.USAGE;
        } catch (InvalidSpecException e) {
            e.problems().forEach(err::println);
            return 1;
        } catch (IOException e) {
            err.println("sandpiper run: " + IoErrors.describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sandpiper run: interrupted");
            return 1;
        }
        out.print(report.table());
        out.println();
        for (Map.Entry<String, Path> f : report.files().entrySet()) {
            out.println("wrote " + f.getValue() + " (" + count(report.outputsByTopic().get(f.getKey())) + ")");
        }
        out.println("wrote " + report.deadLetterFile() + " (" + count(report.deadLetters()) + ")");
        if (metricsFile != null) {
            try {
                Path m = Paths.get(metricsFile);
                if (m.getParent() != null) {
                    Files.createDirectories(m.getParent());
                }
                Files.writeString(m, PrometheusText.format(report.metrics()), StandardCharsets.UTF_8);
                out.println("wrote " + m + " (metrics, Prometheus text format)");
            } catch (IOException e) {
                err.println("sandpiper run: cannot write the metrics file: " + IoErrors.describe(e));
                return 1;
            }
        }
        out.println(report.accounting());
        out.printf(Locale.ROOT, "%d events in %.3f s%n", report.in(), report.elapsedNanos() / 1e9);
        out.println(guestMemory.summary());
        if (report.failure().isPresent()) {
            err.println("sandpiper run: stopped at " + report.stoppedAt() + ": " + report.failure().get().getMessage());
            return 1;
        }
        if (!report.balanced()) {
            err.println("sandpiper run: the counts do not balance (a bug): " + report.accounting());
            return 1;
        }
        return 0;
    }

    private static String count(long n) {
        return n + (n == 1 ? " event" : " events");
    }

    private static String value(String[] args, int i, String option) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i + 1];
    }

    private static String[] input(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--input takes TOPIC=FILE, not '" + spec + "'");
        }
        return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
    }
}
