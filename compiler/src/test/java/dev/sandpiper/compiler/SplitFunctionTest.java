package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.compiler.translate.ModuleTranslator;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A function far over HotSpot's 8,000-byte compile limit, made of nested {@code block}s, {@code
 * loop}s and {@code if}s ({@link SplitFunctionSource}), is compiled by outlining regions into
 * methods of their own: every generated method is within the limit, and both tiers agree on
 * results, traps, memory and instruction counts, also under many fuel budgets (the stopping point
 * falling inside regions, in callees, at loop heads).
 */
class SplitFunctionTest {
    private static final byte[] MODULE = Wat.parseModule(SplitFunctionSource.wat(), "split.wat");
    /** A NaN with a payload, and one with the sign set: payloads must survive locals, copysign and memory. */
    private static final long NAN = 0x7FF4_0000_0000_0123L;
    private static final long NEG_NAN = 0xFFF0_0000_0000_0001L;

    @Test
    void theBigFunctionIsSplitAndEveryMethodFitsHotSpotsLimit() throws Exception {
        CompiledModule m = CompiledModule.compile(MODULE);
        CompileReport report = WasmCompiler.standard().compile(m);
        assertTrue(report.interpreted().isEmpty(), report.interpreted().toString());
        int big = SplitFunctionSource.BIG;
        assertTrue(report.split().containsKey(big), "split: " + report.split());
        assertTrue(report.split().get(big) >= 3, "regions outlined: " + report.split());
        for (boolean countFuel : new boolean[] {true, false}) {
            ModuleTranslator.Result r = ModuleTranslator.translate(m.module(), countFuel);
            Map<String, Integer> sizes = MethodSizes.of(r.classBytes());
            int helpers = 0;
            int total = 0;
            for (Map.Entry<String, Integer> e : sizes.entrySet()) {
                assertTrue(e.getValue() <= ModuleTranslator.HUGE_METHOD_LIMIT, e.getKey() + " is " + e.getValue() + " bytes");
                helpers += e.getKey().startsWith("h") ? 1 : 0;
                total += e.getKey().startsWith("h") || e.getKey().equals("f" + big) ? e.getValue() : 0;
            }
            assertEquals(r.split().get(big), helpers, sizes.toString());
            // The function is really over the limit: its methods add up to well over 8,000 bytes.
            assertTrue(total > 3 * ModuleTranslator.HUGE_METHOD_LIMIT, "total " + total);
        }
    }

    /** The calls compared: plain runs, returns, traps and memory growth at different depths. */
    private static Object[][] calls() {
        List<Object[]> out = new ArrayList<>();
        long[] xs = {0L, 0x1234_5678_9ABC_DEF0L, -1L, 77L};
        int k = 0;
        for (int n : SplitFunctionSource.interestingArguments()) {
            for (long x : xs) {
                out.add(new Object[] {"big", (long) n, x, k++ % 2 == 0 ? NAN : NEG_NAN});
            }
        }
        return out.toArray(new Object[0][]);
    }

    @Test
    void bothTiersAgreeOnResultsTrapsMemoryAndCounts() {
        List<Outcome> outcomes = Tiers.assertCallsAgree(Tiers.both(MODULE), calls(), SplitFunctionTest::memory);
        // The cases the source sets up happen: returns from deep inside, traps, normal ends.
        long traps = outcomes.stream().filter(o -> o.trap() != null).count();
        assertTrue(outcomes.stream().anyMatch(o -> o.trap() == TrapKind.INTEGER_DIVIDE_BY_ZERO), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.trap() == TrapKind.MEMORY_OUT_OF_BOUNDS), outcomes.toString());
        assertTrue(traps < outcomes.size() / 2, outcomes.toString());
        assertTrue(outcomes.stream().noneMatch(o -> o.trap() == TrapKind.CALL_STACK_EXHAUSTED), outcomes.toString());
        assertTrue(outcomes.stream().map(o -> o.results() == null ? null : o.results()[1]).anyMatch(
                d -> d != null && (d & 0x000F_FFFF_FFFF_FFFFL) == (NAN & 0x000F_FFFF_FFFF_FFFFL)), outcomes.toString());
        assertTrue(outcomes.stream().mapToLong(Outcome::instructions).max().getAsLong() > 10_000, outcomes.toString());
        // Returns and traps deep inside the tree, after many regions ran.
        assertTrue(outcomes.stream().anyMatch(o -> o.trap() == TrapKind.INTEGER_DIVIDE_BY_ZERO && o.instructions() > 1000),
                outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.trap() == TrapKind.MEMORY_OUT_OF_BOUNDS && o.instructions() > 1000),
                outcomes.toString());
        Object[][] calls = calls();
        boolean deepReturn = false;
        for (int i = 0; i < calls.length; i++) {
            long n = (Long) calls[i][1];
            deepReturn |= n / SplitFunctionSource.CASE == SplitFunctionSource.RETURN && outcomes.get(i).trap() == null && outcomes.get(i).instructions() > 1000
                    && outcomes.get(i).instructions() < outcomes.get(i % 4).instructions();
        }
        assertTrue(deepReturn, "a return from deep inside: " + outcomes);
    }

    @Test
    void bothTiersStopAtTheSameInstructionUnderFuelBudgets() {
        CompiledModule[] tiers = Tiers.both(MODULE);
        Object[][] calls = calls();
        for (int c = 0; c < calls.length; c += 5) {
            Object[] call = calls[c];
            long[] args = Tiers.args(call);
            Outcome full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "big", args)[0];
            long n = full.instructions();
            TreeSet<Long> budgets = new TreeSet<>();
            for (long f = 0; f <= 12; f++) {
                budgets.add(f);
                budgets.add(Math.max(0, n + 1 - f));
            }
            for (long f = 13; f < n; f += 1 + n / 97) {
                budgets.add(f);
            }
            for (long fuel : budgets) {
                Outcome[] o = new Outcome[2];
                byte[][][] mem = new byte[2][][];
                for (int t = 0; t < 2; t++) {
                    Instance inst = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT.withFuel(fuel));
                    o[t] = Tiers.call(inst, "big", args);
                    mem[t] = memory(inst);
                }
                String what = Arrays.toString(args) + " with fuel " + fuel + " (interpreter, compiled)";
                assertEquals(o[0], o[1], what);
                assertArrayEquals(mem[0][0], mem[1][0], what + ": memory");
            }
        }
    }

    /** Compiled without counting instructions (only polls charged), the split function computes the same. */
    @Test
    void withoutFuelCountingTheResultsAndTrapsAreTheSame() {
        CompiledModule polling = CompiledModule.compile(MODULE);
        CompileReport report = WasmCompiler.standard().withoutFuelCounting().compile(polling);
        assertTrue(report.interpreted().isEmpty() && report.split().containsKey(SplitFunctionSource.BIG), report.toString());
        CompiledModule interpreted = Tiers.interpreted(MODULE);
        for (Object[] call : calls()) {
            long[] args = Tiers.args(call);
            Instance reference = Tiers.instantiate(interpreted, ExecutionLimits.DEFAULT);
            Outcome expected = Tiers.call(reference, "big", args);
            Instance inst = Tiers.instantiate(polling, ExecutionLimits.DEFAULT);
            Outcome actual = Tiers.call(inst, "big", args);
            String what = Arrays.toString(args) + " without fuel counting";
            assertArrayEquals(expected.results(), actual.results(), what);
            assertEquals(expected.trap(), actual.trap(), what);
            assertArrayEquals(memory(reference)[0], memory(inst)[0], what + ": memory");
        }
    }

    /**
     * A call 100 deep from inside the regions, under a depth limit of 50: both tiers trap at the same
     * instruction, the trap passing up through the regions' methods.
     */
    @Test
    void theDepthLimitStopsADeepCallFromInsideTheRegions() {
        CompiledModule[] tiers = Tiers.both(MODULE);
        boolean deep = false;
        for (Object[] call : calls()) {
            long[] args = Tiers.args(call);
            if (args[0] / SplitFunctionSource.CASE != SplitFunctionSource.DEEP_CALL) {
                continue;
            }
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(50), "big", args);
            assertEquals(o[0], o[1], Arrays.toString(args) + " at depth limit 50 (interpreter, compiled)");
            deep |= o[0].trap() == TrapKind.CALL_STACK_EXHAUSTED && o[0].instructions() > 1000;
        }
        assertTrue(deep, "no call trapped at the depth limit deep inside");
    }

    private static byte[][] memory(Instance inst) {
        Memory memory = inst.memory(0);
        return new byte[][] {memory.readBytes(0, memory.pages() * 65536)};
    }
}
