package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.compiler.translate.ModuleTranslator;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small function that calls itself gets a twin method ({@code f<index>r}) the two calling each
 * other; other functions do not. Both tiers agree on results, traps and instruction counts for fuel
 * budgets that stop the recursion in either of the two methods, and at every depth limit around
 * the recursion's depth.
 */
class RecursionTwinsTest {
    private static final String WAT = """
            (module
              ;; 0: fib, doubly recursive
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
              ;; 1: calls fib, not itself
              (func (export "twice") (param i32) (result i32)
                (i32.add (call $fib (local.get 0)) (call $fib (local.get 0))))
              ;; 2: calls itself, but is too big for HotSpot to inline (120 adds)
              (func $big (export "big") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (call $big (i32.sub (local.get 0) (i32.const 1)))
                    %s)))
            )
            """.formatted("(i32.add (i32.const 1))\n".repeat(120));

    private static final byte[] MODULE = Wat.parseModule(WAT, "twins.wat");

    @Test
    void onlyTheSmallSelfRecursiveFunctionHasATwin() throws Exception {
        CompiledModule m = CompiledModule.compile(MODULE);
        for (boolean countFuel : new boolean[] {true, false}) {
            Map<String, Integer> sizes = MethodSizes.of(ModuleTranslator.translate(m.module(), countFuel).classBytes());
            assertTrue(sizes.containsKey("f0r"), "fib's twin: " + sizes.keySet());
            assertEquals(sizes.get("f0"), sizes.get("f0r"), "the same translation, calling the other");
            assertFalse(sizes.containsKey("f1r"), "twice does not call itself: " + sizes.keySet());
            assertTrue(sizes.get("f2") > 325, "big is " + sizes.get("f2") + " bytes");
            assertFalse(sizes.containsKey("f2r"), "big is too big to be inlined: " + sizes.keySet());
        }
    }

    @Test
    void fuelStopsBothTiersAtTheSameInstructionInEitherTwin() {
        CompiledModule[] tiers = Tiers.both(MODULE);
        Outcome[] full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "fib", 10);
        assertEquals(full[0], full[1]);
        assertEquals(55L, full[1].results()[0]);
        long needed = full[0].instructions();
        for (long budget = 0; budget <= needed; budget += 7) {
            ExecutionLimits limits = ExecutionLimits.DEFAULT.withFuel(budget);
            Outcome[] o = Tiers.callBoth(tiers, limits, "fib", 10);
            assertEquals(o[0], o[1], "fib(10) with fuel " + budget + " (interpreter, compiled)");
            assertEquals(budget < needed ? TrapKind.FUEL_EXHAUSTED : null, o[1].trap(), "fuel " + budget);
        }
    }

    @Test
    void theDepthLimitStopsBothTiersAtTheSameCall() {
        CompiledModule[] tiers = Tiers.both(MODULE);
        // fib(12) is 12 frames deep at most; limits around it stop it in either twin.
        for (int depth = 8; depth <= 14; depth++) {
            ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxCallDepth(depth);
            Outcome[] o = Tiers.callBoth(tiers, limits, "fib", 12);
            assertEquals(o[0], o[1], "fib(12) with maxCallDepth " + depth + " (interpreter, compiled)");
            if (depth >= 12) {
                assertNull(o[1].trap(), "maxCallDepth " + depth);
                assertEquals(144L, o[1].results()[0]);
            } else {
                assertEquals(TrapKind.CALL_STACK_EXHAUSTED, o[1].trap(), "maxCallDepth " + depth);
            }
        }
    }
}
