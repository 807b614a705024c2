package dev.sandpiper.cli;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.JsonLines;
import dev.sandpiper.abi.LatencyHistogram;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntimePool;
import dev.sandpiper.compiler.Engine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.WarmUp;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code sandpiper transform --module M.wasm [OPTIONS]}: runs a transform over JSON-lines events.
 * Transformed events go to the output, in input order, as canonical JSON lines; filtered events
 * are dropped; failed ones (including lines that are not events) go to the errors file as JSON
 * records {@code {"line":N,"kind":"...","message":"...","event":...}}. At the end the counts line
 * {@code in N = out N + filtered N + failed N} (always balanced), the rate and the latency
 * percentiles go to stderr, then the memory budget and its peak use. A line longer than
 * {@code --max-event-bytes} (default: the guest memory limit, since a larger event can never be
 * handed to the guest) is skipped without being held in memory and becomes an {@code invalid_input}
 * record with its size. Every instance reserves its memory from one budget ({@code
 * --memory-budget-mb}, default half the heap). Exit 0 when the run completed, even with failed
 * events; 1 when the module or config is rejected (or {@code --engine compiler} cannot compile it),
 * the instances' initial memories do not fit the budget, or the input cannot be read.
 */
final class TransformCommand {
    private static final long PROGRESS_NANOS = 2_000_000_000L;
    /**
     * JIT warm-up before the first event ({@link WarmUp}), so a 50 ms deadline does not fail the
     * first events of a cold JVM.
     */
    static final long DEFAULT_WARMUP_MS = 500;

    private final PrintStream out;
    private final PrintStream err;

    TransformCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return """
                usage: sandpiper transform --module M.wasm [--config JSON|@FILE] [--timeout-ms N] [--memory-limit-mb N]
                                           [--fuel N] [--instances N] [--input FILE|-] [--output FILE|-] [--errors FILE]
                                           [--warmup-ms N] [--engine interpreter|compiler|auto]
                                           [--max-event-bytes N] [--memory-budget-mb N]
                """;
    }

    int run(String[] args) {
        TransformOptions o;
        try {
            o = TransformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sandpiper transform: " + e.getMessage());
            err.print(usage());
            return Main.USAGE;
        }
        WasmModule module;
        try {
            module = WasmModule.load(Paths.get(o.module()), o.wasmConfig());
        } catch (WasmLoadException e) {
            err.println("sandpiper transform: " + e.kind() + ": " + e.getMessage());
            return 1;
        }
        MemoryBudget budget = LimitOptions.orShared(o.memoryBudget());
        try {
            module.checkFits(o.instances(), budget);
        } catch (WasmLoadException e) {
            err.println("sandpiper transform: " + e.getMessage());
            return 1;
        }
        try (InputStream in = o.input().equals("-") ? System.in : Files.newInputStream(Paths.get(o.input()));
                OutputStream output = o.output().equals("-") ? nonClosing(out) : Files.newOutputStream(Paths.get(o.output()));
                OutputStream errors = o.errors() == null ? nonClosing(err) : Files.newOutputStream(Paths.get(o.errors()));
                WasmRuntimePool pool = new WasmRuntimePool(module, o.instances(), budget)) {
            if (o.warmupMs() > 0) {
                WarmUp.once(Duration.ofMillis(o.warmupMs()));
            }
            try {
                pool.init();
            } catch (TransformException e) {
                if (e.error().kind() == TransformError.Kind.GUEST_FAILURE) {
                    // init returned non-zero: the transform rejects its configuration.
                    err.println("sandpiper transform: " + module.name() + ": init failed: " + e.getMessage());
                    return 1;
                }
                // A trap or timeout: each event retries init (contract), failures become error records.
                err.println("sandpiper transform: warning: " + module.name() + ": init failed, will retry: "
                        + e.getMessage());
            }
            return process(o, pool, new JsonLines(in, o.maxEventBytes()), new BufferedOutputStream(output, 1 << 16),
                    new ErrorRecords(new BufferedOutputStream(errors, 1 << 14)));
        } catch (IOException e) {
            err.println("sandpiper transform: " + IoErrors.describe(e));
            return 1;
        }
    }

    /**
     * One event's journey: its line, its parsed input (or why it is not one), its result, its time;
     * for a line longer than the maximum event size, skipped unread, only its size.
     */
    private record Outcome(long line, byte[] raw, Event input, String inputError, TransformResult result, long nanos,
            long skippedSize) {
        Outcome(long line, byte[] raw, Event input, String inputError, TransformResult result, long nanos) {
            this(line, raw, input, inputError, result, nanos, -1);
        }

        /** A line longer than the maximum event size, skipped unread: {@code inputError} says so. */
        static Outcome oversized(JsonLines.Line line, long max) {
            return new Outcome(line.number(), null, null, "line of " + line.size() + " bytes exceeds the maximum "
                    + "event size of " + max + " bytes (" + LimitOptions.MAX_EVENT_BYTES + "); skipped", null, 0,
                    line.size());
        }

        boolean isOversized() {
            return skippedSize >= 0;
        }
    }

    private int process(TransformOptions o, WasmRuntimePool pool, JsonLines lines, OutputStream output,
            ErrorRecords errors) throws IOException {
        Counts counts = new Counts();
        LatencyHistogram latency = new LatencyHistogram();
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_NANOS;
        ExecutorService workers = o.instances() > 1 ? Executors.newFixedThreadPool(o.instances()) : null;
        ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
        int windowSize = o.instances() * 16;
        try {
            JsonLines.Line line;
            while ((line = lines.next()) != null) {
                JsonLines.Line l = line;
                if (l.oversized()) {
                    // Nothing to run, but its record keeps its place in the input order.
                    Outcome skipped = Outcome.oversized(l, lines.maxLineBytes());
                    if (workers == null) {
                        write(skipped, output, errors, counts, latency);
                    } else {
                        window.add(CompletableFuture.completedFuture(skipped));
                    }
                } else if (workers == null) {
                    write(transform(pool, l), output, errors, counts, latency);
                } else {
                    window.add(workers.submit(() -> transform(pool, l)));
                }
                if (window.size() >= windowSize) {
                    write(take(window), output, errors, counts, latency);
                }
                long now = System.nanoTime();
                if (now >= nextProgress) {
                    err.printf("transform: %d events, %.0f events/s%n", counts.in, counts.in / ((now - start) / 1e9));
                    nextProgress = now + PROGRESS_NANOS;
                }
            }
            while (!window.isEmpty()) {
                write(take(window), output, errors, counts, latency);
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            output.flush();
            errors.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.println("in " + counts.in + " = out " + counts.out + " + filtered " + counts.filtered + " + failed "
                + counts.failed);
        err.printf("%d events in %.3f s: %.0f events/s; latency p50 %s, p99 %s, max %s%n", counts.in, seconds,
                seconds > 0 ? counts.in / seconds : 0.0, micros(latency.percentile(50)), micros(latency.percentile(99)),
                micros(latency.max()));
        err.println(pool.memoryBudget().summary());
        return 0;
    }

    private static Outcome take(ArrayDeque<Future<Outcome>> window) throws IOException {
        try {
            return window.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("transform worker failed", e.getCause());
        }
    }

    private static Outcome transform(WasmRuntimePool pool, JsonLines.Line line) {
        Event input;
        try {
            input = EventJson.fromJson(line.bytes());
        } catch (EventFormatException e) {
            return new Outcome(line.number(), line.bytes(), null, e.getMessage(), null, 0);
        }
        long t = System.nanoTime();
        TransformResult r = pool.transform(input);
        return new Outcome(line.number(), line.bytes(), input, null, r, System.nanoTime() - t);
    }

    private static void write(Outcome o, OutputStream output, ErrorRecords errors, Counts counts,
            LatencyHistogram latency) throws IOException {
        counts.in++;
        if (o.isOversized()) {
            counts.failed++;
            errors.writeOversized(o.line(), o.inputError(), o.skippedSize());
            return;
        }
        if (o.inputError() != null) {
            counts.failed++;
            errors.write(o.line(), "invalid_input", "not a canonical Event: " + o.inputError(), null, o.raw());
            return;
        }
        latency.record(o.nanos());
        TransformResult r = o.result();
        if (r instanceof TransformResult.Ok ok) {
            counts.out++;
            output.write(ok.canonicalJson());
            output.write('\n');
        } else if (r instanceof TransformResult.Failed f) {
            counts.failed++;
            errors.write(o.line(), f.error().kind().wireName(), f.error().message(), o.input(), o.raw());
        } else {
            counts.filtered++;
        }
    }

    private static String micros(long nanos) {
        return nanos < 10_000 ? String.format("%.1f us", nanos / 1e3) : String.format("%.0f us", nanos / 1e3);
    }

    private static final class Counts {
        long in;
        long out;
        long filtered;
        long failed;
    }

    private static OutputStream nonClosing(PrintStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) {
                stream.write(b, off, len);
            }

            @Override
            public void close() {
                stream.flush();
            }
        };
    }

    /** Parsed command-line options. */
    record TransformOptions(String module, Map<String, Object> config, long timeoutMs, int memoryLimitMb, long fuel,
            int instances, String input, String output, String errors, long warmupMs, Engine engine,
            long maxEventBytes, MemoryBudget memoryBudget) {

        WasmConfig wasmConfig() {
            // The module path names the transform (in logs and messages) after its file.
            return WasmConfig.builder().modulePath(Paths.get(module)).timeoutMs(timeoutMs).memoryLimitMb(memoryLimitMb).fuel(fuel)
                    .initConfig(config).engine(engine).build();
        }

        static TransformOptions parse(String[] args) {
            String module = null;
            Map<String, Object> config = Map.of();
            long timeoutMs = WasmConfig.DEFAULT_TIMEOUT_MS;
            int memoryLimitMb = WasmConfig.DEFAULT_MEMORY_LIMIT_MB;
            long fuel = WasmConfig.NO_FUEL_LIMIT;
            int instances = 1;
            String input = "-";
            String output = "-";
            String errors = null;
            long warmupMs = DEFAULT_WARMUP_MS;
            Engine engine = EngineOption.DEFAULT;
            long maxEventBytes = 0; // the memory limit's
            MemoryBudget budget = null; // the shared one
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--module" -> module = required(a, v);
                    case "--config" -> config = CliJson.object(a, required(a, v));
                    case "--timeout-ms" -> timeoutMs = CliJson.positive(a, required(a, v));
                    case "--memory-limit-mb" -> memoryLimitMb = (int) CliJson.positive(a, required(a, v));
                    case "--fuel" -> fuel = CliJson.positive(a, required(a, v));
                    case "--instances" -> instances = (int) CliJson.positive(a, required(a, v));
                    case "--input" -> input = required(a, v);
                    case "--output" -> output = required(a, v);
                    case "--errors" -> errors = required(a, v);
                    case "--warmup-ms" -> warmupMs = CliJson.nonNegative(a, required(a, v));
                    case EngineOption.NAME -> engine = EngineOption.parse(required(a, v));
                    case LimitOptions.MAX_EVENT_BYTES -> maxEventBytes = LimitOptions.maxEventBytes(required(a, v));
                    case LimitOptions.MEMORY_BUDGET -> budget = LimitOptions.memoryBudget(required(a, v));
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
                i++;
            }
            if (module == null) {
                throw new IllegalArgumentException("--module is required");
            }
            if (maxEventBytes == 0) {
                // A larger event could never be handed to the guest.
                maxEventBytes = Math.min((long) memoryLimitMb << 20, LimitOptions.MAX_LINE);
            }
            return new TransformOptions(module, config, timeoutMs, memoryLimitMb, fuel, instances, input, output, errors,
                    warmupMs, engine, maxEventBytes, budget);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
