package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.SIEVE_1M;
import static dev.sandpiper.jmh.kernels.KernelExpectations.SIEVE_N;

import dev.sandpiper.jmh.kernels.SieveJava;
import dev.sandpiper.jmh.support.Check;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import dev.sandpiper.jmh.support.WasmInstance.WasmFunction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code sieve(1_000_000)}: Sieve of Eratosthenes over a million bytes (cleared on every call):
 * byte loads and stores in tight loops.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SieveBenchmark {

    /** {@code sieve.wasm} on one engine; its byte array lives in linear memory and is reused. */
    public abstract static class Wasm {
        public int n = SIEVE_N;
        private WasmFunction sieve;

        public void init(Engine engine) {
            sieve = engine.instantiate(Kernels.wasm("sieve")).function("sieve");
        }

        public int sieve(int arg) {
            return (int) sieve.call(arg)[0];
        }

        void setup(Engine engine) {
            init(engine);
            Check.expect(engine + " sieve(" + n + ")", SIEVE_1M, sieve(n));
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiper extends Wasm {
        @Setup
        public void setup() {
            setup(Engine.SANDPIPER);
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperCompiled extends Wasm {
        @Setup
        public void setup() {
            setup(Engine.SANDPIPER_COMPILED);
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperCompiledNoFuel extends Wasm {
        @Setup
        public void setup() {
            setup(Engine.SANDPIPER_COMPILED_NO_FUEL);
        }
    }

    @State(Scope.Thread)
    public static class OnChicoryInterpreter extends Wasm {
        @Setup
        public void setup() {
            setup(Engine.CHICORY_INTERPRETER);
        }
    }

    @State(Scope.Thread)
    public static class OnChicoryCompiler extends Wasm {
        @Setup
        public void setup() {
            setup(Engine.CHICORY_COMPILER);
        }
    }

    /** The plain-Java twin, {@link SieveJava}, reusing one array like the wasm version. */
    @State(Scope.Thread)
    public static class OnJava {
        public int n = SIEVE_N;
        public byte[] composite;

        @Setup
        public void setup() {
            composite = new byte[n + 1];
            Check.expect("java sieve(" + n + ")", SIEVE_1M, SieveJava.sieve(n, composite));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.sieve(s.n);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.sieve(s.n);
    }

    @Benchmark
    public int sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.sieve(s.n);
    }

    @Benchmark
    public int chicoryInterpreter(OnChicoryInterpreter s) {
        return s.sieve(s.n);
    }

    @Benchmark
    public int chicoryCompiler(OnChicoryCompiler s) {
        return s.sieve(s.n);
    }

    @Benchmark
    public int java(OnJava s) {
        return SieveJava.sieve(s.n, s.composite);
    }
}
