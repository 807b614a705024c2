package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 64-bit memories and tables (3.0 memory64) on the compiled tier: scalar loads and stores of
 * every width with u64 addresses and offsets, size and growth in i64, fill, copy between memories
 * of both address types, init, table instructions and {@code call_indirect} with i64 indices; the
 * same results, traps, instruction counts and memory contents as the interpreter, also under every
 * small fuel budget; vector loads and stores of every kind too.
 */
class Memory64TierTest {
    static final String WAT = """
            (module
              (type $r (func (result i32)))
              (memory $w i64 1 4)
              (memory $n 1)
              (table $t i64 2 funcref)
              (table $u 2 funcref)
              (elem (table $t) (i64.const 0) func $seven)
              (elem $e funcref (ref.func $seven) (ref.func $eight))
              (data $d "\\01\\02\\03\\04\\05\\06\\07\\08")
              (func $seven (result i32) (i32.const 7))
              (func $eight (result i32) (i32.const 8))
              (func $mix (param $acc i64) (param $x i64) (result i64)
                (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (local.get $x)))
              (func (export "scalar") (param $a i64) (param $v i64) (result i64) (local $r i64)
                (i64.store (local.get $a) (local.get $v))
                (i32.store8 offset=8 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i32.store16 offset=10 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i32.store offset=12 (local.get $a) (i32.wrap_i64 (local.get $v)))
                (i64.store8 offset=16 (local.get $a) (local.get $v))
                (i64.store16 offset=18 (local.get $a) (local.get $v))
                (i64.store32 offset=20 (local.get $a) (local.get $v))
                (f32.store offset=24 (local.get $a) (f32.reinterpret_i32 (i32.wrap_i64 (local.get $v))))
                (f64.store offset=28 (local.get $a) (f64.reinterpret_i64 (local.get $v)))
                (local.set $r (i64.load (local.get $a)))
                (local.set $r (call $mix (local.get $r) (i64.load8_s offset=1 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load8_u offset=2 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load16_s offset=3 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load16_u offset=5 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load32_s offset=9 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.load32_u offset=12 (local.get $a))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_u (i32.load offset=16 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load8_s offset=17 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load8_u offset=18 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load16_s offset=19 (local.get $a)))))
                (local.set $r (call $mix (local.get $r) (i64.extend_i32_s (i32.load16_u offset=21 (local.get $a)))))
                (local.set $r (call $mix (local.get $r)
                  (i64.extend_i32_u (i32.reinterpret_f32 (f32.load offset=24 (local.get $a))))))
                (call $mix (local.get $r) (i64.reinterpret_f64 (f64.load offset=28 (local.get $a)))))
              ;; offsets past 2^32 and near 2^64: out of bounds for any address
              (func (export "far") (param $a i64) (result i32)
                (i64.store offset=0x1_0000_0000 (local.get $a) (i64.const 1))
                (i32.load offset=0xFFFF_FFFF_FFFF_FFF0 (local.get $a)))
              (func (export "bulk") (param $n i64) (result i64) (local $r i64)
                (local.set $r (memory.size $w))
                (memory.fill $w (i64.const 10) (i32.const 0x5a) (local.get $n))
                (memory.copy $w $w (i64.const 11) (i64.const 10) (local.get $n))
                (memory.copy $n $w (i32.const 100) (i64.const 9) (i32.wrap_i64 (local.get $n)))
                (memory.copy $w $n (i64.const 200) (i32.const 99) (i32.wrap_i64 (local.get $n)))
                (memory.init $w $d (i64.const 300) (i32.const 2) (i32.const 4))
                (i64.add (local.get $r) (i64.load offset=5 (i64.const 0))))
              (func (export "grow") (param $d i64) (result i64)
                (memory.grow $w (local.get $d)))
              (func (export "tables") (param $i i64) (result i64) (local $r i64)
                (local.set $r (table.size $t))
                (local.set $r (i64.add (local.get $r) (table.grow $t (ref.null func) (i64.const 2))))
                (table.set $t (i64.const 1) (table.get $t (i64.const 0)))
                (table.fill $t (i64.const 2) (ref.func $eight) (i64.const 2))
                (table.init $t $e (i64.const 2) (i32.const 0) (i32.const 1))
                (table.copy $u $t (i32.const 0) (i64.const 2) (i32.const 2))
                (table.copy $t $u (i64.const 3) (i32.const 1) (i32.const 1))
                (table.copy $t $t (i64.const 0) (i64.const 2) (i64.const 2))
                (local.set $r (i64.add (local.get $r) (i64.extend_i32_u (call_indirect $t (type $r) (local.get $i)))))
                (i64.add (local.get $r) (table.size $t)))
              (func (export "vector") (param $a i64) (result i64) (local $v v128)
                (v128.store offset=4 (local.get $a) (v128.const i64x2 0x0102030405060708 0x1112131415161718))
                (local.set $v (v128.load offset=4 (local.get $a)))
                (local.set $v (v128.xor (local.get $v) (v128.load32_splat offset=6 (local.get $a))))
                (local.set $v (v128.xor (local.get $v) (v128.load16x4_s offset=5 (local.get $a))))
                (local.set $v (v128.xor (local.get $v) (v128.load64_zero offset=7 (local.get $a))))
                (local.set $v (v128.load8_lane offset=9 3 (local.get $a) (local.get $v)))
                (v128.store32_lane offset=20 1 (local.get $a) (local.get $v))
                (i64.xor (i64x2.extract_lane 0 (local.get $v))
                  (i64.rotl (i64x2.extract_lane 1 (local.get $v)) (i64.load offset=20 (local.get $a))))))
            """;

    static byte[] module() {
        return Wat.parseModule(WAT, "memory64.wat");
    }

    /** Addresses and indices inside, at the edge of, just past and far past (2^32, near 2^64) each bound. */
    private static final Object[][] CALLS = {
        {"scalar", 0L, 0x8899AABBCCDDEEFFL}, {"scalar", 65536L - 36, -2L}, {"scalar", 65536L - 35, 5L},
        {"scalar", 1L << 32, 5L}, {"scalar", -1L, 5L}, {"scalar", Long.MIN_VALUE, 5L},
        {"far", 0L}, {"far", 8L}, {"bulk", 0L}, {"bulk", 17L}, {"bulk", 65536L - 10}, {"bulk", 1L << 32},
        {"bulk", -1L}, {"grow", 1L}, {"grow", 3L}, {"grow", 4L}, {"grow", 1L << 32}, {"grow", -1L},
        {"tables", 0L}, {"tables", 3L}, {"tables", 4L}, {"tables", 1L << 32}, {"tables", -1L},
        {"vector", 0L}, {"vector", 65536L - 28}, {"vector", 65536L - 27}, {"vector", 1L << 32},
        {"vector", -8L},
    };

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(9, report.compiled(), report.toString());
        assertTrue(report.interpreted().isEmpty(), report.toString());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsCountsAndMemory() {
        List<Outcome> out = Tiers.assertCallsAgree(Tiers.both(module()), CALLS,
                inst -> new byte[][] {contents(inst.memory(0)), contents(inst.memory(1))});
        // The calls above are chosen so that some trap and most do not.
        assertEquals(15, out.stream().filter(o -> o.trap() != null).count());
    }

    @Test
    void everySmallFuelBudgetStopsBothTiersAtTheSamePoint() {
        Tiers.assertEveryBudgetAgrees(Tiers.both(module()), CALLS);
    }

    private static byte[] contents(Memory m) {
        return m.readBytes(0, m.byteSize());
    }
}
