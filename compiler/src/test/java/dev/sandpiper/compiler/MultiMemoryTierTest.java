package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory instructions naming memories other than memory 0 (3.0, multiple memories) are compiled,
 * and do what the interpreter does: every load and store width, vector loads and stores, size,
 * growth up to the memory's maximum, fill, copy between every pair, init; the same results, traps,
 * instruction counts and memory contents, also under every small fuel budget.
 */
class MultiMemoryTierTest {
    static final String WAT = """
            (module
              (memory 1)
              (memory 1 2)
              (memory 0 3)
              (data $d "\\01\\02\\03\\04\\05\\06\\07\\08")
              (func $mix (param $acc i64) (param $x i64) (result i64)
                (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (local.get $x)))
              (func (export "scalar") (param $a i32) (param $v i64) (result i64) (local $r i64)
                (i64.store 1 (local.get $a) (local.get $v))
                (i32.store8 1 offset=8 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i32.store16 1 offset=10 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i32.store 1 offset=12 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i64.store8 1 offset=16 (local.get $a) (local.get $v))
                (i64.store16 1 offset=18 (local.get $a) (local.get $v))
                (i64.store32 1 offset=20 (local.get $a) (local.get $v))
                (f32.store 1 offset=24 (local.get $a) (f32.reinterpret_i32 (i32.wrap_i64 (local.get $v))))
                (f64.store 1 offset=28 (local.get $a) (f64.reinterpret_i64 (local.get $v)))
                (local.set $r (i64.load 1 (local.get $a)))
                (local.set $r (call $mix (local.get $r) (i64.load8_s 1 offset=1 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load8_u 1 offset=2 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load16_s 1 offset=3 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load16_u 1 offset=5 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load32_s 1 offset=9 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load32_u 1 offset=12 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_u (i32.load 1 offset=16 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load8_s 1 offset=17 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load8_u 1 offset=18 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load16_s 1 offset=19 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load16_u 1 offset=21 (local.get $a)))))
                (local.set $r (call $mix (local.get $r)
                  (i64.extend_i32_u (i32.reinterpret_f32 (f32.load 1 offset=24 (local.get $a))))))
                (local.set $r (call $mix (local.get $r) (i64.reinterpret_f64 (f64.load 1 offset=28 (local.get $a)))))
                ;; memory 0 is untouched by all this; memory 2 starts with no pages
                (local.set $r (call $mix (local.get $r) (i64.load 0 (local.get $a))))
                (local.get $r))
              (func (export "load2") (param $a i32) (result i32)
                (i32.load8_u 2 offset=3 (local.get $a)))
              (func (export "vector") (param $a i32) (result i64) (local $v v128)
                (v128.store 1 offset=4 (local.get $a) (v128.const i64x2 0x0102030405060708 0x1112131415161718))
                (local.set $v (v128.load 1 offset=4 (local.get $a)))
                (local.set $v (v128.xor (local.get $v) (v128.load32_splat 1 offset=6 (local.get $a))))
                (local.set $v (v128.xor (local.get $v) (v128.load16x4_s 1 offset=5 (local.get $a))))
                (local.set $v (v128.xor (local.get $v) (v128.load64_zero 1 offset=7 (local.get $a))))
                (local.set $v (v128.load8_lane 1 offset=9 3 (local.get $a) (local.get $v)))
                (v128.store32_lane 1 offset=20 1 (local.get $a) (local.get $v))
                (v128.store 0 offset=4 (local.get $a) (local.get $v))
                (i64.xor (i64x2.extract_lane 0 (local.get $v))
                  (i64.rotl (i64x2.extract_lane 1 (local.get $v)) (i64.load 1 offset=20 (local.get $a)))))
              (func (export "bulk") (param $n i32) (result i32) (local $r i32)
                (local.set $r (memory.grow 2 (i32.const 1)))
                (memory.fill 1 (i32.const 10) (i32.const 0x5a) (local.get $n))
                (memory.copy 2 1 (i32.const 5) (i32.const 8) (local.get $n))
                (memory.copy 0 1 (i32.const 100) (i32.const 9) (local.get $n))
                (memory.copy 1 0 (i32.const 200) (i32.const 99) (local.get $n))
                (memory.copy 1 1 (i32.const 11) (i32.const 10) (local.get $n))
                (memory.init 1 $d (i32.const 300) (i32.const 2) (i32.const 4))
                (memory.init 2 $d (i32.const 7) (i32.const 1) (i32.const 7))
                (local.set $r (i32.add (local.get $r) (i32.mul (memory.size 1) (i32.const 16))))
                (local.set $r (i32.add (local.get $r) (i32.mul (memory.grow 1 (i32.const 1)) (i32.const 256))))
                (local.set $r (i32.add (local.get $r) (i32.mul (memory.grow 1 (i32.const 1)) (i32.const 4096))))
                (local.set $r (i32.add (local.get $r) (i32.mul (memory.size 2) (i32.const 65536))))
                (i32.add (local.get $r) (i32.load 2 offset=5 (i32.const 0))))
              ;; offsets of 2^30 and more take TierOps' long forms: out of bounds for any address here
              (func (export "far") (param $a i32) (result i32)
                (i64.store 2 offset=0xFFFFFFF0 (local.get $a) (i64.const 1))
                (i32.load 1 offset=0x40000000 (local.get $a)))
              (func (export "grow") (param $m i32) (param $d i32) (result i32)
                (if (result i32) (local.get $m)
                  (then (memory.grow 2 (local.get $d)))
                  (else (memory.grow 1 (local.get $d))))))
            """;

    static byte[] module() {
        return Wat.parseModule(WAT, "multi-memory.wat");
    }

    /** The calls compared: addresses inside, at the edge of and past each memory, sizes that fit and do not. */
    private static final Object[][] CALLS = {
        {"scalar", 0L, 0x8899AABBCCDDEEFFL}, {"scalar", 1000L, 0x7F80FF01L}, {"scalar", 65536L - 36, -2L},
        {"scalar", 65536L - 35, 5L}, {"scalar", 65536L, 5L}, {"scalar", 0xFFFFFFFFL, 5L},
        {"load2", 0L}, {"vector", 0L}, {"vector", 333L}, {"vector", 65536L - 24}, {"vector", 65536L - 23},
        {"vector", 0xFFFFFFF0L}, {"bulk", 0L}, {"bulk", 17L}, {"bulk", 65536L - 300}, {"bulk", 65536L - 10},
        {"bulk", 0x80000000L}, {"far", 0L}, {"far", 0xFFFFFFFFL}, {"grow", 0L, 1L}, {"grow", 0L, 2L}, {"grow", 1L, 3L}, {"grow", 1L, 4L},
        {"grow", 1L, 0xFFFFFFFFL},
    };

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(7, report.compiled(), report.toString());
        assertTrue(report.interpreted().isEmpty(), report.toString());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsCountsAndMemory() {
        List<Outcome> out = Tiers.assertCallsAgree(Tiers.both(module()), CALLS, MultiMemoryTierTest::contents);
        int traps = 0;
        for (Outcome o : out) {
            if (o.trap() != null) {
                assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, o.trap(), o.toString());
                traps++;
            }
        }
        // The calls above are chosen so that some trap and most do not.
        assertEquals(11, traps);
    }

    @Test
    void growthStopsAtTheMaximumAndStoreLimitOnBothTiers() {
        CompiledModule[] tiers = Tiers.both(module());
        // memory 1: 1 page, maximum 2; memory 2: 0 pages, maximum 3; the store allows 4 pages in all.
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxMemoryPages(4);
        for (int t = 0; t < 2; t++) {
            Instance inst = Tiers.instantiate(tiers[t], limits);
            assertEquals(1, inst.call("grow", 0, 1)[0], Tiers.name(t));
            assertEquals(-1, (int) inst.call("grow", 0, 1)[0], Tiers.name(t) + ": past memory 1's maximum");
            assertEquals(0, inst.call("grow", 1, 1)[0], Tiers.name(t));
            assertEquals(-1, (int) inst.call("grow", 1, 2)[0], Tiers.name(t) + ": past the store's 4 pages");
            assertEquals(1, inst.call("grow", 1, 0)[0], Tiers.name(t));
            assertEquals(2, inst.memory(1).pages());
            assertEquals(1, inst.memory(2).pages());
        }
    }

    @Test
    void everySmallFuelBudgetStopsBothTiersAtTheSamePoint() {
        Tiers.assertEveryBudgetAgrees(Tiers.both(module()), CALLS);
    }

    private static byte[][] contents(Instance inst) {
        byte[][] out = new byte[3][];
        for (int m = 0; m < 3; m++) {
            Memory memory = inst.memory(m);
            out[m] = memory.readBytes(0, memory.pages() * 65536);
        }
        return out;
    }
}
