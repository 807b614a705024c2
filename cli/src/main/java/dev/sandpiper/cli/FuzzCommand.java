package dev.sandpiper.cli;

import dev.sandpiper.cli.fuzz.Campaign;
import dev.sandpiper.cli.fuzz.Corpus;
import dev.sandpiper.cli.fuzz.ModuleCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sandpiper fuzz --seed S --count N [--from I] [--corpus DIR...] [--engine E] [--threads N]
 * [--hang-ms N] [--max-seconds N] [--findings DIR]}: runs a fuzz {@link Campaign} and prints its summary line; exit 1
 * when there are findings. {@code sandpiper fuzz --replay FILE...} checks given modules (saved
 * findings) the same way, one line per file.
 */
final class FuzzCommand {
    private final PrintStream out;
    private final PrintStream err;

    FuzzCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return "usage: sandpiper fuzz --seed S --count N [--from I] [--corpus DIR...] [--engine interpreter|compiler|both]\n"
                + "                     [--threads N] [--hang-ms N] [--max-seconds N] [--findings DIR]\n"
                + "       sandpiper fuzz --replay FILE.wasm... [--engine interpreter|compiler|both]\n"
                + "  runs modules I..I+N-1 of seed S (seed modules from --corpus, default the spec suite beside the\n"
                + "  repository and examples/, mutated, and random valid ones) through decode, validate, instantiate\n"
                + "  and calls under fuel on both tiers (compared); findings are saved to --findings (fuzz-findings)\n";
    }

    int run(String[] args) {
        Long seed = null;
        long count = -1;
        long from = 0;
        List<Path> corpus = new ArrayList<>();
        List<Path> replay = new ArrayList<>();
        boolean interpreter = true;
        boolean compiler = true;
        int threads = Runtime.getRuntime().availableProcessors();
        long hangMs = 10_000;
        long maxSeconds = 0;
        Path findings = Paths.get("fuzz-findings");
        boolean replaying = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--seed" -> seed = number(a, value(args, ++i, a), Long.MIN_VALUE);
                    case "--count" -> count = number(a, value(args, ++i, a), 1);
                    case "--from" -> from = number(a, value(args, ++i, a), 0);
                    case "--threads" -> threads = (int) Math.min(256, number(a, value(args, ++i, a), 1));
                    case "--hang-ms" -> hangMs = number(a, value(args, ++i, a), 1);
                    case "--max-seconds" -> maxSeconds = number(a, value(args, ++i, a), 1);
                    case "--findings" -> findings = Paths.get(value(args, ++i, a));
                    case "--corpus" -> {
                        corpus.add(Paths.get(value(args, ++i, a)));
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            corpus.add(Paths.get(args[++i]));
                        }
                    }
                    case "--replay" -> replaying = true;
                    case EngineOption.NAME -> {
                        String e = value(args, ++i, a);
                        switch (e) {
                            case "interpreter" -> compiler = false;
                            case "compiler" -> interpreter = false;
                            case "both" -> { }
                            default -> throw new IllegalArgumentException(
                                    "--engine: unknown engine '" + e + "' (interpreter, compiler or both)");
                        }
                    }
                    default -> {
                        if (a.startsWith("--") || !replaying) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        replay.add(Paths.get(a));
                    }
                }
            }
            if (replaying ? replay.isEmpty() : seed == null || count < 0) {
                throw new IllegalArgumentException(replaying ? "--replay needs module files" : "--seed and --count are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("sandpiper fuzz: " + e.getMessage());
            err.print(usage());
            return Main.USAGE;
        }
        if (replaying) {
            return replay(replay, new ModuleCheck(interpreter, compiler));
        }
        List<byte[]> seeds = Corpus.load(corpus.isEmpty() ? Corpus.defaultRoots(Paths.get("")) : corpus);
        err.println("fuzz: " + seeds.size() + " seed modules, " + threads + " threads");
        Campaign.Summary s = new Campaign(new Campaign.Options(seed, from, count, interpreter, compiler, threads,
                hangMs, findings, maxSeconds), seeds, err).run();
        for (Campaign.Finding f : s.findings()) {
            out.println("finding: module " + f.index() + ": " + f.what() + (f.saved() != null ? " (" + f.saved() + ")" : ""));
        }
        out.println(s.line());
        return s.findings().isEmpty() ? 0 : 1;
    }

    private int replay(List<Path> files, ModuleCheck check) {
        int status = 0;
        for (Path p : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                err.println("sandpiper fuzz: cannot read " + p + ": " + IoErrors.reason(e));
                status = 1;
                continue;
            }
            ModuleCheck.Result r = check.check(bytes);
            out.println(p + ": " + (r.clean() ? r.stage().name().toLowerCase(java.util.Locale.ROOT) : "finding: " + r.finding()));
            if (!r.clean()) {
                status = 1;
            }
        }
        return status;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long number(String option, String v, long min) {
        try {
            long n = Long.parseLong(v);
            if (n < min) {
                throw new IllegalArgumentException(option + " must be at least " + min + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + v + "'");
        }
    }
}
