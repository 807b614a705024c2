package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.MEMOPS_64K_16;
import static dev.sandpiper.jmh.kernels.KernelExpectations.MEMOPS_ROUNDS;
import static dev.sandpiper.jmh.kernels.KernelExpectations.MEMOPS_SIZE;

import dev.sandpiper.jmh.kernels.MemopsJava;
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
 * {@code memops(65536, 16)}: 16 rounds of {@code memory.fill} and {@code memory.copy} over 64 KiB
 * plus a byte-by-byte checksum of the copy: bulk memory operations and a byte loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MemopsBenchmark {

    /** {@code memops.wasm} on one engine. */
    public abstract static class Wasm {
        public int size = MEMOPS_SIZE;
        public int rounds = MEMOPS_ROUNDS;
        private WasmFunction memops;

        public void init(Engine engine) {
            memops = engine.instantiate(Kernels.wasm("memops")).function("memops");
        }

        public int memops(int bytes, int times) {
            return (int) memops.call(bytes, times)[0];
        }

        void setup(Engine engine) {
            init(engine);
            Check.expect(engine + " memops(" + size + ", " + rounds + ")", MEMOPS_64K_16, memops(size, rounds));
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

    /** The plain-Java twin, {@link MemopsJava} ({@code Arrays.fill}, {@code System.arraycopy}), reusing its buffers. */
    @State(Scope.Thread)
    public static class OnJava {
        public int size = MEMOPS_SIZE;
        public int rounds = MEMOPS_ROUNDS;
        public byte[] src;
        public byte[] dst;

        @Setup
        public void setup() {
            src = new byte[size];
            dst = new byte[size];
            Check.expect("java memops(" + size + ", " + rounds + ")", MEMOPS_64K_16,
                    MemopsJava.memops(size, rounds, src, dst));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.memops(s.size, s.rounds);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.memops(s.size, s.rounds);
    }

    @Benchmark
    public int sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.memops(s.size, s.rounds);
    }

    @Benchmark
    public int chicoryInterpreter(OnChicoryInterpreter s) {
        return s.memops(s.size, s.rounds);
    }

    @Benchmark
    public int chicoryCompiler(OnChicoryCompiler s) {
        return s.memops(s.size, s.rounds);
    }

    @Benchmark
    public int java(OnJava s) {
        return MemopsJava.memops(s.size, s.rounds, s.src, s.dst);
    }
}
