package dev.sandpiper.cli.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a fuzz campaign: modules {@code from .. from+count-1} of {@link CampaignModules}, each
 * through a {@link ModuleCheck}, on worker threads. A watchdog on the calling thread prints progress
 * and times each module: one still running after {@link Options#hangCap()} is a hang (a finding); it
 * is interrupted, and a fresh worker takes over while the stuck one is abandoned. Each finding's
 * module is written to {@link Options#findingsDir()} as {@code fuzz-SEED-INDEX.wasm}, with what was
 * found beside it in a {@code .txt}.
 */
public final class Campaign {
    /**
     * @param seed the campaign's seed
     * @param from the first module index
     * @param count modules to run
     * @param interpreter run on the interpreter
     * @param compiler run compiled (both: compared)
     * @param threads worker threads
     * @param hangCapMillis wall-clock time after which a module is a hang
     * @param findingsDir where finding modules go (created on the first finding)
     * @param maxSeconds stop taking modules after this many seconds (0: run all {@code count})
     */
    public record Options(long seed, long from, long count, boolean interpreter, boolean compiler, int threads,
            long hangCapMillis, Path findingsDir, long maxSeconds) {}

    /** One finding: the module's index, what happened, and where its bytes were saved (or null). */
    public record Finding(long index, String what, Path saved) {}

    /** The campaign's counts: modules run, how far they got, findings, and the time it took. */
    public record Summary(long seed, long modules, long decoded, long valid, long ran, List<Finding> findings,
            long nanos) {
        /** {@code fuzz: N modules, seed S, T s: X decoded, Y valid, Z ran; findings F}. */
        public String line() {
            return String.format(Locale.ROOT, "fuzz: %d modules, seed %d, %.1f s: %d decoded, %d valid, %d ran; findings %d",
                    modules, seed, nanos / 1e9, decoded, valid, ran, findings.size());
        }
    }

    private final Options options;
    private final CampaignModules modules;
    private final PrintStream progress;
    private final AtomicLong next = new AtomicLong();
    private volatile boolean stopping;
    private final LongAdder done = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final LongAdder valid = new LongAdder();
    private final LongAdder ran = new LongAdder();
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

    /** A campaign over {@code corpus}, printing progress to {@code progress} (null for none). */
    public Campaign(Options options, List<byte[]> corpus, PrintStream progress) {
        this.options = options;
        this.modules = new CampaignModules(options.seed(), corpus);
        this.progress = progress;
    }

    /** A worker: takes the next module index until there are none, and says what it is doing. */
    private final class Worker implements Runnable {
        final ModuleCheck check = new ModuleCheck(options.interpreter(), options.compiler());
        volatile long index = -1;
        volatile long startedNanos;
        volatile boolean abandoned;
        volatile boolean alive = true;

        @Override
        public void run() {
            try {
                work();
            } finally {
                alive = false;
            }
        }

        private void work() {
            for (;;) {
                long i = stopping ? options.count() : next.getAndIncrement();
                if (i >= options.count()) {
                    index = -1;
                    return;
                }
                long moduleIndex = options.from() + i;
                startedNanos = System.nanoTime();
                index = moduleIndex;
                byte[] bytes = null;
                ModuleCheck.Result r;
                try {
                    bytes = modules.module(moduleIndex);
                    r = check.check(bytes);
                } catch (Throwable t) {
                    r = new ModuleCheck.Result(ModuleCheck.Stage.FINDING, "generating: " + ModuleCheck.describe(t));
                }
                if (abandoned) {
                    return; // the watchdog counted this one as a hang
                }
                index = -1;
                switch (r.stage()) {
                    case RAN -> {
                        ran.increment();
                        valid.increment();
                        decoded.increment();
                    }
                    case REFUSED -> {
                        valid.increment();
                        decoded.increment();
                    }
                    case INVALID -> decoded.increment();
                    default -> { }
                }
                if (!r.clean()) {
                    record(moduleIndex, bytes, r.finding());
                }
                done.increment();
            }
        }
    }

    /** Runs the campaign to the end; returns its summary. */
    public Summary run() {
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            workers.add(start(t));
        }
        long lastReport = start;
        long capNanos = options.hangCapMillis() * 1_000_000L;
        long stopAt = options.maxSeconds() > 0 ? start + options.maxSeconds() * 1_000_000_000L : Long.MAX_VALUE;
        while (done.sum() < options.count() && !(stopping && workers.stream().noneMatch(w -> w.alive && !w.abandoned))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = System.nanoTime();
            if (now >= stopAt) {
                stopping = true;
            }
            for (int t = 0; t < workers.size(); t++) {
                Worker w = workers.get(t);
                long index = w.index;
                if (index >= 0 && now - w.startedNanos > capNanos && !w.abandoned) {
                    w.abandoned = true;
                    w.check.interrupt();
                    record(index, safeModule(index), "hang: still running after " + options.hangCapMillis() + " ms");
                    done.increment();
                    workers.set(t, start(t));
                }
            }
            if (progress != null && now - lastReport >= 5_000_000_000L) {
                lastReport = now;
                long n = done.sum();
                progress.printf(Locale.ROOT, "fuzz: %d of %d modules, %.0f/s, findings %d%n", n, options.count(),
                        n / ((now - start) / 1e9), findings.size());
            }
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> Long.compare(a.index(), b.index()));
        return new Summary(options.seed(), done.sum(), decoded.sum(), valid.sum(), ran.sum(), sorted,
                System.nanoTime() - start);
    }

    private Worker start(int t) {
        Worker w = new Worker();
        Thread thread = new Thread(w, "fuzz-" + t);
        thread.setDaemon(true);
        thread.start();
        return w;
    }

    private byte[] safeModule(long index) {
        try {
            return modules.module(index);
        } catch (Throwable t) {
            return null;
        }
    }

    private void record(long index, byte[] bytes, String what) {
        Path saved = null;
        if (bytes != null && options.findingsDir() != null) {
            try {
                Files.createDirectories(options.findingsDir());
                String name = "fuzz-" + options.seed() + "-" + index;
                saved = options.findingsDir().resolve(name + ".wasm");
                Files.write(saved, bytes);
                Files.writeString(options.findingsDir().resolve(name + ".txt"), what + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                what = what + " (not saved: " + e.getMessage() + ")";
            }
        }
        findings.add(new Finding(index, what, saved));
        if (progress != null) {
            progress.println("fuzz: finding at module " + index + ": " + what + (saved != null ? " -> " + saved : ""));
        }
    }
}
