package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.FIB_30;
import static dev.sandpiper.jmh.kernels.KernelExpectations.FIB_N;

import dev.sandpiper.jmh.kernels.FibJava;
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

/** {@code fib(30)}, naive doubly recursive: about 1.6 million calls, so mostly call/return cost. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FibBenchmark {

    /** {@code fib.wasm} on one engine. */
    public abstract static class Wasm {
        /** The argument, read from a field so the JIT cannot treat it as a constant. */
        public int n = FIB_N;
        private WasmFunction fib;

        public void init(Engine engine) {
            fib = engine.instantiate(Kernels.wasm("fib")).function("fib");
        }

        public int fib(int arg) {
            return (int) fib.call(arg)[0];
        }

        void setup(Engine engine) {
            init(engine);
            Check.expect(engine + " fib(" + n + ")", FIB_30, fib(n));
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

    /** The plain-Java twin, {@link FibJava}. */
    @State(Scope.Thread)
    public static class OnJava {
        public int n = FIB_N;

        @Setup
        public void setup() {
            Check.expect("java fib(" + n + ")", FIB_30, FibJava.fib(n));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.fib(s.n);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.fib(s.n);
    }

    @Benchmark
    public int sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.fib(s.n);
    }

    @Benchmark
    public int chicoryInterpreter(OnChicoryInterpreter s) {
        return s.fib(s.n);
    }

    @Benchmark
    public int chicoryCompiler(OnChicoryCompiler s) {
        return s.fib(s.n);
    }

    @Benchmark
    public int java(OnJava s) {
        return FibJava.fib(s.n);
    }
}
