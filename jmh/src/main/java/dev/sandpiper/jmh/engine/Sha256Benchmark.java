package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.SHA256_1MIB_SEED1;
import static dev.sandpiper.jmh.kernels.KernelExpectations.SHA256_LEN;
import static dev.sandpiper.jmh.kernels.KernelExpectations.SHA256_SEED;

import dev.sandpiper.jmh.kernels.Sha256Java;
import dev.sandpiper.jmh.support.Check;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import dev.sandpiper.jmh.support.WasmInstance;
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
 * SHA-256 of 1 MiB: 32-bit integer ALU work (rotates, xor/and/or, shifts). The input is filled
 * once in setup ({@code fill(1 MiB, seed 1)}); only the hash is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Sha256Benchmark {

    /** {@code sha256.wasm} on one engine, its input buffer filled in linear memory. */
    public abstract static class Wasm {
        public int len = SHA256_LEN;
        private WasmInstance instance;
        private WasmFunction sha256;

        /** Instantiates the module and fills the first {@code length} bytes of its buffer from {@code seed}. */
        public void init(Engine engine, int length, int seed) {
            instance = engine.instantiate(Kernels.wasm("sha256"));
            instance.function("fill").call(length, seed);
            sha256 = instance.function("sha256");
        }

        /** Hashes the first {@code length} bytes of the buffer; returns the digest's address. */
        public int sha256(int length) {
            return (int) sha256.call(length)[0];
        }

        /** The digest at {@code address}, in hex. */
        public String digest(int address) {
            return Sha256Java.hex(instance.read(address, 32));
        }

        void setup(Engine engine) {
            init(engine, len, SHA256_SEED);
            Check.expect(engine + " sha256(1 MiB)", SHA256_1MIB_SEED1, digest(sha256(len)));
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

    /** The plain-Java twin, {@link Sha256Java}, writing into one reused digest array. */
    @State(Scope.Thread)
    public static class OnJava {
        public int len = SHA256_LEN;
        public byte[] data;
        public byte[] digest = new byte[32];

        @Setup
        public void setup() {
            data = Sha256Java.fill(len, SHA256_SEED);
            Sha256Java.sha256(data, len, digest);
            Check.expect("java sha256(1 MiB)", SHA256_1MIB_SEED1, Sha256Java.hex(digest));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.sha256(s.len);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.sha256(s.len);
    }

    @Benchmark
    public int sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.sha256(s.len);
    }

    @Benchmark
    public int chicoryInterpreter(OnChicoryInterpreter s) {
        return s.sha256(s.len);
    }

    @Benchmark
    public int chicoryCompiler(OnChicoryCompiler s) {
        return s.sha256(s.len);
    }

    @Benchmark
    public byte[] java(OnJava s) {
        Sha256Java.sha256(s.data, s.len, s.digest);
        return s.digest;
    }
}
