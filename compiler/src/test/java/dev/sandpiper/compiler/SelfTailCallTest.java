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
 * A {@code return_call} of a function to itself is compiled as a jump to the function's start: both
 * tiers give the same results, traps and instruction counts (the callee's entry block is charged and
 * polled once per tail call), at a constant depth, under every small fuel budget, for each calling
 * convention (one result, none, several, a v128 argument), with operands below the arguments and
 * declared locals zeroed again on every entry.
 */
class SelfTailCallTest {
    static final String WAT = """
            (module
              (global $g (mut i32) (i32.const 0))
              (func $sum (export "sum") (param $n i32) (param $acc i64) (result i64)
                (if (i32.eqz (local.get $n)) (then (return (local.get $acc))))
                (return_call $sum (i32.sub (local.get $n) (i32.const 1))
                  (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))
              (func $fresh (export "fresh") (param $n i32) (result i32) (local $l i32)
                (local.set $l (i32.add (local.get $l) (i32.const 1)))
                (if (i32.eqz (local.get $n)) (then (return (i32.add (local.get $l) (i32.const 40)))))
                (i32.const 99)
                (i64.const 98)
                (return_call $fresh (i32.sub (local.get $n) (i32.const 1))))
              (func $void (export "void") (param $n i32)
                (if (local.get $n)
                  (then
                    (global.set $g (i32.add (global.get $g) (local.get $n)))
                    (return_call $void (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "g") (result i32) (global.get $g))
              (func $multi (export "multi") (param $n i32) (param $a i64) (result i64 i32)
                (if (i32.eqz (local.get $n)) (then (return (local.get $a) (i32.const -1))))
                (return_call $multi (i32.sub (local.get $n) (i32.const 1)) (i64.mul (local.get $a) (i64.const 3))))
              (func $vrec (param $n i32) (param $v v128) (result i64)
                (if (i32.eqz (local.get $n))
                  (then (return (i64.xor (i64x2.extract_lane 0 (local.get $v)) (i64x2.extract_lane 1 (local.get $v))))))
                (return_call $vrec (i32.sub (local.get $n) (i32.const 1))
                  (i64x2.add (local.get $v) (v128.const i64x2 3 0x100000000))))
              (func (export "vec") (param $n i32) (result i64)
                (call $vrec (local.get $n) (v128.const i64x2 1 2)))
              (func $trap (export "trap") (param $n i32) (param $k i32) (result i32)
                (drop (i32.div_u (i32.const 100) (i32.sub (local.get $n) (local.get $k))))
                (if (i32.eqz (local.get $n)) (then (return (i32.const 7))))
                (return_call $trap (i32.sub (local.get $n) (i32.const 1)) (local.get $k)))
              (func $loopy (export "loopy") (param $n i32) (result i32) (local $i i32)
                (loop $l
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))
                (if (result i32) (i32.le_u (local.get $n) (i32.const 1))
                  (then (local.get $i))
                  (else (return_call $loopy (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "outer") (param $n i32) (result i64)
                (i64.add (call $sum (local.get $n) (i64.const 0))
                  (i64.extend_i32_u (call $fresh (local.get $n)))))
            )
            """;

    static byte[] module() {
        return Wat.parseModule(WAT, "self-tail.wat");
    }

    private static final Object[][] CALLS = {
        {"sum", 0L, 5L}, {"sum", 10L, 0L}, {"fresh", 0L}, {"fresh", 6L}, {"void", 0L}, {"void", 5L},
        {"multi", 0L, 1L}, {"multi", 5L, 1L}, {"vec", 0L}, {"vec", 4L}, {"trap", 5L, 9L}, {"trap", 5L, 2L},
        {"trap", 5L, 0L}, {"loopy", 1L}, {"loopy", 4L}, {"outer", 7L},
    };

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertTrue(report.interpreted().isEmpty(), report.toString());
        assertEquals(10, report.compiled());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsAndCounts() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, (String) call[0], args(call));
            assertEquals(o[0], o[1], call[0] + " " + java.util.Arrays.toString(args(call)) + " (interpreter, compiled)");
        }
        // The values themselves, on the compiled tier.
        var inst = Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT);
        assertEquals(55, inst.call("sum", 10, 0)[0]);
        assertEquals(41, inst.call("fresh", 6)[0], "the declared local starts at zero on every entry");
        inst.call("void", 5);
        assertEquals(15, inst.call("g")[0]);
        assertArrayEquals(new long[] {243, -1}, inst.call("multi", 5, 1));
        assertEquals((1 + 12) ^ (2 + (4L << 32)), inst.call("vec", 4)[0]);
        assertEquals(3, inst.call("loopy", 4)[0]);
        Outcome trap = Tiers.call(inst, "trap", 5, 2);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.trap());
    }

    @Test
    void aMillionSelfTailCallsRunAtDepthOneOnBothTiers() {
        CompiledModule[] tiers = Tiers.both(module());
        Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(1), "sum", 1_000_000, 0);
        assertEquals(o[0], o[1]);
        assertNull(o[1].trap(), o[1].toString());
        assertEquals(500_000_500_000L, o[1].results()[0]);
        // outer's callee is at depth 2: over a limit of 1 on both tiers, however many tail calls follow.
        Outcome[] deep = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(1), "outer", 3);
        assertEquals(deep[0], deep[1]);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, deep[1].trap());
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

    private static long[] args(Object[] call) {
        long[] a = new long[call.length - 1];
        for (int i = 1; i < call.length; i++) {
            a[i - 1] = (Long) call[i];
        }
        return a;
    }
}
