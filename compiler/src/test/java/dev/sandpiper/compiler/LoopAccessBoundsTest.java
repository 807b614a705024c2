package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import org.junit.jupiter.api.Test;

/**
 * Loads and stores at offset 0 in small loops (TierLoopMemory's form, the array's length checked
 * first) trap exactly where the memory ends, also when its backing array is longer than the memory:
 * 2 pages grown by 1 to 3 keep a 4-page array ({@code Memory.grow} doubles it), so the 4th page is
 * there but out of bounds. Both tiers agree on results, traps, instruction counts and what the
 * stores wrote before trapping.
 */
class LoopAccessBoundsTest {
    private static final long END2 = 2 * 65536;
    private static final long END3 = 3 * 65536;

    /** Each export walks {@code count} values of its width from {@code address} up, one per iteration. */
    private static final String WAT = "(module (memory 2)\n"
            + "(func (export \"grow\") (result i32) (memory.grow (i32.const 1)))\n"
            + walk("sum8", 1, "(local.set $s (i64.add (local.get $s) (i64.load8_u (local.get $a))))")
            + walk("sum32", 4, "(local.set $s (i64.add (local.get $s) (i64.extend_i32_u (i32.load (local.get $a)))))")
            + walk("sum16", 2, "(local.set $s (i64.add (local.get $s) (i64.load16_s (local.get $a))))")
            + walk("fill8", 1, "(i32.store8 (local.get $a) (local.get $n))")
            + walk("fill64", 8, "(i64.store (local.get $a) (i64.const 0x0102030405060708))")
            + ")";

    /** A function (address, count) -> i64 running {@code step} in a loop, the address moving by {@code width}. */
    private static String walk(String name, int width, String step) {
        return "(func (export \"" + name + "\") (param $a i32) (param $n i32) (result i64) (local $s i64)\n"
                + "  (block (loop (br_if 1 (i32.eqz (local.get $n))) " + step + "\n"
                + "    (local.set $a (i32.add (local.get $a) (i32.const " + width + ")))\n"
                + "    (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br 0)))\n"
                + "  (local.get $s))\n";
    }

    @Test
    void smallLoopsTrapWhereTheMemoryEnds() {
        CompiledModule[] tiers = Tiers.both(Wat.parseModule(WAT, "loop-bounds.wat"));
        for (boolean grown : new boolean[] {false, true}) {
            long end = grown ? END3 : END2;
            Object[][] calls = {
                {"sum8", end - 16, 16L, null}, {"sum8", end - 16, 17L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"sum8", end, 1L, TrapKind.MEMORY_OUT_OF_BOUNDS}, {"sum8", 0xFFFF_FFFFL, 1L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"sum32", end - 16, 4L, null}, {"sum32", end - 15, 4L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"sum32", 0xFFFF_FFFEL, 1L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"sum16", end - 8, 4L, null}, {"sum16", end - 7, 4L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"fill8", end - 16, 16L, null}, {"fill8", end - 16, 20L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"fill64", end - 32, 4L, null}, {"fill64", end - 28, 4L, TrapKind.MEMORY_OUT_OF_BOUNDS},
                {"fill64", end - 4, 1L, TrapKind.MEMORY_OUT_OF_BOUNDS},
            };
            for (Object[] call : calls) {
                Outcome[] o = new Outcome[2];
                byte[][] memory = new byte[2][];
                for (int t = 0; t < 2; t++) {
                    Instance in = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT);
                    if (grown) {
                        assertEquals(2L, Tiers.call(in, "grow").results()[0]);
                    }
                    // Something to read: the last 64 bytes of the memory set to 1..64.
                    for (int i = 0; i < 64; i++) {
                        in.memory().writeByte(end - 64 + i, (byte) (i + 1));
                    }
                    o[t] = Tiers.call(in, (String) call[0], (Long) call[1], (Long) call[2]);
                    memory[t] = new byte[128];
                    for (int i = 0; i < 128; i++) {
                        memory[t][i] = in.memory().readByte(end - 128 + i);
                    }
                }
                String what = call[0] + " at " + call[1] + " x" + call[2] + (grown ? " (grown)" : "");
                assertEquals(call[3], o[0].trap(), what + ": the interpreter");
                if (call[0].equals("sum8") && o[0].trap() == null) {
                    assertEquals(904L, o[0].results()[0], what + ": 49 + 50 + ... + 64"); // the last 16 bytes
                }
                assertEquals(o[0], o[1], what + " (interpreter, compiled)");
                assertArrayEquals(memory[0], memory[1], what + ": the memory's last 128 bytes");
            }
        }
    }
}
