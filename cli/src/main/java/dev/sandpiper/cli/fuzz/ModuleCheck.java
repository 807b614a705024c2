package dev.sandpiper.cli.fuzz;

import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.interpreter.ModuleTooLargeException;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Extern;
import dev.sandpiper.interpreter.FunctionInstance;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.interpreter.UninstantiableException;
import dev.sandpiper.interpreter.UnlinkableException;
import dev.sandpiper.spectest.SpectestModule;
import dev.sandpiper.validator.InvalidModuleException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs one module the way the campaign does: decode, validate and translate; instantiate (imports
 * from {@code spectest}, any other function import a host function returning zeros) under small
 * limits and a {@link MemoryBudget} of its own; call every exported function whose parameters are
 * numeric, with zeros and then with small values, under fuel and a deadline; on the interpreter and,
 * when the module is valid, again on a fresh instance with the module compiled to JVM bytecode.
 *
 * <p>Clean outcomes are {@link MalformedModuleException}, {@link InvalidModuleException},
 * {@link UnlinkableException}, {@link UninstantiableException}, {@link TrapException} and results.
 * Anything else escaping (any other exception or error, {@code StackOverflowError} and
 * {@code OutOfMemoryError} included) is a finding, and so is a difference between the tiers in what
 * instantiation and each call did (results, trap kind, instructions executed) or in the memory and
 * globals they leave. Steps after a deadline, an interruption or an exhausted call stack (which the
 * compiled tier may reach at another depth when the JVM's own stack ends first) are not compared.
 * Not thread-safe: one check at a time per object; {@link #interrupt()} works from any thread.
 */
public final class ModuleCheck {
    /** How far a module got. */
    public enum Stage {
        /** Not a module: {@link MalformedModuleException}. */
        MALFORMED,
        /** Decoded, not valid: {@link InvalidModuleException}. */
        INVALID,
        /** Valid, not instantiated (unlinkable, uninstantiable). */
        REFUSED,
        /** Instantiated, its exports called. */
        RAN,
        /** Something other than a clean outcome: see {@link Result#finding()}. */
        FINDING
    }

    /** What checking one module found: its stage, and for {@link Stage#FINDING} what went wrong. */
    public record Result(Stage stage, String finding) {
        public boolean clean() {
            return finding == null;
        }
    }

    /** Guardrails for the campaign: fuel per call, memory and tables small, a shallow stack. */
    public static final ExecutionLimits LIMITS = ExecutionLimits.DEFAULT.withFuel(100_000)
            .withTimeout(Duration.ofSeconds(2)).withMaxCallDepth(500).withMaxMemoryPages(16)
            .withMaxTableElements(10_000);
    /** Bytes of memory and tables one store may reserve. */
    public static final long BUDGET_BYTES = 24L << 20;
    /** Exported functions called per module, at most. */
    static final int MAX_CALLS = 32;

    private final boolean interpreter;
    private final boolean compiler;
    private volatile Store running;
    private volatile boolean stopped;

    /** A check on the interpreter, the compiler, or both (compared). */
    public ModuleCheck(boolean interpreter, boolean compiler) {
        if (!interpreter && !compiler) {
            throw new IllegalArgumentException("at least one tier");
        }
        this.interpreter = interpreter;
        this.compiler = compiler;
    }

    /** Stops the module being checked (its calls trap as interrupted); from any thread. */
    public void interrupt() {
        stopped = true;
        Store s = running;
        if (s != null) {
            s.interrupt();
        }
    }

    /** Checks {@code bytes}; never throws (anything thrown becomes a finding). */
    public Result check(byte[] bytes) {
        stopped = false;
        try {
            return run(bytes);
        } catch (Throwable t) {
            return new Result(Stage.FINDING, "escaping " + describe(t));
        } finally {
            running = null;
        }
    }

    private Result run(byte[] bytes) {
        CompiledModule module;
        try {
            module = CompiledModule.compile(bytes);
        } catch (MalformedModuleException e) {
            return new Result(Stage.MALFORMED, null);
        } catch (InvalidModuleException e) {
            return new Result(Stage.INVALID, null);
        } catch (ModuleTooLargeException e) {
            return new Result(Stage.INVALID, null); // refused cleanly: the heap cannot hold it
        }
        Trace first = null;
        if (interpreter) {
            first = run(module, "interpreter");
        }
        if (compiler && !stopped) {
            try {
                WasmCompiler.standard().compile(module);
            } catch (RuntimeException | Error e) {
                return new Result(Stage.FINDING, "compiling escaping " + describe(e));
            }
            Trace second = run(module, "compiler");
            if (first != null) {
                String diff = first.difference(second);
                if (diff != null) {
                    return new Result(Stage.FINDING, "tiers differ: " + diff);
                }
            }
            first = first == null ? second : first;
        }
        if (first == null) {
            return new Result(Stage.FINDING, "interrupted before the compiled tier ran");
        }
        if (first.escaped != null) {
            return new Result(Stage.FINDING, first.escaped);
        }
        return new Result(first.instantiated ? Stage.RAN : Stage.REFUSED, null);
    }

    /** One tier's run: a line per step, and where steps stop being comparable. */
    private static final class Trace {
        final String tier;
        final List<String> steps = new ArrayList<>();
        int comparableUntil = Integer.MAX_VALUE;
        boolean instantiated;
        String escaped;

        Trace(String tier) {
            this.tier = tier;
        }

        void add(String step, boolean comparable) {
            if (!comparable && comparableUntil == Integer.MAX_VALUE) {
                comparableUntil = steps.size();
            }
            steps.add(step);
        }

        String difference(Trace other) {
            if (escaped != null || other.escaped != null) {
                return escaped != null ? tier + ": " + escaped : other.tier + ": " + other.escaped;
            }
            int until = Math.min(comparableUntil, other.comparableUntil);
            int n = Math.min(until, Math.max(steps.size(), other.steps.size()));
            for (int i = 0; i < n; i++) {
                String a = i < steps.size() ? steps.get(i) : "(nothing)";
                String b = i < other.steps.size() ? other.steps.get(i) : "(nothing)";
                if (!a.equals(b)) {
                    return tier + " " + a + " / " + other.tier + " " + b;
                }
            }
            return null;
        }
    }

    private Trace run(CompiledModule module, String tierName) {
        Trace trace = new Trace(tierName);
        try (Store store = new Store(LIMITS, new MemoryBudget(BUDGET_BYTES))) {
            running = store;
            if (stopped) {
                store.interrupt();
            }
            Linker linker = new Linker(store);
            SpectestModule.define(linker);
            stubImports(module, linker);
            Instance instance;
            try {
                instance = linker.instantiate(module);
            } catch (UnlinkableException | UninstantiableException e) {
                boolean comparable = !(e.getCause() instanceof TrapException t) || comparable(t.kind());
                trace.add("instantiate: " + e.getClass().getSimpleName() + cause(e), comparable);
                return trace;
            } catch (TrapException t) {
                trace.add("instantiate: trap " + t.kind(), comparable(t.kind()));
                return trace;
            }
            trace.instantiated = true;
            trace.add("instantiate: ok", true);
            int calls = 0;
            for (Map.Entry<String, Extern> e : instance.exports().entrySet()) {
                if (!(e.getValue() instanceof FunctionInstance f) || !numeric(f.type().params())) {
                    continue;
                }
                if (calls++ >= MAX_CALLS || stopped) {
                    break;
                }
                for (int round = 0; round < 2; round++) {
                    long[] args = arguments(f.type(), round);
                    String call = e.getKey() + Arrays.toString(args) + ": ";
                    try {
                        long[] results = f.call(args);
                        trace.add(call + results(f.type(), results) + " after " + store.lastCallInstructions(), true);
                    } catch (TrapException t) {
                        trace.add(call + "trap " + t.kind() + " after " + store.lastCallInstructions(),
                                comparable(t.kind()));
                    }
                }
            }
            trace.add("state: " + state(instance), true);
        } catch (Throwable t) {
            trace.escaped = "on the " + tierName + ": " + describe(t);
        }
        return trace;
    }

    private static boolean comparable(TrapKind kind) {
        return kind != TrapKind.DEADLINE_EXCEEDED && kind != TrapKind.INTERRUPTED
                && kind != TrapKind.CALL_STACK_EXHAUSTED && kind != TrapKind.HOST_FAILURE;
    }

    private static String cause(Throwable e) {
        return e.getCause() instanceof TrapException t ? " (trap " + t.kind() + ")" : "";
    }

    /** Function imports from modules other than {@code spectest}: host functions returning zeros. */
    private static void stubImports(CompiledModule module, Linker linker) {
        for (Import imp : module.imports()) {
            if (imp.kind() == ExternKind.FUNC && !imp.module().equals("spectest")
                    && imp.desc() instanceof ImportDesc.Func func) {
                FuncType type = module.module().types().get(func.typeIndex());
                linker.defineFunction(imp.module(), imp.name(), type, (ctx, args, results) -> { });
            }
        }
    }

    private static boolean numeric(List<ValType> types) {
        for (ValType t : types) {
            if (!t.isNumeric() || t == ValType.V128) {
                return false;
            }
        }
        return true;
    }

    /** Zeros in round 0; small values in round 1. */
    static long[] arguments(FuncType type, int round) {
        long[] args = new long[type.paramSlots()];
        if (round == 0) {
            return args;
        }
        int slot = 0;
        for (ValType t : type.params()) {
            args[slot] = switch (t.kind()) {
                case I32 -> 5;
                case I64 -> -3;
                case F32 -> Float.floatToRawIntBits(2.5f);
                default -> Double.doubleToRawLongBits(-0.75);
            };
            slot += t.slots();
        }
        return args;
    }

    /** Results by type: numeric ones as bits, references as null or not. */
    private static String results(FuncType type, long[] results) {
        StringBuilder sb = new StringBuilder("[");
        int slot = 0;
        for (ValType t : type.results()) {
            if (slot > 0) {
                sb.append(", ");
            }
            if (t == ValType.V128) {
                sb.append(Long.toHexString(results[slot])).append(':').append(Long.toHexString(results[slot + 1]));
            } else if (t.isReference()) {
                sb.append(results[slot] == -1 ? "null" : "ref");
            } else {
                sb.append(Long.toHexString(results[slot]));
            }
            slot += t.slots();
        }
        return sb.append(']').toString();
    }

    /** The memory's size and a hash of its bytes, and the exported numeric globals. */
    private static String state(Instance instance) {
        StringBuilder sb = new StringBuilder();
        Memory m = instance.memory();
        if (m != null) {
            sb.append("memory ").append(m.pages()).append(" pages, hash ")
                    .append(Arrays.hashCode(m.readBytes(0, m.byteSize())));
        }
        for (Map.Entry<String, Extern> e : instance.exports().entrySet()) {
            if (e.getValue() instanceof Global g && g.type().valType().isNumeric()) {
                sb.append(", ").append(e.getKey()).append('=').append(Long.toHexString(g.value()));
            }
        }
        return sb.toString();
    }

    /** The throwable's class, message and where it was thrown (the first frames). */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        String message = t.getMessage();
        if (message != null) {
            sb.append(": ").append(message.length() > 200 ? message.substring(0, 200) + "..." : message);
        }
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(3, st.length); i++) {
            sb.append(i == 0 ? " at " : " < ").append(st[i]);
        }
        return sb.toString();
    }
}
