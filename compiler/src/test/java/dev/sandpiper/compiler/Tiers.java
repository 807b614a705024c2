package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Test helpers that run one module in either tier: the interpreter alone, or with every function
 * compiled by {@link WasmCompiler#standard()} (checked, so a test cannot pass by silently running the
 * interpreter), and what a call did as a comparable {@link Outcome}.
 */
final class Tiers {
    private Tiers() {}

    /** The module, interpreted. */
    static CompiledModule interpreted(byte[] bytes) {
        return CompiledModule.compile(bytes);
    }

    /** The module with every defined function compiled to JVM bytecode. */
    static CompiledModule compiled(byte[] bytes) {
        CompiledModule m = CompiledModule.compile(bytes);
        CompileReport report = WasmCompiler.standard().compile(m);
        assertTrue(report.interpreted().isEmpty(), () -> "functions left to the interpreter: " + report.interpreted());
        assertEquals(m.module().functionCount() - m.module().importedFunctionCount(), report.compiled(), "compiled count");
        assertNotNull(m.tier(), "no tier attached");
        return m;
    }

    /** Both tiers of the module: index 0 interpreted, 1 compiled. */
    static CompiledModule[] both(byte[] bytes) {
        return new CompiledModule[] {interpreted(bytes), compiled(bytes)};
    }

    static String name(int tier) {
        return tier == 0 ? "interpreter" : "compiled";
    }

    /** A fresh store with {@code limits} and an instance of {@code m} without imports. */
    static Instance instantiate(CompiledModule m, ExecutionLimits limits) {
        return new Linker(new Store(limits)).instantiate(m);
    }

    /** What one call did: its results, or the kind of its trap, and the instructions it executed. */
    record Outcome(long[] results, TrapKind trap, long instructions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && Arrays.equals(results, x.results) && trap == x.trap
                    && instructions == x.instructions;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(results) * 31 + (trap == null ? 0 : trap.hashCode()) + Long.hashCode(instructions);
        }

        @Override
        public String toString() {
            return (trap != null ? "trap " + trap : "results " + Arrays.toString(results)) + " after " + instructions
                    + " instructions";
        }
    }

    /** Calls export {@code name} of {@code instance} and records the outcome; traps are caught. */
    static Outcome call(Instance instance, String name, long... args) {
        try {
            long[] r = instance.call(name, args);
            return new Outcome(r, null, instance.store().lastCallInstructions());
        } catch (TrapException t) {
            return new Outcome(null, t.kind(), instance.store().lastCallInstructions());
        }
    }

    /** Calls {@code name} in a fresh instance of each tier under {@code limits}; returns both outcomes. */
    /**
     * Each call ({@code {export, Long args...}}) under every fuel budget from 0 to one past what it
     * needs: both tiers stop at the same point with the same outcome.
     */
    static void assertEveryBudgetAgrees(CompiledModule[] tiers, Object[][] calls) {
        for (Object[] call : calls) {
            String name = (String) call[0];
            long[] args = args(call);
            Outcome full = callBoth(tiers, ExecutionLimits.DEFAULT, name, args)[0];
            for (long fuel = 0; fuel <= full.instructions() + 1; fuel++) {
                Outcome[] o = callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), name, args);
                assertEquals(o[0], o[1], name + " with fuel " + fuel + " (interpreter, compiled)");
            }
        }
    }

    /**
     * Each call ({@code {export, Long args...}}) on a fresh instance of each tier: the same outcome
     * and the same contents of every memory {@code memories} reads. Returns the interpreter's
     * outcomes, in the order of {@code calls}.
     */
    static List<Outcome> assertCallsAgree(CompiledModule[] tiers, Object[][] calls, Function<Instance, byte[][]> memories) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Object[] call : calls) {
            Outcome[] o = new Outcome[2];
            byte[][][] contents = new byte[2][][];
            for (int t = 0; t < 2; t++) {
                Instance inst = instantiate(tiers[t], ExecutionLimits.DEFAULT);
                o[t] = call(inst, (String) call[0], args(call));
                contents[t] = memories.apply(inst);
            }
            String what = call[0] + " " + Arrays.toString(args(call));
            assertEquals(o[0], o[1], what + " (interpreter, compiled)");
            for (int m = 0; m < contents[0].length; m++) {
                assertArrayEquals(contents[0][m], contents[1][m], what + ": memory " + m);
            }
            outcomes.add(o[0]);
        }
        return outcomes;
    }

    /** The arguments of a call written {@code {export, Long args...}}. */
    static long[] args(Object[] call) {
        long[] a = new long[call.length - 1];
        for (int i = 1; i < call.length; i++) {
            a[i - 1] = (Long) call[i];
        }
        return a;
    }

    static Outcome[] callBoth(CompiledModule[] tiers, ExecutionLimits limits, String name, long... args) {
        Outcome[] out = new Outcome[2];
        for (int t = 0; t < 2; t++) {
            out[t] = call(instantiate(tiers[t], limits), name, args);
        }
        return out;
    }
}
