package dev.sandpiper.cli;

import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.transforms.InvalidSpecException;
import dev.sandpiper.transforms.Pipeline;
import dev.sandpiper.transforms.Problem;
import dev.sandpiper.transforms.Specs;
import dev.sandpiper.transforms.TransformSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code sandpiper transforms validate FILE...} checks modules ({@code .wasm}: decoding, validation,
 * the transform contract), specs and pipelines (every field, each module, names, the topic graph):
 * {@code FILE: ok (...)} or one line per problem, {@code FILE:LINE: FIELD: MESSAGE}. Exit 0 when
 * everything is ok, 1 otherwise.
 *
 * <p>{@code sandpiper transforms list PIPELINE} shows a pipeline's transforms and topics.
 */
final class TransformsCommand {
    private final PrintStream out;
    private final PrintStream err;

    TransformsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return """
                usage: sandpiper transforms validate FILE.wasm|SPEC.yaml|PIPELINE.yaml...
                       sandpiper transforms list PIPELINE.yaml
                """;
    }

    int run(String[] args) {
        if (args.length < 2) {
            err.print(usage());
            return Main.USAGE;
        }
        String[] files = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "validate" -> validate(files);
            case "list" -> files.length == 1 ? list(Paths.get(files[0])) : usageError("list takes one pipeline file");
            default -> usageError("unknown subcommand '" + args[0] + "'");
        };
    }

    private int usageError(String message) {
        err.println("sandpiper transforms: " + message);
        err.print(usage());
        return Main.USAGE;
    }

    private int validate(String[] files) {
        boolean ok = true;
        for (String f : files) {
            Path file = Paths.get(f);
            if (ModuleSource.isModuleName(f)) {
                try {
                    WasmModule m = WasmModule.load(file, WasmConfig.builder()
                            .memoryLimitMb(TransformSpec.DEFAULT_MAX_MEMORY_MB).build());
                    List<String> optional = new ArrayList<>();
                    for (String e : new String[] {"init", "shutdown", "filter", "route"}) {
                        if (m.exports(e)) {
                            optional.add(e);
                        }
                    }
                    out.println(f + ": ok (a transform module" + (optional.isEmpty() ? ""
                            : "; optional exports: " + String.join(", ", optional)) + ")");
                } catch (WasmLoadException e) {
                    ok = false;
                    out.println(f + ": " + e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
                }
                continue;
            }
            try {
                Pipeline p = Specs.loadPipeline(file);
                List<String> names = p.transforms().stream().map(TransformSpec::name).toList();
                out.println(f + ": ok (" + names.size() + (names.size() == 1 ? " transform: " : " transforms: ")
                        + String.join(", ", names) + ")");
            } catch (InvalidSpecException e) {
                ok = false;
                for (Problem problem : e.problems()) {
                    out.println(problem);
                }
            }
        }
        return ok ? 0 : 1;
    }

    private int list(Path file) {
        Pipeline p;
        try {
            p = Specs.loadPipeline(file);
        } catch (InvalidSpecException e) {
            e.problems().forEach(out::println);
            return 1;
        }
        out.println(file + (p.name().map(n -> " (" + n + ")").orElse("")) + ": " + p.transforms().size()
                + " transforms");
        for (TransformSpec s : p.transforms()) {
            out.printf(Locale.ROOT, "  %s: %s -> %s, %s, instances %d, timeout %d ms, memory %d MiB, on_error %s%s%n",
                    s.name(), s.inputTopic(), s.routed() ? "(routed by the module)" : s.outputTopic(), s.wasmModule(),
                    s.instances(), s.timeoutMs(), s.maxMemoryMb(), s.onError().wireName(),
                    s.fuel() == WasmConfig.NO_FUEL_LIMIT ? "" : ", fuel " + s.fuel());
        }
        out.println("  inputs: " + String.join(", ", p.entryTopics()));
        List<String> outputs = new ArrayList<>(p.exitTopics());
        for (TransformSpec s : p.transforms()) {
            if (s.routed()) {
                outputs.add("(the topics " + s.name() + " routes to)");
            }
        }
        out.println("  outputs: " + String.join(", ", outputs));
        return 0;
    }
}
