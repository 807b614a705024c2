package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.MATMUL_100;
import static dev.sandpiper.jmh.kernels.KernelExpectations.MATMUL_N;

import dev.sandpiper.jmh.kernels.MatmulJava;
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
 * {@code matmul(100)}: fills two 100x100 f64 matrices, multiplies them (i-k-j loop, a million
 * multiply-adds) and sums the product: f64 loads, stores and arithmetic.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MatmulBenchmark {

    /** {@code matmul.wasm} on one engine; its matrices live in linear memory and are reused. */
    public abstract static class Wasm {
        public int n = MATMUL_N;
        private WasmFunction matmul;

        public void init(Engine engine) {
            matmul = engine.instantiate(Kernels.wasm("matmul")).function("matmul");
        }

        public double matmul(int arg) {
            return Double.longBitsToDouble(matmul.call(arg)[0]);
        }

        void setup(Engine engine) {
            init(engine);
            Check.expect(engine + " matmul(" + n + ")", MATMUL_100, matmul(n));
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

    /** The plain-Java twin, {@link MatmulJava}, reusing its three arrays like the wasm version. */
    @State(Scope.Thread)
    public static class OnJava {
        public int n = MATMUL_N;
        public double[] a;
        public double[] b;
        public double[] c;

        @Setup
        public void setup() {
            a = new double[n * n];
            b = new double[n * n];
            c = new double[n * n];
            Check.expect("java matmul(" + n + ")", MATMUL_100, MatmulJava.matmul(n, a, b, c));
        }
    }

    @Benchmark
    public double sandpiper(OnSandpiper s) {
        return s.matmul(s.n);
    }

    @Benchmark
    public double sandpiperCompiled(OnSandpiperCompiled s) {
        return s.matmul(s.n);
    }

    @Benchmark
    public double sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.matmul(s.n);
    }

    @Benchmark
    public double chicoryInterpreter(OnChicoryInterpreter s) {
        return s.matmul(s.n);
    }

    @Benchmark
    public double chicoryCompiler(OnChicoryCompiler s) {
        return s.matmul(s.n);
    }

    @Benchmark
    public double java(OnJava s) {
        return MatmulJava.matmul(s.n, s.a, s.b, s.c);
    }
}
