package dev.sandpiper.jmh.coldstart;

import com.dylibso.chicory.wasm.WasmModule;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.jmh.support.Check;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import java.util.Arrays;
import java.util.Map;
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
 *   <li>{@code sandpiperCompiled}: {@code WasmCompiler.load(bytes, COMPILER)} (the same, then every
 *       function compiled to JVM bytecode and its class defined) + {@code Linker.instantiate}: what the
 *       compiled tier costs up front.
 *   <li>{@code sandpiperAutoLoad}: {@code WasmCompiler.load(bytes, AUTO)} (as {@code sandpiper}, plus
 *       asking to be told when the module is hot) + {@code Linker.instantiate}: the default engine's
 *       load, like for like with {@code sandpiper}.
 *   <li>{@code sandpiperAuto}: the same + a first, small call
 *       ({@link #FIRST_CALLS}, interpreted): the time to a first result with the default engine. The
 *       call is far below {@link WasmCompiler#HOT_THRESHOLD}, so nothing is compiled in the background
 *       while this is measured (the setup checks it).
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

    /** A kernel's function and arguments, for {@code sandpiperAuto}'s first call. */
    public record FirstCall(String function, long... args) {}

    /** {@code sandpiperAuto}'s first call per kernel: a few thousand instructions at most. */
    public static final Map<String, FirstCall> FIRST_CALLS = Map.of(
            "fib", new FirstCall("fib", 10),
            "sieve", new FirstCall("sieve", 100),
            "sha256", new FirstCall("sha256", 64),
            "matmul", new FirstCall("matmul", 2),
            "memops", new FirstCall("memops", 16, 2),
            "json", new FirstCall("json_tokens", 0));

    private byte[] wasm;
    private FirstCall firstCall;

    /**
     * Reads the module; checks the compiled tier compiles all its functions and that auto's first
     * call gives the interpreter's result without making the module hot (no compiled tier after it).
     */
    @Setup
    public void setup() {
        wasm = Kernels.wasm(kernel);
        firstCall = FIRST_CALLS.get(kernel);
        Engine.sandpiperCompileTier(Engine.sandpiperCompile(wasm));
        long[] expected = Engine.sandpiperInstantiate(wasm).function(firstCall.function()).call(firstCall.args());
        CompiledModule auto = Engine.sandpiperLoad(wasm, dev.sandpiper.compiler.Engine.AUTO);
        long[] got = Engine.sandpiperInstance(auto).function(firstCall.function()).call(firstCall.args());
        Check.expect(kernel + " auto's first call " + firstCall.function() + Arrays.toString(firstCall.args()),
                Arrays.toString(expected), Arrays.toString(got));
        Check.expect(kernel + " auto's first call leaves the module interpreted", null, auto.tier());
    }

    @Benchmark
    public Instance sandpiper() {
        return Engine.sandpiperInstance(Engine.sandpiperCompile(wasm));
    }

    @Benchmark
    public Instance sandpiperCompiled() {
        return Engine.sandpiperInstance(Engine.sandpiperLoad(wasm, dev.sandpiper.compiler.Engine.COMPILER));
    }

    @Benchmark
    public Instance sandpiperAutoLoad() {
        return Engine.sandpiperInstance(Engine.sandpiperLoad(wasm, dev.sandpiper.compiler.Engine.AUTO));
    }

    @Benchmark
    public long[] sandpiperAuto() {
        Instance instance = Engine.sandpiperInstance(Engine.sandpiperLoad(wasm, dev.sandpiper.compiler.Engine.AUTO));
        return instance.function(firstCall.function()).call(firstCall.args());
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
