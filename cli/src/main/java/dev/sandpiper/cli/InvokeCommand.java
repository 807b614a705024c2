package dev.sandpiper.cli;

import dev.sandpiper.abi.ModuleSource;
import dev.sandpiper.compiler.CompilerUnavailableException;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.ModuleTier;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.UninstantiableException;
import dev.sandpiper.interpreter.UnlinkableException;
import dev.sandpiper.spectest.SpectestModule;
import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.validator.InvalidModuleException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sandpiper invoke [OPTIONS] FILE.wasm EXPORT [ARG...]}: instantiates the module (it may import
 * only from the spec suite's {@code spectest} module) and calls one exported function. Prints each
 * result as {@code TYPE:VALUE} on its own line and exits 0; on a trap prints {@code trap: MESSAGE}
 * and exits 2; a module that cannot be loaded exits 1. A v128 argument is
 * {@code v128:SHAPE:LANE,...}; v128 results are printed as {@code v128:i32x4:...}, or in the shape
 * {@code --v128 SHAPE} names (see {@link ValueFormat}). The module runs on the {@code --engine}
 * (default auto, which for one call is the interpreter: a module moves to compiled code between
 * calls, once hot); {@code --stats} says which tier ran the call.
 */
final class InvokeCommand {
    static final int TRAPPED = 2;

    private final PrintStream out;
    private final PrintStream err;

    InvokeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String usage() {
        return "usage: sandpiper invoke [--fuel N] [--timeout-ms N] [--max-memory-mb N] [--memory-budget-mb N] [--stats]\n"
                + "                       [--v128 SHAPE] " + EngineOption.SYNOPSIS + " FILE.wasm EXPORT [ARG...]\n"
                + "  ARG is TYPE:VALUE (i32:5, i64:-1, f32:1.5, f64:0x1p-3, f32:nan, f64:-inf); a bare integer is i32\n"
                + "  a v128 is v128:SHAPE:LANE,... (v128:i32x4:1,2,3,4, v128:f64x2:0.5,nan, v128:i8x16:0,1,...,15)\n"
                + "  --v128 SHAPE prints v128 results as i8x16, i16x8, i32x4 (the default), i64x2, f32x4 or f64x2\n"
                + "  --engine runs the module on the interpreter, compiled to JVM bytecode, or auto (the default:\n"
                + "  interpreted until hot, so one call stays interpreted); --stats prints the tier that ran it\n";
    }

    int run(String[] args) {
        ExecutionLimits limits = ExecutionLimits.DEFAULT;
        boolean stats = false;
        String shape = ValueFormat.DEFAULT_SHAPE;
        Engine engine = EngineOption.DEFAULT;
        MemoryBudget budget = null;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--fuel" -> limits = limits.withFuel(positiveLong(a, value(args, ++i, a)));
                    case "--timeout-ms" -> limits = limits.withTimeout(Duration.ofMillis(positiveLong(a, value(args, ++i, a))));
                    case "--max-memory-mb" -> limits = limits.withMaxMemoryBytes(positiveLong(a, value(args, ++i, a)) << 20);
                    case LimitOptions.MEMORY_BUDGET -> budget = LimitOptions.memoryBudget(value(args, ++i, a));
                    case "--stats" -> stats = true;
                    case "--v128" -> shape = ValueFormat.shape(value(args, ++i, a));
                    case EngineOption.NAME -> engine = EngineOption.parse(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (positional.size() < 2) {
                throw new IllegalArgumentException("a module file and an export name are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("sandpiper invoke: " + e.getMessage());
            err.print(usage());
            return Main.USAGE;
        }
        return invoke(positional.get(0), positional.get(1), positional.subList(2, positional.size()), limits, stats,
                shape, engine, LimitOptions.orShared(budget));
    }

    private int invoke(String file, String export, List<String> argTexts, ExecutionLimits limits, boolean stats,
            String shape, Engine engine, MemoryBudget budget) {
        CompiledModule module;
        try {
            module = CompiledModule.compile(ModuleSource.read(Paths.get(file)));
        } catch (IOException e) {
            err.println("sandpiper invoke: cannot read " + file + ": " + IoErrors.reason(e));
            return 1;
        } catch (MalformedModuleException | TextFormatException e) {
            out.println("malformed: " + e.getMessage());
            return 1;
        } catch (InvalidModuleException e) {
            out.println("invalid: " + e.getMessage());
            return 1;
        } catch (UnsupportedOperationException e) {
            out.println("unsupported: " + e.getMessage());
            return 1;
        }
        for (Import imp : module.imports()) {
            if (!imp.module().equals("spectest")) {
                out.println("unlinkable: unknown import " + imp.module() + "." + imp.name());
                return 1;
            }
        }
        FuncType type = module.exportedFunctionType(export);
        if (type == null) {
            out.println("error: no exported function named \"" + export + "\"");
            return 1;
        }
        long[] argBits;
        try {
            argBits = arguments(type, argTexts);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            WasmCompiler.standard().prepare(module, engine);
        } catch (CompilerUnavailableException e) {
            err.println("sandpiper invoke: engine " + engine + " is unavailable: " + e.getMessage());
            return 1;
        }
        Store store = new Store(limits, budget);
        Linker linker = new Linker(store);
        SpectestModule.define(linker);
        Instance instance;
        try {
            instance = linker.instantiate(module);
        } catch (UnlinkableException e) {
            out.println("unlinkable: " + e.getMessage());
            return 1;
        } catch (UninstantiableException e) {
            out.println("uninstantiable: " + e.getMessage());
            return 1;
        }
        ModuleTier tier = module.tier(); // the call runs on the tier attached when it starts
        long start = System.nanoTime();
        int status = 0;
        try {
            long[] results = instance.call(export, argBits);
            int slot = 0;
            for (ValType t : type.results()) {
                out.println(t == ValType.V128
                        ? ValueFormat.formatV128(results[slot], results[slot + 1], shape)
                        : ValueFormat.format(t, results[slot]));
                slot += t.slots();
            }
        } catch (TrapException trap) {
            out.println("trap: " + trap.getMessage());
            status = TRAPPED;
        } catch (dev.sandpiper.interpreter.ThrownException uncaught) {
            out.println(uncaught.getMessage()); // "uncaught exception: <tag> [payload]" (3.0)
            status = TRAPPED;
        }
        if (stats) {
            double ms = (System.nanoTime() - start) / 1e6;
            err.printf("instructions: %d, time: %.3f ms%n", store.lastCallInstructions(), ms);
            err.println(budget.summary());
            err.println(TierLine.describe(module.module(), tier, exportedFunction(module, export)));
        }
        return status;
    }

    private static int exportedFunction(CompiledModule module, String name) {
        for (Export e : module.exports()) {
            if (e.name().equals(name) && e.kind() == ExternKind.FUNC) {
                return e.index();
            }
        }
        throw new IllegalArgumentException("no exported function named " + name);
    }

    private static long[] arguments(FuncType type, List<String> texts) {
        List<ValType> params = type.params();
        if (texts.size() != params.size()) {
            throw new IllegalArgumentException("the function takes " + params.size() + " argument(s) " + params
                    + ", " + texts.size() + " given");
        }
        long[] bits = new long[type.paramSlots()];
        int slot = 0;
        for (int i = 0; i < params.size(); i++) {
            ValType given = ValueFormat.typeOf(texts.get(i));
            if (given != params.get(i)) {
                throw new IllegalArgumentException("argument " + (i + 1) + " is " + given + " but the function takes "
                        + params.get(i) + "; write " + params.get(i) + ":VALUE");
            }
            if (given == ValType.V128) {
                long[] halves = ValueFormat.parseV128(texts.get(i));
                bits[slot] = halves[0];
                bits[slot + 1] = halves[1];
            } else {
                bits[slot] = ValueFormat.parse(texts.get(i));
            }
            slot += given.slots();
        }
        return bits;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long positiveLong(String option, String v) {
        try {
            long n = Long.parseLong(v);
            if (n <= 0) {
                throw new IllegalArgumentException(option + " must be positive, not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + v + "'");
        }
    }
}
