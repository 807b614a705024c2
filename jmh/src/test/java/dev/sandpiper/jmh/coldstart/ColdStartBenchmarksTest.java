package dev.sandpiper.jmh.coldstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sandpiper.jmh.support.Engine;
import dev.sandpiper.jmh.support.Kernels;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** Every cold-start benchmark, once per kernel: it yields an instance with the kernel's function. */
class ColdStartBenchmarksTest {

    private static final Map<String, String> FUNCTION = Map.of(
            "fib", "fib", "sieve", "sieve", "sha256", "sha256", "matmul", "matmul", "memops", "memops",
            "json", "json_tokens");

    @Test
    void paramsCoverEveryKernel() throws NoSuchFieldException {
        for (Class<?> c : new Class<?>[] {LoadBenchmark.class, InstantiateBenchmark.class}) {
            assertArrayEquals(Kernels.NAMES, c.getField("kernel").getAnnotation(Param.class).value(), c.getName());
        }
    }

    @Test
    void load() {
        for (String kernel : Kernels.NAMES) {
            LoadBenchmark b = new LoadBenchmark();
            b.kernel = kernel;
            b.setup();
            assertNotNull(b.sandpiper().function(FUNCTION.get(kernel)));
            assertNotNull(b.sandpiperCompiled().function(FUNCTION.get(kernel)));
            LoadBenchmark.FirstCall first = LoadBenchmark.FIRST_CALLS.get(kernel);
            assertArrayEquals(Engine.sandpiperInstantiate(Kernels.wasm(kernel)).function(first.function())
                    .call(first.args()), b.sandpiperAuto(), kernel);
            assertNotNull(b.chicoryInterpreter().export(FUNCTION.get(kernel)));
            assertNotNull(b.chicoryCompiler().export(FUNCTION.get(kernel)));
        }
        assertEquals(Set.of(Kernels.NAMES), LoadBenchmark.FIRST_CALLS.keySet());
    }

    @Test
    void instantiate() {
        for (String kernel : Kernels.NAMES) {
            InstantiateBenchmark b = new InstantiateBenchmark();
            b.kernel = kernel;
            b.setup();
            assertNotNull(b.sandpiper().function(FUNCTION.get(kernel)));
            assertNotNull(b.sandpiperCompiled().function(FUNCTION.get(kernel)));
            assertNotNull(b.chicoryInterpreter().export(FUNCTION.get(kernel)));
            assertNotNull(b.chicoryCompiler().export(FUNCTION.get(kernel)));
        }
        // The instances run.
        InstantiateBenchmark b = new InstantiateBenchmark();
        b.kernel = "fib";
        b.setup();
        assertEquals(55L, b.sandpiper().function("fib").call(10)[0]);
        assertEquals(55L, b.sandpiperCompiled().function("fib").call(10)[0]);
        assertNotNull(b.sandpiperCompiled().module().tier());
        assertEquals(55L, b.chicoryCompiler().export("fib").apply(10)[0]);
    }
}
