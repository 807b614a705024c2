package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#AUTO} starts a module in the interpreter ({@code tier() == null}, no compiled frame
 * on the stack) and, once interpreted work passes {@link WasmCompiler#HOT_THRESHOLD}, attaches
 * compiled code from the background thread (awaited with a generous bound); an instance made before
 * then switches at its next call, and every call gives the same results, traps and instruction
 * counts before and after.
 */
class AutoTierTest {
    @Test
    void aHotModuleMovesToCompiledCodeWithTheSameResults() throws InterruptedException {
        CompiledModule m = WasmCompiler.standard().load(EngineProbe.module(), Engine.AUTO);
        assertNull(m.tier(), "compiled before anything ran");
        Instance early = EngineProbe.instantiate(m);
        long[][] calls = {{1}, {7}, {1000}, {0}, {5}, {7}};
        List<Outcome> before = new ArrayList<>();
        for (long[] args : calls) {
            before.add(Tiers.call(early, "mix", args));
        }
        assertNull(m.tier(), "compiled below the hot threshold");
        assertEquals(0L, early.call("tier")[0], "interpreted at first");

        Outcome hot = Tiers.call(early, "mix", 200_000); // 2 M instructions: past the threshold
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (m.tier() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertNotNull(m.tier(), "no tier attached within 60 s of the module getting hot");

        assertEquals(1L, early.call("tier")[0], "the existing instance switched to compiled code");
        Instance late = EngineProbe.instantiate(m);
        assertEquals(1L, late.call("tier")[0], "a new instance runs compiled code");
        for (Instance i : List.of(early, late)) {
            List<Outcome> after = new ArrayList<>();
            for (long[] args : calls) {
                after.add(Tiers.call(i, "mix", args));
            }
            assertEquals(before, after);
            assertEquals(hot, Tiers.call(i, "mix", 200_000));
        }
    }
}
