package dev.sandpiper.jmh.coldstart;

import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One more instance of a module already loaded in setup: what a host pays per instance when it
 * keeps the compiled module (allocate memory, globals and tables, copy data segments).
 *
 * <ul>
 *   <li>{@code sandpiper}: {@code Linker.instantiate(compiledModule)} in a new {@code Store}.
 *   <li>{@code sandpiperCompiled}: the same, of a module whose compiled tier was attached in setup.
 *       Instances bind the tier at their first call (one small object), so this is expected to cost what
 *       {@code sandpiper} does: it shows the compiled tier adds nothing per instance.
 *   <li>{@code chicoryInterpreter}: {@code Instance.builder(parsedModule).build()}.
 *   <li>{@code chicoryCompiler}: the same with the machine factory compiled once in setup.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InstantiateBenchmark {

    @Param({"fib", "sieve", "sha256", "matmul", "memops", "json"})
    public String kernel;

    private CompiledModule sandpiperModule;
    private CompiledModule sandpiperCompiledModule;
    private WasmModule chicoryModule;
    private Function<com.dylibso.chicory.runtime.Instance, Machine> chicoryMachines;

    @Setup
    public void setup() {
        byte[] wasm = Kernels.wasm(kernel);
        sandpiperModule = Engine.sandpiperCompile(wasm);
        sandpiperCompiledModule = Engine.sandpiperCompile(wasm);
        Engine.sandpiperCompileTier(sandpiperCompiledModule);
        chicoryModule = Engine.chicoryParse(wasm);
        chicoryMachines = Engine.chicoryCompile(chicoryModule);
    }

    @Benchmark
    public Instance sandpiper() {
        return Engine.sandpiperInstance(sandpiperModule);
    }

    @Benchmark
    public Instance sandpiperCompiled() {
        return Engine.sandpiperInstance(sandpiperCompiledModule);
    }

    @Benchmark
    public com.dylibso.chicory.runtime.Instance chicoryInterpreter() {
        return Engine.chicoryInterpreterInstance(chicoryModule);
    }

    @Benchmark
    public com.dylibso.chicory.runtime.Instance chicoryCompiler() {
        return Engine.chicoryCompilerInstance(chicoryModule, chicoryMachines);
    }
}
