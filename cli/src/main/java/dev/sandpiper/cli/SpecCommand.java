package dev.sandpiper.cli;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import dev.sandpiper.spectest.Command;
import dev.sandpiper.spectest.FeatureGate;
import dev.sandpiper.spectest.Outcome;
import dev.sandpiper.spectest.SpecRunner;
import dev.sandpiper.spectest.SpecScript;
import dev.sandpiper.spectest.SuiteReport;
import dev.sandpiper.spectest.features.EngineFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sandpiper spec [--verbose] [--report [--markdown]] [--engine E] [--features LIST] PATH...}:
 * runs spec test scripts, {@code .wast} files read directly or wast2json {@code .json} files (files,
 * or folders searched for both {@code *.wast} and {@code *.json}), with their modules on the engine
 * (default auto) and prints each failed command, a per-file table and the line
 * {@code N passed, N failed, N skipped}. Exit 1 when any command failed. Modules may use every
 * implemented feature unless {@code --features} says otherwise ({@code --features 2.0} for the 2.0
 * suite, which asserts 3.0's constructs are refused).
 *
 * <p>{@code --report} is the 3.0 report: a command that needs a 3.0 feature the engine does not
 * implement, or that {@code --features} leaves out ({@link FeatureGate}), is skipped, naming it;
 * files are named by their path under the folder given (the 3.0 suite has {@code throw.wast} and
 * {@code legacy/throw.wast}); the table gains the features skips named, and a line of skips per
 * feature. {@code --markdown} prints the table as Markdown, as in {@code spec-tests/README.md}.
 */
final class SpecCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Runners runners;

    /** Makes the runner of one script, for the engine and features given on the command line. */
    @FunctionalInterface
    interface Runners {
        SpecRunner make(SpecScript script, Engine engine, Features features);
    }

    SpecCommand(PrintStream out, PrintStream err) {
        this(out, err, SpecRunner::new);
    }

    /** With {@code runners} making each script's runner (tests watch which engine it gets). */
    SpecCommand(PrintStream out, PrintStream err, Runners runners) {
        this.out = out;
        this.err = err;
        this.runners = runners;
    }

    static String usage() {
        return "usage: sandpiper spec [--verbose] [--report [--markdown]] " + EngineOption.SYNOPSIS + " "
                + FeaturesOption.SYNOPSIS
                + " PATH...   (.wast scripts, wast2json .json scripts, or folders of either)\n";
    }

    int run(String[] args) {
        boolean verbose = false;
        boolean report = false;
        boolean markdown = false;
        Engine engine = EngineOption.DEFAULT;
        Features features = Features.all();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.equals("--report")) {
                report = true;
            } else if (a.equals("--markdown")) {
                markdown = true;
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
        if (markdown && !report) {
            err.println("sandpiper spec: --markdown goes with --report");
            return Main.USAGE;
        }
        if (paths.isEmpty()) {
            err.print(usage());
            return Main.USAGE;
        }
        SuiteReport table = new SuiteReport();
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
                SpecRunner runner = runners.make(script, engine, features);
                // the report runs the 3.0 features the engine implements and --features allows
                FeatureGate gate = report ? new FeatureGate(runner, EngineFeatures.supported(features)) : null;
                String name = report && Files.isDirectory(p) ? p.relativize(file).toString() : script.sourceFile();
                for (int i = 0; i < script.commands().size(); i++) {
                    Command c = script.commands().get(i);
                    Outcome o = gate != null ? gate.run(i) : runner.run(c);
                    table.record(name, o);
                    if (o.status() == Outcome.Status.FAILED || (verbose && o.status() == Outcome.Status.SKIPPED)) {
                        out.println(c.displayName(name) + ": " + o.status().name().toLowerCase()
                                + ": " + o.message());
                    }
                }
            }
        }
        if (markdown) {
            table.printMarkdown(out);
        } else {
            table.print(out);
        }
        return table.total(Outcome.Status.FAILED) == 0 ? 0 : 1;
    }
}
