package dev.sandpiper.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of the {@code sandpiper} command line. */
public final class Main {
    /** Exit status for a usage error. */
    static final int USAGE = 64;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            out.print(usage());
            return args.length == 0 ? USAGE : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "validate":
                return new ValidateCommand(out, err).run(rest);
            case "spec":
                return new SpecCommand(out, err).run(rest);
            case "invoke":
                return new InvokeCommand(out, err).run(rest);
            case "transform":
                return new TransformCommand(out, err).run(rest);
            case "run":
                return new RunCommand(out, err).run(rest);
            case "transforms":
                return new TransformsCommand(out, err).run(rest);
            case "print":
                return new PrintCommand(out, err).run(rest);
            case "wat2wasm":
                return new Wat2WasmCommand(err).run(rest);
            case "fuzz":
                return new FuzzCommand(out, err).run(rest);
            default:
                err.println("sandpiper: unknown command '" + args[0] + "'");
                err.print(usage());
                return USAGE;
        }
    }

    static String usage() {
        return """
                usage: sandpiper COMMAND [ARGS]

                commands:
                  transform --module M.wasm [--config JSON|@FILE] [--timeout-ms N] [--memory-limit-mb N]
                            [--fuel N] [--instances N] [--input FILE|-] [--output FILE|-] [--errors FILE]
                            [--warmup-ms N] [--engine E] [--max-event-bytes N] [--memory-budget-mb N]
                                          run a transform over JSON-lines CDC events
                  run PIPELINE.yaml --input TOPIC=FILE.jsonl... --output-dir DIR [--metrics-file FILE]
                      [--warmup-ms N] [--idle-timeout-ms N] [--engine E] [--max-event-bytes N]
                      [--memory-budget-mb N]
                                          run a pipeline of transforms over JSON-lines files
                  transforms validate FILE.wasm|SPEC.yaml|PIPELINE.yaml...
                                          check modules, specs and pipelines; one line per problem
                  transforms list PIPELINE.yaml
                                          show a pipeline's transforms and topics
                  validate [--features LIST] FILE.wasm...
                                          decode and validate modules; one line per file; LIST: all
                                          (default), 2.0, or proposals (tail-call, multi-memory,
                                          extended-const, simd...), -NAME to leave one out
                  print FILE.wasm         print a module in the text format (names from its name section)
                  wat2wasm FILE.wat -o FILE.wasm
                                          parse a text-format module and write its binary
                  invoke [--fuel N] [--timeout-ms N] [--max-memory-mb N] [--stats] [--v128 SHAPE]
                         [--engine E] [--memory-budget-mb N] FILE.wasm EXPORT [ARG...]
                                          call an exported function; prints TYPE:VALUE per result,
                                          or "trap: MESSAGE" with exit status 2
                  spec [--verbose] [--report [--markdown]] [--engine E] [--features LIST] PATH...
                                          run WebAssembly spec test scripts (.wast files, wast2json
                                          .json files, or folders of either); per-file counts, exit 1
                                          on any failure; --report skips commands needing a 3.0
                                          feature the engine lacks and names it
                  fuzz --seed S --count N [--corpus PATH...] [--engine interpreter|compiler|both]
                       [--threads N] [--max-seconds N] [--findings DIR] | --replay FILE...
                                          mutate and generate modules, run each on both tiers and
                                          compare; exit 1 on any finding

                wherever a module is read, FILE.wasm may also be a text-format module (.wat): a file
                without the binary magic \\0asm that opens with ( or ; (or is named .wat) is text

                --engine E is what runs the WebAssembly code: interpreter, compiler (JVM bytecode) or
                auto (the default: interpreted, compiled in the background once hot)
                """;
    }
}
