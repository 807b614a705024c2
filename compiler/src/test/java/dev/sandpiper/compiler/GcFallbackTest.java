package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * Functions using GC instructions stay in the interpreter on the compiled tier (compiler/README.md,
 * What stays interpreted); their compiled callers get the interpreter's results, counts and traps,
 * and a guest that allocates forever stops at the store's memory limit with the same trap on both
 * tiers, never an OutOfMemoryError.
 */
class GcFallbackTest {
    private static final String WAT = """
            (module
              (type $node (struct (field $v i32) (field $next (ref null $node))))
              (type $bytes (array (mut i8)))
              ;; a list of n nodes n, n-1, ..., 1: the sum of its values
              (func $sum (param $n i32) (result i32)
                (local $list (ref null $node)) (local $s i32)
                (block $done
                  (loop $build
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $list (struct.new $node (local.get $n) (local.get $list)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $build)))
                (block $end
                  (loop $walk
                    (local.set $s (i32.add (local.get $s)
                      (struct.get $node $v (br_on_null $end (local.get $list)))))
                    (local.set $list (struct.get $node $next (ref.as_non_null (local.get $list))))
                    (br $walk)))
                (local.get $s))
              (func $forever (param $size i32)
                (loop $l (drop (array.new_default $bytes (local.get $size))) (br $l)))
              (func (export "sum") (param i32) (result i32) (i32.add (call $sum (local.get 0)) (i32.const 1)))
              (func (export "forever") (param i32) (call $forever (local.get 0)))
              (func (export "value") (param (ref null $node)) (result i32) (struct.get $node $v (local.get 0))))
            """;

    static byte[] module() {
        return Wat.parseModule(WAT, "gc-fallback.wat");
    }

    private static CompiledModule[] tiers() {
        CompiledModule mixed = CompiledModule.compile(module());
        WasmCompiler.standard().compile(mixed);
        return new CompiledModule[] {Tiers.interpreted(module()), mixed};
    }

    @Test
    void gcFunctionsStayInterpretedAndTheRestCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(2, report.compiled(), report.toString());
        assertEquals(3, report.interpreted().size(), report.toString());
        assertTrue(report.interpreted().get(0).startsWith("uses GC instructions"), report.toString());
    }

    @Test
    void bothTiersGiveTheSameResultsAndCounts() {
        CompiledModule[] tiers = tiers();
        for (long n : new long[] {0, 1, 100}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "sum", n);
            assertEquals(o[0], o[1], "sum(" + n + ") (interpreter, compiled)");
            assertNull(o[0].trap(), o[0].toString());
            assertArrayEquals(new long[] {n * (n + 1) / 2 + 1}, o[0].results());
        }
        Tiers.assertEveryBudgetAgrees(tiers, new Object[][] {{"sum", 3L}});
    }

    @Test
    void aHostValueThatIsNoStructureTrapsPreciselyAndNullTrapsAsNull() {
        CompiledModule[] tiers = tiers();
        for (long forged : new long[] {12345, 1L << 61}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "value", forged);
            assertEquals(TrapKind.CAST_FAILURE, o[0].trap(), o[0].toString());
            assertEquals(o[0], o[1]);
        }
        Outcome[] nul = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "value", -1);
        assertEquals(TrapKind.NULL_STRUCTURE_REFERENCE, nul[0].trap(), nul[0].toString());
        assertEquals(nul[0], nul[1]);
    }

    @Test
    void allocatingForeverStopsAtTheMemoryLimitOnBothTiers() {
        CompiledModule[] tiers = tiers();
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxMemoryPages(16); // 1 MiB for GC objects
        Outcome[] o = Tiers.callBoth(tiers, limits, "forever", 1000);
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, o[0].trap(), o[0].toString());
        assertEquals(o[0], o[1], "(interpreter, compiled)");
        // about 1 MiB / 1,040 bytes charged per array, a few instructions each: the limit stopped it
        assertTrue(o[0].instructions() > 1000 && o[0].instructions() < 20_000, o[0].toString());
        // one array larger than the whole limit traps at once, naming the limit
        TrapException t = org.junit.jupiter.api.Assertions.assertThrows(TrapException.class,
                () -> Tiers.instantiate(tiers[1], limits).call("forever", 2_000_000));
        assertEquals(TrapKind.GC_OUT_OF_MEMORY, t.kind());
        assertTrue(t.getMessage().contains("1048576 bytes"), t.getMessage());
    }
}
