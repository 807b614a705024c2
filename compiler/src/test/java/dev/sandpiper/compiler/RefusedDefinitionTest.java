package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Where the JVM refuses to define classes (simulated by a {@link ClassDefiner} throwing
 * {@link SecurityException}): {@link Engine#COMPILER} fails at load with a
 * {@link CompilerUnavailableException} that says why, and {@link Engine#AUTO} keeps running in the
 * interpreter past the hot threshold (the background attempt is awaited through the definer, not by
 * sleeping), with the same results and instruction counts as the standard compiler's code.
 */
class RefusedDefinitionTest {
    private static final int HOT_CALL = 200_000; // loop(200,000): 2,000,001 instructions, past HOT_THRESHOLD

    @Test
    void compilerEngineFailsWithAClearMessage() {
        WasmCompiler refusing = new WasmCompiler(bytes -> {
            throw new SecurityException("class definition is not allowed here");
        });
        CompilerUnavailableException e = assertThrows(CompilerUnavailableException.class,
                () -> refusing.load(EngineProbe.module(), Engine.COMPILER));
        assertInstanceOf(SecurityException.class, e.getCause());
        assertTrue(e.getMessage().contains("refuses to define classes"), e.getMessage());
        assertTrue(e.getMessage().contains("class definition is not allowed here"), e.getMessage());
        CompiledModule m = CompiledModule.compile(EngineProbe.module());
        assertThrows(CompilerUnavailableException.class, () -> refusing.compile(m));
        assertNull(m.tier(), "a refused compile attaches nothing");
        assertEquals(0L, EngineProbe.instantiate(m).call("tier")[0]);
    }

    @Test
    void autoEngineStaysInTheInterpreterWithTheSameResults() throws InterruptedException {
        CountDownLatch attempted = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        WasmCompiler refusing = new WasmCompiler(bytes -> {
            attempts.incrementAndGet();
            attempted.countDown();
            throw new SecurityException("class definition is not allowed here");
        });
        CompiledModule auto = refusing.load(EngineProbe.module(), Engine.AUTO);
        CompiledModule reference = WasmCompiler.standard().load(EngineProbe.module(), Engine.COMPILER);
        Instance a = EngineProbe.instantiate(auto);
        Instance r = EngineProbe.instantiate(reference);
        assertEquals(1L, r.call("tier")[0], "the reference runs compiled code");

        List<Outcome> autoRuns = new ArrayList<>();
        List<Outcome> referenceRuns = new ArrayList<>();
        long[][] calls = {{HOT_CALL}, {1}, {7}, {1000}, {HOT_CALL}, {7}, {3}};
        for (long[] args : calls) {
            autoRuns.add(Tiers.call(a, "mix", args));
            referenceRuns.add(Tiers.call(r, "mix", args));
        }
        // The first call crossed the threshold: the background attempt was made, once.
        assertTrue(attempted.await(30, TimeUnit.SECONDS), "no compile was attempted after the module got hot");
        for (long[] args : calls) {
            autoRuns.add(Tiers.call(a, "mix", args));
            referenceRuns.add(Tiers.call(r, "mix", args));
        }
        assertEquals(referenceRuns, autoRuns);
        assertEquals(1, attempts.get(), "attempts to compile");
        assertNull(auto.tier(), "nothing attached");
        assertEquals(0L, a.call("tier")[0], "still interpreted");
        assertEquals(0L, EngineProbe.instantiate(auto).call("tier")[0], "a new instance is interpreted");
    }
}
