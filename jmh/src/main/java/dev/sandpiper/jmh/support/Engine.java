package dev.sandpiper.jmh.support;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
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

    public static com.dylibso.chicory.runtime.Instance chicoryCompilerInstantiate(byte[] wasm) {
        WasmModule module = chicoryParse(wasm);
        return chicoryCompilerInstance(module, chicoryCompile(module));
    }
}
