package dev.sandpiper.jmh.engine;

import static dev.sandpiper.jmh.kernels.KernelExpectations.JSON_SAMPLE_TOKENS;

import dev.sandpiper.jmh.kernels.JsonTokensJava;
import dev.sandpiper.jmh.kernels.KernelExpectations;
import dev.sandpiper.jmh.support.Check;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import dev.sandpiper.jmh.support.WasmInstance;
import dev.sandpiper.jmh.support.WasmInstance.WasmFunction;
import java.io.IOException;
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
 * A JSON tokenizer over {@code sample.json} (7891 bytes of Debezium-style change events, 1173
 * tokens): branchy byte scanning ({@code br_table}, many {@code br_if}). The sample is copied into
 * linear memory once in setup; only the tokenizing is measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JsonBenchmark {

    /** {@code json.wasm} on one engine, the sample in its buffer. */
    public abstract static class Wasm {
        public int len;
        private WasmFunction tokens;

        /** Instantiates the module and writes {@code json} into its buffer. */
        public void init(Engine engine, byte[] json) {
            WasmInstance instance = engine.instantiate(Kernels.wasm("json"));
            int address = (int) instance.function("json_buf").call(json.length)[0];
            Check.expect(engine + " json_buf(" + json.length + ") != 0", true, address != 0);
            instance.write(address, json);
            tokens = instance.function("json_tokens");
            len = json.length;
        }

        /** Tokens in the first {@code length} bytes of the buffer, or -1 if malformed. */
        public int tokens(int length) {
            return (int) tokens.call(length)[0];
        }

        void setup(Engine engine) throws IOException {
            init(engine, KernelExpectations.jsonSample());
            Check.expect(engine + " json_tokens(sample.json)", JSON_SAMPLE_TOKENS, tokens(len));
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiper extends Wasm {
        @Setup
        public void setup() throws IOException {
            setup(Engine.SANDPIPER);
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperCompiled extends Wasm {
        @Setup
        public void setup() throws IOException {
            setup(Engine.SANDPIPER_COMPILED);
        }
    }

    @State(Scope.Thread)
    public static class OnSandpiperCompiledNoFuel extends Wasm {
        @Setup
        public void setup() throws IOException {
            setup(Engine.SANDPIPER_COMPILED_NO_FUEL);
        }
    }

    @State(Scope.Thread)
    public static class OnChicoryInterpreter extends Wasm {
        @Setup
        public void setup() throws IOException {
            setup(Engine.CHICORY_INTERPRETER);
        }
    }

    @State(Scope.Thread)
    public static class OnChicoryCompiler extends Wasm {
        @Setup
        public void setup() throws IOException {
            setup(Engine.CHICORY_COMPILER);
        }
    }

    /** The plain-Java twin, {@link JsonTokensJava}. */
    @State(Scope.Thread)
    public static class OnJava {
        public byte[] sample;

        @Setup
        public void setup() throws IOException {
            sample = KernelExpectations.jsonSample();
            Check.expect("java json tokens(sample.json)", JSON_SAMPLE_TOKENS, JsonTokensJava.tokens(sample));
        }
    }

    @Benchmark
    public int sandpiper(OnSandpiper s) {
        return s.tokens(s.len);
    }

    @Benchmark
    public int sandpiperCompiled(OnSandpiperCompiled s) {
        return s.tokens(s.len);
    }

    @Benchmark
    public int sandpiperCompiledNoFuel(OnSandpiperCompiledNoFuel s) {
        return s.tokens(s.len);
    }

    @Benchmark
    public int chicoryInterpreter(OnChicoryInterpreter s) {
        return s.tokens(s.len);
    }

    @Benchmark
    public int chicoryCompiler(OnChicoryCompiler s) {
        return s.tokens(s.len);
    }

    @Benchmark
    public int java(OnJava s) {
        return JsonTokensJava.tokens(s.sample);
    }
}
