package dev.sandpiper.jmh.coldstart;

import com.dylibso.chicory.wasm.WasmModule;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import java.util.concurrent.TimeUnit;
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
 * Bytes to a runnable instance: decode, validate, prepare for execution and instantiate (allocate
 * memory, copy data segments), all in one operation.
 *
 * <ul>
 *   <li>{@code sandpiper}: {@code CompiledModule.compile} (decode, validate, translate to the
 *       interpreter's code) + {@code Linker.instantiate} in a new {@code Store}.
 *   <li>{@code chicoryInterpreter}: {@code Parser.parse} (decode + validate) + {@code Instance.builder(..).build()}.
 *   <li>{@code chicoryCompiler}: the same plus Chicory's compiler generating and loading JVM bytecode
 *       for every function (which is why it costs much more here and less when running).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LoadBenchmark {

    @Param({"fib", "sieve", "sha256", "matmul", "memops", "json"})
    public String kernel;

    private byte[] wasm;

    @Setup
    public void setup() {
        wasm = Kernels.wasm(kernel);
    }

    @Benchmark
    public Instance sandpiper() {
        return Engine.sandpiperInstance(Engine.sandpiperCompile(wasm));
    }

    @Benchmark
    public com.dylibso.chicory.runtime.Instance chicoryInterpreter() {
        return Engine.chicoryInterpreterInstance(Engine.chicoryParse(wasm));
    }

    @Benchmark
    public com.dylibso.chicory.runtime.Instance chicoryCompiler() {
        WasmModule module = Engine.chicoryParse(wasm);
        return Engine.chicoryCompilerInstance(module, Engine.chicoryCompile(module));
    }
}
