package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_DEPTH;
import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_ITERATIONS;
import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_12_10;

import dev.sandpiper.jmh.kernels.BinaryTreesJava;
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
 * The binary trees kernel of WebAssembly 3.0 ({@code jmh/kernels/binary_trees.wat}, {@link BinaryTreesJava} its twin) on
 * both of Sandpiper's tiers and in plain Java. Chicory runs no 3.0 modules of this kind, so it has
 * no column here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BinaryTreesBenchmark {

    /** {@code binary_trees.wasm} on one engine. */
    public abstract static class Wasm {
        /** The arguments, read from fields so the JIT cannot treat them as constants. */
        public int a = TREES_DEPTH;
        public int b = TREES_ITERATIONS;
        private WasmFunction run;

        void setup(Engine engine) {
            run = engine.instantiate(Kernels.wasm("binary_trees")).function("run");
            Check.expect(engine + " binary_trees", TREES_12_10, run(a, b));
        }

        public int run(int x, int y) {
            return (int) run.call(x, y)[0];
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

    /** The plain-Java twin. */
    @State(Scope.Thread)
    public static class OnJava {
        public int a = TREES_DEPTH;
        public int b = TREES_ITERATIONS;

        @Setup
        public void setup() {
            Check.expect("java binary_trees", TREES_12_10, BinaryTreesJava.run(a, b));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.run(s.a, s.b);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.run(s.a, s.b);
    }

    @Benchmark
    public int java(OnJava s) {
        return BinaryTreesJava.run(s.a, s.b);
    }
}
