package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.THROWS_N;
import static dev.sandpiper.jmh.kernels.KernelExpectations.THROWS_DEPTH;
import static dev.sandpiper.jmh.kernels.KernelExpectations.THROWS_10K;

import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.jmh.kernels.ExceptionsJava;
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
 * The exceptions kernel of WebAssembly 3.0 ({@code jmh/kernels/exceptions.wat}, {@link ExceptionsJava} its twin) on
 * Sandpiper's interpreter ({@code sandpiper}), with the compiler forced ({@code sandpiperCompiled}:
 * the compiled tier translates exception handling, and the setup fails unless every function was
 * compiled, so the interpreter is never measured as compiled code) and in plain Java. Chicory runs no 3.0 modules of this kind, so it has no
 * column here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExceptionsBenchmark {

    /** {@code exceptions.wasm} loaded once, on one tier. */
    public abstract static class Wasm {
        /** The arguments, read from fields so the JIT cannot treat them as constants. */
        public int a = THROWS_N;
        public int b = THROWS_DEPTH;
        CompiledModule module;
        WasmFunction run;

        void setup(boolean compiled) {
            CompiledModule m = Engine.sandpiperCompile(Kernels.wasm("exceptions"));
            if (compiled) {
                CompileReport report = Engine.allCompiled(WasmCompiler.standard().compile(m));
                System.out.println("exceptions, compiler forced: " + report);
            }
            module = m;
            run = Engine.sandpiperInstance(m).function("run")::call;
            Check.expect((compiled ? "compiled" : "interpreted") + " exceptions", THROWS_10K, run(a, b));
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
        public int a = THROWS_N;
        public int b = THROWS_DEPTH;

        @Setup
        public void setup() {
            Check.expect("java exceptions", THROWS_10K, ExceptionsJava.run(a, b));
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
        return ExceptionsJava.run(s.a, s.b);
    }
}
