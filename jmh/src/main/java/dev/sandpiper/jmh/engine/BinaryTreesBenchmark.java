package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_DEPTH;
import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_ITERATIONS;
import static dev.sandpiper.jmh.kernels.KernelExpectations.TREES_12_10;

import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.interpreter.CompiledModule;
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
 * The binary trees (GC) kernel of WebAssembly 3.0 ({@code jmh/kernels/binary_trees.wat}, {@link BinaryTreesJava} its twin) on
 * Sandpiper's interpreter ({@code sandpiper}), with the compiler forced ({@code sandpiperCompiled}:
 * every function compiled, GC instructions included, or the setup fails) and in plain Java. Chicory runs no 3.0 modules of this kind, so it has no
 * column here.
 *
 * <p>Every operation runs in the same instance and store: the store frees the structures one
 * operation leaves unreachable when a later call returns (interpreter/README.md, GC objects), so
 * what is measured is allocating, reading and testing 81,910 structures, and the store's and the
 * JVM's collections of earlier operations' ones.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BinaryTreesBenchmark {

    /** {@code binary_trees.wasm} loaded once, on one tier. */
    public abstract static class Wasm {
        /** The arguments, read from fields so the JIT cannot treat them as constants. */
        public int a = TREES_DEPTH;
        public int b = TREES_ITERATIONS;
        WasmFunction run;

        void setup(boolean compiled) {
            CompiledModule m = Engine.sandpiperCompile(Kernels.wasm("binary_trees"));
            if (compiled) {
                CompileReport report = Engine.sandpiperCompileTier(m);
                System.out.println("binary_trees, compiler forced: " + report + " " + report.interpreted());
            }
            run = Engine.sandpiperInstance(m).function("run")::call;
            Check.expect((compiled ? "compiled" : "interpreted") + " binary_trees", TREES_12_10, run(a, b));
        }

        public int run(int x, int y) {
            return (int) run.call(x, y)[0];
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiper extends Wasm {
        @Setup
        public void setup() {
            setup(false);
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperCompiled extends Wasm {
        @Setup
        public void setup() {
            setup(true);
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
