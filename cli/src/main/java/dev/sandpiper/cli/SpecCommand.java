package dev.sandpiper.cli;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import dev.sandpiper.spectest.Command;
import dev.sandpiper.spectest.Outcome;
import dev.sandpiper.spectest.SpecRunner;
import dev.sandpiper.spectest.SpecScript;
import dev.sandpiper.spectest.SuiteReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code sandpiper spec [--verbose] [--engine E] [--features LIST] PATH...}: runs spec test scripts, {@code .wast}
 * files read directly or wast2json {@code .json} files (files, or folders searched for both
 * {@code *.wast} and {@code *.json}), with their modules on the engine (default auto) and prints each
 * failed command, a per-file table and the line {@code N passed, N failed, N skipped}. Exit 1 when
 * any command failed. Modules may use every implemented feature unless {@code --features} says
 * otherwise ({@code --features 2.0} for the 2.0 suite, which asserts 3.0's constructs are refused).
 */
final class SpecCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final BiFunction<SpecScript, Engine, SpecRunner> runners;

    SpecCommand(PrintStream out, PrintStream err) {
        this(out, err, null);
    }

    /**
     * With {@code runners} making each script's runner (tests watch which engine it gets); null for
     * runners with the {@code --features} given.
     */
    SpecCommand(PrintStream out, PrintStream err, BiFunction<SpecScript, Engine, SpecRunner> runners) {
        this.out = out;
        this.err = err;
        this.runners = runners;
    }

    static String usage() {
        return "usage: sandpiper spec [--verbose] " + EngineOption.SYNOPSIS + " " + FeaturesOption.SYNOPSIS
                + " PATH...   (.wast scripts, wast2json .json scripts, or folders of either)\n";
    }

    int run(String[] args) {
        boolean verbose = false;
        Engine engine = EngineOption.DEFAULT;
        Features features = Features.all();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.equals(EngineOption.NAME)) {
                try {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    engine = EngineOption.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    err.println("sandpiper spec: " + e.getMessage());
                    err.print(usage());
                    return Main.USAGE;
                }
            } else if (a.equals(FeaturesOption.NAME)) {
                try {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    features = FeaturesOption.parse(args[++i]);
                } catch (IllegalArgumentException e) {
                    err.println("sandpiper spec: " + e.getMessage());
                    err.print(usage());
                    return Main.USAGE;
                }
            } else if (a.startsWith("-")) {
                err.println("sandpiper spec: unknown option " + a);
                return Main.USAGE;
            } else {
                paths.add(Paths.get(a));
            }
        }
        if (paths.isEmpty()) {
            err.print(usage());
            return Main.USAGE;
        }
        SuiteReport report = new SuiteReport();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("sandpiper spec: no such file or folder: " + p);
                return 2;
            }
            List<Path> scripts;
            try {
                scripts = SpecScript.find(p);
            } catch (IOException e) {
                err.println("sandpiper spec: cannot read " + p + ": " + IoErrors.reason(e));
                return 2;
            }
            for (Path file : scripts) {
                SpecScript script;
                try {
                    script = SpecScript.read(file);
                } catch (UncheckedIOException | IllegalArgumentException e) {
                    err.println("sandpiper spec: " + e.getMessage());
                    return 2;
                }
                SpecRunner runner = runners != null ? runners.apply(script, engine)
                        : new SpecRunner(script, engine, features);
                for (Command c : script.commands()) {
                    Outcome o = runner.run(c);
                    report.record(script.sourceFile(), o);
                    if (o.status() == Outcome.Status.FAILED || (verbose && o.status() == Outcome.Status.SKIPPED)) {
                        out.println(c.displayName(script.sourceFile()) + ": " + o.status().name().toLowerCase()
                                + ": " + o.message());
                    }
                }
            }
        }
        report.print(out);
        return report.total(Outcome.Status.FAILED) == 0 ? 0 : 1;
    }
}
