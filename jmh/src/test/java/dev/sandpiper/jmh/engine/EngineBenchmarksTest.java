package dev.sandpiper.jmh.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.interpreter.CompiledModule;

import dev.sandpiper.jmh.kernels.FibJava;
import dev.sandpiper.jmh.kernels.JsonTokensJava;
import dev.sandpiper.jmh.kernels.KernelExpectations;
import dev.sandpiper.jmh.kernels.MatmulJava;
import dev.sandpiper.jmh.kernels.MemopsJava;
import dev.sandpiper.jmh.kernels.Sha256Java;
import dev.sandpiper.jmh.kernels.SieveJava;
import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each engine benchmark, through its own state and benchmark method, on inputs small enough for the
 * build (the full-size inputs are checked by each setup when the benchmarks run). The Java states'
 * setups are run as they are: the twins are fast at full size.
 */
class EngineBenchmarksTest {

    @Test
    void fib() {
        FibBenchmark b = new FibBenchmark();
        int expected = FibJava.fib(20);
        assertEquals(6765, expected);
        assertEquals(expected, b.sandpiper(init(new FibBenchmark.OnSandpiper(), Engine.SANDPIPER)));
        assertEquals(expected, b.sandpiperCompiled(init(new FibBenchmark.OnSandpiperCompiled(), Engine.SANDPIPER_COMPILED)));
        assertEquals(expected, b.sandpiperCompiledNoFuel(init(new FibBenchmark.OnSandpiperCompiledNoFuel(),
                Engine.SANDPIPER_COMPILED_NO_FUEL)));
        assertEquals(expected, b.chicoryInterpreter(init(new FibBenchmark.OnChicoryInterpreter(), Engine.CHICORY_INTERPRETER)));
        assertEquals(expected, b.chicoryCompiler(init(new FibBenchmark.OnChicoryCompiler(), Engine.CHICORY_COMPILER)));
        FibBenchmark.OnJava java = new FibBenchmark.OnJava();
        java.setup();
        assertEquals(KernelExpectations.FIB_30, b.java(java));
    }

    private static <S extends FibBenchmark.Wasm> S init(S s, Engine engine) {
        s.init(engine);
        s.n = 20;
        return s;
    }

    @Test
    void sieve() {
        SieveBenchmark b = new SieveBenchmark();
        int expected = SieveJava.sieve(10_000);
        assertEquals(1229, expected);
        assertEquals(expected, b.sandpiper(init(new SieveBenchmark.OnSandpiper(), Engine.SANDPIPER)));
        assertEquals(expected, b.sandpiperCompiled(init(new SieveBenchmark.OnSandpiperCompiled(), Engine.SANDPIPER_COMPILED)));
        assertEquals(expected, b.sandpiperCompiledNoFuel(init(new SieveBenchmark.OnSandpiperCompiledNoFuel(),
                Engine.SANDPIPER_COMPILED_NO_FUEL)));
        assertEquals(expected, b.chicoryInterpreter(init(new SieveBenchmark.OnChicoryInterpreter(), Engine.CHICORY_INTERPRETER)));
        assertEquals(expected, b.chicoryCompiler(init(new SieveBenchmark.OnChicoryCompiler(), Engine.CHICORY_COMPILER)));
        SieveBenchmark.OnJava java = new SieveBenchmark.OnJava();
        java.setup();
        assertEquals(KernelExpectations.SIEVE_1M, b.java(java));
    }

    private static <S extends SieveBenchmark.Wasm> S init(S s, Engine engine) {
        s.init(engine);
        s.n = 10_000;
        return s;
    }

    @Test
    void sha256() {
        Sha256Benchmark b = new Sha256Benchmark();
        int len = 4099; // several blocks and a partial one
        String expected = Sha256Java.hex(Sha256Java.sha256(Sha256Java.fill(len, 7), len));
        Sha256Benchmark.OnSandpiper sp = init(new Sha256Benchmark.OnSandpiper(), Engine.SANDPIPER, len);
        assertEquals(expected, sp.digest(b.sandpiper(sp)));
        Sha256Benchmark.OnSandpiperCompiled sc = init(new Sha256Benchmark.OnSandpiperCompiled(), Engine.SANDPIPER_COMPILED, len);
        assertEquals(expected, sc.digest(b.sandpiperCompiled(sc)));
        Sha256Benchmark.OnSandpiperCompiledNoFuel sn =
                init(new Sha256Benchmark.OnSandpiperCompiledNoFuel(), Engine.SANDPIPER_COMPILED_NO_FUEL, len);
        assertEquals(expected, sn.digest(b.sandpiperCompiledNoFuel(sn)));
        Sha256Benchmark.OnChicoryInterpreter ci = init(new Sha256Benchmark.OnChicoryInterpreter(), Engine.CHICORY_INTERPRETER, len);
        assertEquals(expected, ci.digest(b.chicoryInterpreter(ci)));
        Sha256Benchmark.OnChicoryCompiler cc = init(new Sha256Benchmark.OnChicoryCompiler(), Engine.CHICORY_COMPILER, len);
        assertEquals(expected, cc.digest(b.chicoryCompiler(cc)));
        Sha256Benchmark.OnJava java = new Sha256Benchmark.OnJava();
        java.setup();
        assertEquals(KernelExpectations.SHA256_1MIB_SEED1, Sha256Java.hex(b.java(java)));
    }

    private static <S extends Sha256Benchmark.Wasm> S init(S s, Engine engine, int len) {
        s.init(engine, len, 7);
        s.len = len;
        return s;
    }

    @Test
    void matmul() {
        MatmulBenchmark b = new MatmulBenchmark();
        double expected = MatmulJava.matmul(12);
        assertEquals(expected, b.sandpiper(init(new MatmulBenchmark.OnSandpiper(), Engine.SANDPIPER)));
        assertEquals(expected, b.sandpiperCompiled(init(new MatmulBenchmark.OnSandpiperCompiled(), Engine.SANDPIPER_COMPILED)));
        assertEquals(expected, b.sandpiperCompiledNoFuel(init(new MatmulBenchmark.OnSandpiperCompiledNoFuel(),
                Engine.SANDPIPER_COMPILED_NO_FUEL)));
        assertEquals(expected, b.chicoryInterpreter(init(new MatmulBenchmark.OnChicoryInterpreter(), Engine.CHICORY_INTERPRETER)));
        assertEquals(expected, b.chicoryCompiler(init(new MatmulBenchmark.OnChicoryCompiler(), Engine.CHICORY_COMPILER)));
        MatmulBenchmark.OnJava java = new MatmulBenchmark.OnJava();
        java.setup();
        assertEquals(KernelExpectations.MATMUL_100, b.java(java));
    }

    private static <S extends MatmulBenchmark.Wasm> S init(S s, Engine engine) {
        s.init(engine);
        s.n = 12;
        return s;
    }

    @Test
    void memops() {
        MemopsBenchmark b = new MemopsBenchmark();
        int expected = MemopsJava.memops(4099, 3);
        assertEquals(expected, b.sandpiper(init(new MemopsBenchmark.OnSandpiper(), Engine.SANDPIPER)));
        assertEquals(expected, b.sandpiperCompiled(init(new MemopsBenchmark.OnSandpiperCompiled(), Engine.SANDPIPER_COMPILED)));
        assertEquals(expected, b.sandpiperCompiledNoFuel(init(new MemopsBenchmark.OnSandpiperCompiledNoFuel(),
                Engine.SANDPIPER_COMPILED_NO_FUEL)));
        assertEquals(expected, b.chicoryInterpreter(init(new MemopsBenchmark.OnChicoryInterpreter(), Engine.CHICORY_INTERPRETER)));
        assertEquals(expected, b.chicoryCompiler(init(new MemopsBenchmark.OnChicoryCompiler(), Engine.CHICORY_COMPILER)));
        MemopsBenchmark.OnJava java = new MemopsBenchmark.OnJava();
        java.setup();
        assertEquals(KernelExpectations.MEMOPS_64K_16, b.java(java));
    }

    private static <S extends MemopsBenchmark.Wasm> S init(S s, Engine engine) {
        s.init(engine);
        s.size = 4099;
        s.rounds = 3;
        return s;
    }

    /** The sample is small: the real setups run, with their checks. */
    @Test
    void json() throws IOException {
        JsonBenchmark b = new JsonBenchmark();
        int expected = KernelExpectations.JSON_SAMPLE_TOKENS;
        JsonBenchmark.OnSandpiper sp = new JsonBenchmark.OnSandpiper();
        sp.setup();
        assertEquals(expected, b.sandpiper(sp));
        JsonBenchmark.OnSandpiperCompiled sc = new JsonBenchmark.OnSandpiperCompiled();
        sc.setup();
        assertEquals(expected, b.sandpiperCompiled(sc));
        JsonBenchmark.OnSandpiperCompiledNoFuel sn = new JsonBenchmark.OnSandpiperCompiledNoFuel();
        sn.setup();
        assertEquals(expected, b.sandpiperCompiledNoFuel(sn));
        JsonBenchmark.OnChicoryInterpreter ci = new JsonBenchmark.OnChicoryInterpreter();
        ci.setup();
        assertEquals(expected, b.chicoryInterpreter(ci));
        JsonBenchmark.OnChicoryCompiler cc = new JsonBenchmark.OnChicoryCompiler();
        cc.setup();
        assertEquals(expected, b.chicoryCompiler(cc));
        JsonBenchmark.OnJava java = new JsonBenchmark.OnJava();
        java.setup();
        assertEquals(expected, b.java(java));
    }

    /** A malformed input gives -1 on every engine: the setup's check would catch a tokenizer that does not. */
    @Test
    void jsonMalformed() {
        byte[] bad = "{\"a\": tru}".getBytes(StandardCharsets.UTF_8);
        assertEquals(-1, JsonTokensJava.tokens(bad));
        for (Engine engine : Engine.values()) {
            JsonBenchmark.Wasm s = new JsonBenchmark.Wasm() {};
            s.init(engine, bad);
            assertEquals(-1, s.tokens(s.len), engine.toString());
        }
    }

    /** Every kernel compiles whole, and a report that left a function to the interpreter is refused. */
    @Test
    void compiledTierCompilesEveryFunction() {
        for (String kernel : Kernels.NAMES) {
            CompiledModule module = Engine.sandpiperCompile(Kernels.wasm(kernel));
            CompileReport report = Engine.sandpiperCompileTier(module);
            assertTrue(report.compiled() > 0, kernel);
            assertNotNull(module.tier(), kernel);
        }
        CompileReport partial = new CompileReport(1, Map.of(2, "too large"), 100, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engine.allCompiled(partial));
        assertTrue(e.getMessage().startsWith("the compiled tier left functions to the interpreter (index=reason): "
                + "{2=too large}"), e.getMessage());
    }

    /**
     * The exceptions kernel (3.0) at its benchmark size: the compiled column's setup refuses a module
     * with a function left to the interpreter, so this shows exception handling compiled entirely.
     */
    @Test
    void exceptions() {
        ExceptionsBenchmark b = new ExceptionsBenchmark();
        int expected = KernelExpectations.THROWS_10K;
        ExceptionsBenchmark.OnSandpiper interpreted = new ExceptionsBenchmark.OnSandpiper();
        interpreted.setup();
        assertEquals(expected, b.sandpiper(interpreted));
        ExceptionsBenchmark.OnSandpiperCompiled compiled = new ExceptionsBenchmark.OnSandpiperCompiled();
        compiled.setup();
        assertEquals(expected, b.sandpiperCompiled(compiled));
    }

    /**
     * The GC kernel with the compiler forced: its setup now refuses a report that left a function to
     * the interpreter (the GC instructions compile), checks the result, and further operations on
     * the same instance (whose store frees each operation's trees) give it again.
     */
    @Test
    void binaryTreesCompiledWhole() {
        BinaryTreesBenchmark.OnSandpiperCompiled s = new BinaryTreesBenchmark.OnSandpiperCompiled();
        s.setup();
        for (int i = 0; i < 5; i++) {
            assertEquals(KernelExpectations.TREES_12_10, new BinaryTreesBenchmark().sandpiperCompiled(s), "operation " + i);
        }
    }

    /** A setup whose result is wrong fails instead of benchmarking. */
    @Test
    void setupChecksTheResult() {
        FibBenchmark.OnSandpiper s = new FibBenchmark.OnSandpiper();
        s.n = 20;
        IllegalStateException e = assertThrows(IllegalStateException.class, s::setup);
        assertEquals("sandpiper fib(20): expected 832040 but got 6765", e.getMessage());
    }
}
