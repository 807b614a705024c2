package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.ThrownException;
import dev.sandpiper.text.Wat;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Exceptions crossing the tiers (3.0, exception handling): a function too large for the compiled
 * tier (over HotSpot's compile limit, so it stays in the interpreter) throws to a compiled
 * {@code try_table} through a compiled frame, and a compiled function throws to an interpreted
 * one's {@code try_table}. Functions with exception handling compile (compiler/README.md); both
 * ways give the interpreter's results, exceptions and instruction counts under budgets around
 * every boundary.
 */
class ExceptionsFallbackTest {
    private static final int ADDS = 2500;

    static byte[] module() {
        String adds = "(local.set $x (i32.add (local.get $x) (i32.const 1)))\n".repeat(ADDS);
        String wat = """
                (module
                  (tag $e (param i32))
                  ;; interpreted: n + 2500, throwing it when n > 5
                  (func $hugeThrower (param $x i32) (result i32)
                    %s
                    (if (i32.gt_s (local.get $x) (i32.const %d)) (then (throw $e (local.get $x))))
                    (local.get $x))
                  (func $middle (param i32) (result i32)
                    (i32.add (call $hugeThrower (local.get 0)) (i32.const 1)))
                  (func (export "compiledCatches") (param i32) (result i32)
                    (i32.add (i32.const 1000)
                      (block $h (result i32)
                        (try_table (result i32) (catch $e $h)
                          (i32.add (call $middle (local.get 0)) (i32.const 7))))))
                  (func (export "uncaught") (param i32) (result i32)
                    (call $middle (local.get 0)))
                  (func $thrower (param i32) (result i32)
                    (if (local.get 0) (then (throw $e (local.get 0))))
                    (i32.const 100))
                  (func $middle2 (param i32) (result i32)
                    (i32.add (call $thrower (local.get 0)) (i32.const 1)))
                  ;; interpreted: a try_table around compiled frames, after 2500 additions
                  (func (export "interpretedCatches") (param $x i32) (result i32)
                    %s
                    (block $h (result i32)
                      (try_table (result i32) (catch $e $h)
                        (call $middle2 (i32.sub (local.get $x) (i32.const %d))))))
                )
                """.formatted(adds, ADDS + 5, adds, ADDS);
        return Wat.parseModule(wat, "exceptions-mixed.wat");
    }

    private static CompiledModule[] tiers() {
        CompiledModule mixed = CompiledModule.compile(module());
        CompileReport report = WasmCompiler.standard().compile(mixed);
        assertEquals(5, report.compiled(), report.toString());
        assertEquals(List.of(0, 6), List.copyOf(new TreeSet<>(report.interpreted().keySet())),
                "only the two huge functions stay interpreted: " + report.interpreted());
        assertTrue(report.interpreted().get(0).contains("compile limit"), report.interpreted().get(0));
        return new CompiledModule[] {Tiers.interpreted(module()), mixed};
    }

    @Test
    void bothTiersCatchAlikeUnderBudgetsAroundEveryBoundary() {
        CompiledModule[] tiers = tiers();
        Object[][] calls = {{"compiledCatches", 9L}, {"compiledCatches", 0L}, {"interpretedCatches", 4L},
            {"interpretedCatches", 0L}};
        for (Object[] call : calls) {
            String name = (String) call[0];
            long[] args = Tiers.args(call);
            Outcome[] full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, name, args);
            assertEquals(full[0], full[1], name + " (interpreter, mixed)");
            long n = full[0].instructions();
            TreeSet<Long> budgets = new TreeSet<>();
            for (long f = 0; f <= 40; f++) {
                budgets.add(f);
                budgets.add(Math.max(0, n + 10 - f));
                budgets.add(Math.max(0, 10_000 + 5 - f)); // around the first poll
            }
            for (long fuel : budgets) {
                Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), name, args);
                assertEquals(o[0], o[1], name + " with fuel " + fuel + " (interpreter, mixed)");
            }
        }
        Instance inst = Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT);
        assertEquals(1000 + 9 + ADDS, inst.call("compiledCatches", 9)[0]);
        assertEquals(1000 + ADDS + 8, inst.call("compiledCatches", 0)[0]);
        assertEquals(4, inst.call("interpretedCatches", 4)[0]);
        assertEquals(101, inst.call("interpretedCatches", 0)[0]);
    }

    @Test
    void anUncaughtExceptionLeavesBothTiersAlike() {
        CompiledModule[] tiers = tiers();
        long[] counts = new long[2];
        for (int t = 0; t < 2; t++) {
            Instance inst = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT);
            ThrownException e = assertThrows(ThrownException.class, () -> inst.call("uncaught", 7));
            assertArrayEquals(new long[] {ADDS + 7}, e.payload());
            counts[t] = inst.store().lastCallInstructions();
            assertEquals(1000 + ADDS + 8, inst.call("compiledCatches", 0)[0], "the instance runs on");
        }
        assertEquals(counts[0], counts[1], "instructions before the exception left (interpreter, mixed)");
        assertTrue(counts[0] > ADDS);
    }
}
