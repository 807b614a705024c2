package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * Tail calls to other functions ({@code return_call}, {@code return_call_indirect}) are compiled
 * with pending tail calls and trampolines (compiler/README.md): both tiers give the same results,
 * traps and instruction counts, under every small fuel budget and at the same depths, and a
 * million-deep mutual tail recursion runs at depth 2 on the compiled tier in constant JVM stack.
 */
class MutualTailCallTest {
    static final String WAT = """
            (module
              (type $ii (func (param i32) (result i32)))
              (table $t 4 funcref)
              (elem (table $t) (i32.const 0) func $even $odd $boom $plain)
              (global $g (mut i32) (i32.const 0))
              (func $even (export "even") (param $n i32) (result i32)
                (if (result i32) (i32.eqz (local.get $n))
                  (then (i32.const 1))
                  (else (return_call $odd (i32.sub (local.get $n) (i32.const 1))))))
              (func $odd (export "odd") (param $n i32) (result i32)
                (if (result i32) (i32.eqz (local.get $n))
                  (then (i32.const 0))
                  (else (i32.const 77) (return_call $even (i32.sub (local.get $n) (i32.const 1))))))
              (func $boom (param $n i32) (result i32)
                (i32.div_u (i32.const 10) (i32.sub (local.get $n) (i32.const 3))))
              (func $plain (param $n i32) (result i32) (i32.add (local.get $n) (i32.const 1000)))
              ;; through the table: slot $n & 3, with $n - 1, until $n reaches 0
              (func $ind (export "ind") (param $n i32) (param $slot i32) (result i32)
                (if (i32.eqz (local.get $n)) (then (return (i32.const 5))))
                (return_call_indirect $t (type $ii) (local.get $n) (local.get $slot)))
              (func $hop (export "hop") (param $n i32) (result i32)
                (return_call_indirect $t (type $ii) (local.get $n) (i32.and (local.get $n) (i32.const 1))))
              ;; different parameter types, the same result types
              (func $a (export "a") (param $n i32) (param $x i64) (result i64 i32)
                (if (i32.eqz (local.get $n)) (then (return (local.get $x) (i32.const 1))))
                (return_call $b (i64.extend_i32_u (i32.sub (local.get $n) (i32.const 1)))
                  (i64.add (local.get $x) (i64.const 3)) (f32.const 1.5)))
              (func $b (param $n i64) (param $x i64) (param $f f32) (result i64 i32)
                (return_call $a (i32.wrap_i64 (local.get $n)) (i64.mul (local.get $x) (i64.const 2))))
              (func $v1 (export "v1") (param $n i32)
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (if (local.get $n) (then (return_call $v2 (local.get $n) (v128.const i64x2 1 2)))))
              (func $v2 (param $n i32) (param $v v128)
                (global.set $g (i32.add (global.get $g) (i32x4.extract_lane 2 (local.get $v))))
                (return_call $v1 (i32.sub (local.get $n) (i32.const 1))))
              (func (export "g") (result i32) (global.get $g))
              ;; ordinary calls into tail-calling functions, directly and through the table
              (func (export "caller") (param $n i32) (result i32)
                (i32.add (call $even (local.get $n))
                  (i32.add (i32.mul (call $odd (local.get $n)) (i32.const 10))
                    (call_indirect $t (type $ii) (local.get $n) (i32.const 1)))))
            )
            """;

    static byte[] module() {
        return Wat.parseModule(WAT, "mutual-tail.wat");
    }

    private static final Object[][] CALLS = {
        {"even", 0L}, {"even", 7L}, {"odd", 7L}, {"odd", 10L}, {"ind", 0L, 0L}, {"ind", 6L, 0L},
        {"ind", 6L, 1L}, {"ind", 2L, 2L}, {"ind", 3L, 2L}, {"ind", 6L, 3L}, {"ind", 1L, 4L},
        {"hop", 9L}, {"hop", 12L}, {"a", 0L, 1L}, {"a", 4L, 1L}, {"v1", 0L}, {"v1", 3L}, {"caller", 5L},
        {"caller", 6L},
    };

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertTrue(report.interpreted().isEmpty(), report.toString());
        assertEquals(12, report.compiled());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsAndCounts() {
        CompiledModule[] tiers = Tiers.both(module());
        int traps = 0;
        for (Object[] call : CALLS) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, (String) call[0], args(call));
            assertEquals(o[0], o[1], call[0] + " " + java.util.Arrays.toString(args(call)) + " (interpreter, compiled)");
            traps += o[0].trap() != null ? 1 : 0;
        }
        assertEquals(2, traps, "ind(3, 2) divides by zero, ind(1, 4) is past the table");
        var inst = Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT);
        assertEquals(0, inst.call("even", 7)[0]);
        assertEquals(1, inst.call("odd", 7)[0]);
        assertEquals(1006, inst.call("ind", 6, 3)[0]);
        assertArrayEquals(new long[] {((((1 + 3) * 2 + 3) * 2 + 3) * 2 + 3) * 2, 1}, inst.call("a", 4, 1));
        inst.call("v1", 3);
        assertEquals(4 + 3 * 2, inst.call("g")[0]);
        assertEquals(1, inst.call("caller", 6)[0]);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, Tiers.call(inst, "ind", 3, 2).trap());
        assertEquals(TrapKind.UNDEFINED_ELEMENT, Tiers.call(inst, "ind", 1, 4).trap());
    }

    @Test
    void aMillionMutualTailCallsRunInConstantStackOnTheCompiledTier() {
        CompiledModule[] tiers = Tiers.both(module());
        // Depth 1 for even and odd; caller's callees at depth 2. Far past what the JVM stack holds
        // if each tail call were a JVM call.
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxCallDepth(2);
        for (String f : new String[] {"even", "hop", "caller"}) {
            Outcome[] o = Tiers.callBoth(tiers, limits, f, 1_000_001);
            assertEquals(o[0], o[1], f);
            assertNull(o[1].trap(), f + ": " + o[1]);
        }
        assertEquals(0, Tiers.call(Tiers.instantiate(tiers[1], limits), "even", 1_000_001).results()[0]);
        Outcome[] over = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(1), "caller", 1_000_000);
        assertEquals(over[0], over[1]);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, over[1].trap());
    }

    @Test
    void everySmallFuelBudgetStopsBothTiersAtTheSamePoint() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, (String) call[0], args(call))[0];
            for (long fuel = 0; fuel <= full.instructions() + 1; fuel++) {
                Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), (String) call[0], args(call));
                assertEquals(o[0], o[1], call[0] + " with fuel " + fuel + " (interpreter, compiled)");
            }
        }
    }

    static final String HOST_WAT = """
            (module
              (import "env" "host" (func $host (param i32) (result i32)))
              (type $ii (func (param i32) (result i32)))
              (table 2 funcref)
              (elem (i32.const 0) func $host $next)
              (func $next (param $n i32) (result i32) (i32.mul (local.get $n) (i32.const 3)))
              (func (export "direct") (param $n i32) (result i32)
                (return_call $host (i32.add (local.get $n) (i32.const 1))))
              (func (export "table") (param $n i32) (param $slot i32) (result i32)
                (return_call_indirect (type $ii) (local.get $n) (local.get $slot)))
            )
            """;

    /** A host function reached by a tail call is called and returned from, as in the interpreter. */
    @Test
    void tailCallsToAHostFunctionGiveTheInterpretersResultsAndCounts() {
        byte[] bytes = Wat.parseModule(HOST_WAT, "host-tail.wat");
        CompiledModule[] tiers = Tiers.both(bytes);
        Object[][] calls = {{"direct", 4L}, {"table", 4L, 0L}, {"table", 4L, 1L}, {"table", 4L, 2L}};
        for (Object[] call : calls) {
            Outcome full = hostCall(tiers[0], ExecutionLimits.DEFAULT, call);
            for (long fuel = 0; fuel <= full.instructions() + 1; fuel++) {
                ExecutionLimits limits = ExecutionLimits.DEFAULT.withFuel(fuel);
                assertEquals(hostCall(tiers[0], limits, call), hostCall(tiers[1], limits, call),
                        call[0] + " with fuel " + fuel + " (interpreter, compiled)");
            }
            assertEquals(full, hostCall(tiers[1], ExecutionLimits.DEFAULT, call), call[0] + " (interpreter, compiled)");
        }
        assertEquals(5 * 7, hostCall(tiers[1], ExecutionLimits.DEFAULT, calls[0]).results()[0]);
        assertEquals(4 * 7, hostCall(tiers[1], ExecutionLimits.DEFAULT, calls[1]).results()[0]);
        assertEquals(4 * 3, hostCall(tiers[1], ExecutionLimits.DEFAULT, calls[2]).results()[0]);
        assertEquals(TrapKind.UNDEFINED_ELEMENT, hostCall(tiers[1], ExecutionLimits.DEFAULT, calls[3]).trap());
    }

    private static Outcome hostCall(CompiledModule m, ExecutionLimits limits, Object[] call) {
        var inst = new dev.sandpiper.interpreter.Linker(new dev.sandpiper.interpreter.Store(limits))
                .defineFunction("env", "host", dev.sandpiper.decoder.model.FuncType.of(
                        java.util.List.of(dev.sandpiper.decoder.model.ValType.I32),
                        java.util.List.of(dev.sandpiper.decoder.model.ValType.I32)),
                        (ctx, args, results) -> results[0] = args[0] * 7)
                .instantiate(m);
        return Tiers.call(inst, (String) call[0], args(call));
    }

    private static long[] args(Object[] call) {
        long[] a = new long[call.length - 1];
        for (int i = 1; i < call.length; i++) {
            a[i - 1] = (Long) call[i];
        }
        return a;
    }
}
