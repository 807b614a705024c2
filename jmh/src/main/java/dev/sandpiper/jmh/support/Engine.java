package dev.sandpiper.jmh.support;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import java.util.function.Function;

/**
 * The WebAssembly engines we benchmark, each set up the way its users are told to for speed, and
 * the one place that says how.
 *
 * <ul>
 *   <li>{@link #SANDPIPER}: {@link CompiledModule#compile(byte[])}, then {@link Linker#instantiate}
 *       into a fresh {@link Store} with the default {@link dev.sandpiper.interpreter.ExecutionLimits}
 *       (no fuel limit, no timeout).
 *   <li>{@link #SANDPIPER_COMPILED}: the same, with Sandpiper's second tier attached before
 *       instantiating: {@link WasmCompiler#standard()}{@code .compile(module)} translates every function
 *       to JVM bytecode (counting fuel exactly as the interpreter does, though no limit is set). The
 *       setup fails unless every function of the module was compiled ({@link CompileReport#interpreted()}
 *       empty), so a silent fallback to the interpreter is never measured as compiled code.
 *   <li>{@link #SANDPIPER_COMPILED_NO_FUEL}: the same with {@link WasmCompiler#withoutFuelCounting()}:
 *       only loop heads and function entries are charged (deadlines still work, fuel limits do not), to
 *       measure what counting fuel costs the compiled code.
 *   <li>{@link #CHICORY_INTERPRETER}: {@link Parser#parse(byte[])} (which validates), then {@code
 *       Instance.builder(module)} with Chicory's default machine, its interpreter, and {@link
 *       ByteArrayMemory}, the memory Chicory's documentation recommends on OpenJDK (the default,
 *       {@code ByteBufferMemory}, is slower there).
 *   <li>{@link #CHICORY_COMPILER}: the same, with the machine factory of Chicory's runtime compiler
 *       ({@link MachineFactoryCompiler}: wasm to JVM bytecode when the module is loaded), set to
 *       fail rather than silently fall back to the interpreter for a function it cannot compile.
 * </ul>
 */
public enum Engine {
    SANDPIPER("sandpiper") {
        @Override
        public WasmInstance instantiate(byte[] wasm) {
            return WasmInstance.of(sandpiperInstantiate(wasm));
        }
    },
    SANDPIPER_COMPILED("sandpiperCompiled") {
        @Override
        public WasmInstance instantiate(byte[] wasm) {
            return WasmInstance.of(sandpiperCompiledInstantiate(wasm));
        }
    },
    SANDPIPER_COMPILED_NO_FUEL("sandpiperCompiledNoFuel") {
        @Override
        public WasmInstance instantiate(byte[] wasm) {
            CompiledModule module = sandpiperCompile(wasm);
            allCompiled(WasmCompiler.standard().withoutFuelCounting().compile(module));
            return WasmInstance.of(sandpiperInstance(module));
        }
    },
    CHICORY_INTERPRETER("chicoryInterpreter") {
        @Override
        public WasmInstance instantiate(byte[] wasm) {
            return WasmInstance.of(chicoryInterpreterInstantiate(wasm));
        }
    },
    CHICORY_COMPILER("chicoryCompiler") {
        @Override
        public WasmInstance instantiate(byte[] wasm) {
            return WasmInstance.of(chicoryCompilerInstantiate(wasm));
        }
    };

    private final String benchmarkName;

    Engine(String benchmarkName) {
        this.benchmarkName = benchmarkName;
    }

    /** The name of this engine's benchmark methods, e.g. {@code chicoryInterpreter}. */
    public String benchmarkName() {
        return benchmarkName;
    }

    @Override
    public String toString() {
        return benchmarkName;
    }

    /** Loads, validates and instantiates {@code wasm} (a module without imports). */
    public abstract WasmInstance instantiate(byte[] wasm);

    // ---- the engines' own APIs, also used directly by the cold-start benchmarks ----

    /** Sandpiper: decode + validate + translate. */
    public static CompiledModule sandpiperCompile(byte[] wasm) {
        return CompiledModule.compile(wasm);
    }

    /** Sandpiper: a new instance of an already compiled module, in its own store. */
    public static dev.sandpiper.interpreter.Instance sandpiperInstance(CompiledModule module) {
        return new Linker(new Store()).instantiate(module);
    }

    public static dev.sandpiper.interpreter.Instance sandpiperInstantiate(byte[] wasm) {
        return sandpiperInstance(sandpiperCompile(wasm));
    }

    /**
     * Sandpiper's compiled tier: translates every function of {@code module} to JVM bytecode and
     * attaches it, so instances run it. Throws unless every function was compiled.
     */
    public static CompileReport sandpiperCompileTier(CompiledModule module) {
        return allCompiled(WasmCompiler.standard().compile(module));
    }

    /** Sandpiper, compiled tier: decode + validate + translate + compile, then a new instance. */
    public static dev.sandpiper.interpreter.Instance sandpiperCompiledInstantiate(byte[] wasm) {
        CompiledModule module = sandpiperCompile(wasm);
        sandpiperCompileTier(module);
        return sandpiperInstance(module);
    }

    /**
     * Sandpiper through the compiler's entry point: {@link WasmCompiler#load} decodes, validates and
     * translates, then compiles the module now ({@code COMPILER}), arranges to compile it in the
     * background once it is hot ({@code AUTO}) or nothing ({@code INTERPRETER}).
     */
    public static CompiledModule sandpiperLoad(byte[] wasm, dev.sandpiper.compiler.Engine engine) {
        return WasmCompiler.standard().load(wasm, engine);
    }

    /** {@code report}, unless it left a function to the interpreter. */
    public static CompileReport allCompiled(CompileReport report) {
        if (!report.interpreted().isEmpty()) {
            throw new IllegalStateException("the compiled tier left functions to the interpreter (index=reason): "
                    + report.interpreted() + "; " + report);
        }
        return report;
    }

    /** Chicory: decode + validate. */
    public static WasmModule chicoryParse(byte[] wasm) {
        return Parser.parse(wasm);
    }

    /** Chicory interpreter: a new instance of an already parsed module. */
    public static com.dylibso.chicory.runtime.Instance chicoryInterpreterInstance(WasmModule module) {
        return com.dylibso.chicory.runtime.Instance.builder(module)
                .withMemoryFactory(ByteArrayMemory::new)
                .build();
    }

    public static com.dylibso.chicory.runtime.Instance chicoryInterpreterInstantiate(byte[] wasm) {
        return chicoryInterpreterInstance(chicoryParse(wasm));
    }

    /** Chicory compiler: translates every function of the module to JVM bytecode and loads it. */
    public static Function<com.dylibso.chicory.runtime.Instance, Machine> chicoryCompile(WasmModule module) {
        return MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .compile();
    }

    /** Chicory compiler: a new instance of an already parsed and compiled module. */
    public static com.dylibso.chicory.runtime.Instance chicoryCompilerInstance(
            WasmModule module, Function<com.dylibso.chicory.runtime.Instance, Machine> machines) {
        return com.dylibso.chicory.runtime.Instance.builder(module)
                .withMemoryFactory(ByteArrayMemory::new)
                .withMachineFactory(machines)
                .build();
    }

    /** Chicory compiler: the same for a module with imports ({@code imports}: the host functions it needs). */
    public static com.dylibso.chicory.runtime.Instance chicoryCompilerInstance(WasmModule module,
            Function<com.dylibso.chicory.runtime.Instance, Machine> machines, ImportValues imports) {
        return com.dylibso.chicory.runtime.Instance.builder(module)
                .withMemoryFactory(ByteArrayMemory::new)
                .withMachineFactory(machines)
                .withImportValues(imports)
                .build();
    }

    public static com.dylibso.chicory.runtime.Instance chicoryCompilerInstantiate(byte[] wasm) {
        WasmModule module = chicoryParse(wasm);
        return chicoryCompilerInstance(module, chicoryCompile(module));
    }
}
