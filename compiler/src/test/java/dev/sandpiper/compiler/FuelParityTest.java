package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fuel guardrail in the compiled tier is the interpreter's, to the instruction: for every budget
 * from 0 to one past what a call needs (sampled for long calls), both tiers complete or trap with the
 * same kind and the same {@code lastCallInstructions()} (for a call that traps, up to 20 past its count,
 * since its last block is charged whole before the refund). Programs: a loop storing to memory, recursive
 * calls (fib), a trap in the middle of a block, a trap in a callee in the middle of the caller's
 * block, and fuel running out inside a callee. After every fuel trap, the same instance completes a
 * call under a larger budget with the right result.
 */
class FuelParityTest {
    private static final List<ValType> NONE = List.of();

    /**
     * func 0 "loop" (param $n i32) (result i32): counts $i to $n storing each value at address 0; 10 per
     * iteration plus 1. func 1 "midtrap" (param $d i32) (result i32): 1 + 2, then / $d (traps for 0),
     * + 5, then memory load at $d * 4096 (traps for $d >= 16). func 2 "callee" (param i32) (result i32):
     * 100 / param + 1 (traps for 0). func 3 "caller" (param $x i32) (result i32): 7, 8, add, call
     * callee($x), add, 3, mul (one block around the call). func 4 "deep" (param $n i64) (result i64):
     * $n == 0 ? 0 : deep($n - 1) + 1, recursion with fuel running out in a callee.
     */
    static byte[] programs() {
        ValType[] oneI32 = {I32};
        return ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .type(List.of(I64), List.of(I64))
                .memory(1, -1)
                .function(0, oneI32, Code.code()
                        .loop()
                        .i32Const(0).localGet(1).i32Const(1).op(Opcode.I32_ADD).localTee(1).mem(Opcode.I32_STORE, 2, 0)
                        .localGet(1).localGet(0).op(Opcode.I32_LT_U).brIf(0)
                        .end()
                        .localGet(1)
                        .end())
                .function(0, Code.code()
                        .i32Const(1).i32Const(2).op(Opcode.I32_ADD).localGet(0).op(Opcode.I32_DIV_U)
                        .i32Const(5).op(Opcode.I32_ADD)
                        .localGet(0).i32Const(4096).op(Opcode.I32_MUL).mem(Opcode.I32_LOAD, 2, 0)
                        .op(Opcode.I32_ADD).i32Const(1).op(Opcode.I32_XOR)
                        .end())
                .function(0, Code.code().i32Const(100).localGet(0).op(Opcode.I32_DIV_S).i32Const(1).op(Opcode.I32_ADD).end())
                .function(0, Code.code()
                        .i32Const(7).i32Const(8).op(Opcode.I32_ADD).localGet(0).call(2).op(Opcode.I32_ADD)
                        .i32Const(3).op(Opcode.I32_MUL).end())
                .function(1, Code.code()
                        .localGet(0).op(Opcode.I64_EQZ).if_(I64).i64Const(0)
                        .else_().localGet(0).i64Const(1).op(Opcode.I64_SUB).call(4).i64Const(1).op(Opcode.I64_ADD).end()
                        .end())
                .export("loop", ExternKind.FUNC, 0)
                .export("midtrap", ExternKind.FUNC, 1)
                .export("caller", ExternKind.FUNC, 3)
                .export("deep", ExternKind.FUNC, 4)
                .build();
    }

    @Test
    void aLoopStopsAtTheSameInstruction() {
        assertSameStopEverywhere(programs(), "loop", 40);
    }

    @Test
    void aTrapInTheMiddleOfABlockCountsTheSame() {
        CompiledModule[] tiers = Tiers.both(programs());
        Outcome[] byZero = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "midtrap", 0);
        // i32.const 1, i32.const 2, i32.add, local.get 0, i32.div_u (traps): 5 instructions.
        assertEquals(new Outcome(null, TrapKind.INTEGER_DIVIDE_BY_ZERO, 5), byZero[0]);
        assertEquals(byZero[0], byZero[1]);
        Outcome[] outOfBounds = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "midtrap", 16);
        // ... + i32.const 5, i32.add, local.get 0, i32.const 4096, i32.mul, i32.load (traps): 11.
        assertEquals(new Outcome(null, TrapKind.MEMORY_OUT_OF_BOUNDS, 11), outOfBounds[0]);
        assertEquals(outOfBounds[0], outOfBounds[1]);
        assertSameStopEverywhere(programs(), "midtrap", 0);
        assertSameStopEverywhere(programs(), "midtrap", 16);
        assertSameStopEverywhere(programs(), "midtrap", 3);
    }

    @Test
    void aTrapInACalleeCountsTheSame() {
        CompiledModule[] tiers = Tiers.both(programs());
        Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "caller", 0);
        // caller: i32.const 7, i32.const 8, i32.add, local.get 0, call (5); callee: i32.const 100,
        // local.get 0, i32.div_s (traps) (3): 8.
        assertEquals(new Outcome(null, TrapKind.INTEGER_DIVIDE_BY_ZERO, 8), o[0]);
        assertEquals(o[0], o[1]);
        assertSameStopEverywhere(programs(), "caller", 0);
        assertSameStopEverywhere(programs(), "caller", 4);
    }

    /**
     * func 0 "indirect" (param $i i32) (result i32): 1 + 2, drop, then call_indirect (type 0) $i
     * with argument $i, + 1. The table has 3 elements: [0] func 0 (so $i = 0 recurses until the depth
     * limit), [1] func 1 of another type, [2] null. A trap in call_indirect's own checks (no callee
     * ran) counts the instructions up to it: i32.const, i32.const, i32.add, drop, local.get,
     * local.get, call_indirect = 7.
     */
    @Test
    void aTrapInCallIndirectsChecksCountsTheSame() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .type(NONE, List.of(I64))
                .table(ValType.FUNCREF, 3, -1)
                .function(0, Code.code().i32Const(1).i32Const(2).op(Opcode.I32_ADD).drop()
                        .localGet(0).localGet(0).callIndirect(0, 0).i32Const(1).op(Opcode.I32_ADD).end())
                .function(1, Code.code().i64Const(9).end())
                .elemActive(ModuleBytes.i32Expr(0), 0, 1)
                .export("indirect", ExternKind.FUNC, 0)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxCallDepth(50);
        TrapKind[] kinds = {TrapKind.CALL_STACK_EXHAUSTED, TrapKind.INDIRECT_CALL_TYPE_MISMATCH,
                TrapKind.UNINITIALIZED_ELEMENT, TrapKind.UNDEFINED_ELEMENT};
        for (int i = 0; i < 4; i++) {
            Outcome[] o = Tiers.callBoth(tiers, limits, "indirect", i);
            assertEquals(kinds[i], o[0].trap(), "indirect(" + i + ")");
            if (i > 0) {
                assertEquals(new Outcome(null, kinds[i], 7), o[0], "indirect(" + i + ")");
            }
            assertEquals(o[0], o[1], "indirect(" + i + ") (interpreter, compiled)");
        }
    }

    /**
     * func 0 "ifend" (param $c i32) (result i32): local.get $c, if (result i32) [i32.const 1,
     * return] else [i32.const 2] end, i32.const 3, i32.add. The then branch never reaches the end,
     * so for $c = 0 the interpreter runs the else branch and the code after the end as one basic
     * block of 3 (the end is no merge point). Only the entry block (2) is a poll point: with fuel 2
     * to 4 the call completes after 5 instructions, with less it stops before any.
     */
    @Test
    void anIfWhoseThenBranchNeverFallsThroughChargesOneBlockAfterElse() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .function(0, Code.code().localGet(0).if_(I32).i32Const(1).return_().else_().i32Const(2).end()
                        .i32Const(3).op(Opcode.I32_ADD).end())
                .export("ifend", ExternKind.FUNC, 0)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        for (long fuel = 0; fuel <= 6; fuel++) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), "ifend", 0);
            assertEquals(fuel >= 2 ? new Outcome(new long[] {5}, null, 5) : new Outcome(null, TrapKind.FUEL_EXHAUSTED,
                    0), o[0], "interpreter, fuel " + fuel);
            assertEquals(o[0], o[1], "ifend(0) with fuel " + fuel + " (interpreter, compiled)");
        }
        assertSameStopEverywhere(bytes, "ifend", 0);
        assertSameStopEverywhere(bytes, "ifend", 1);
    }

    /**
     * Loops whose fuel the compiled tier charges on the edges ({@code FuelPlan}): func 0 "callee"
     * (param i32) (result i32) is 100 / param + 1 (traps for 0); funcs 1 "scan" and 2 "scanCall"
     * (param $n i32) (result i32) loop $i from 1, leaving when $i = $n, through an if/else diamond,
     * a br_if out of an inner block and a trap site in the middle of a block: $acc += 1000 / (13 -
     * $i) in scan (traps at $i = 13), $acc += callee(17 - $i) in scanCall (traps in the callee at
     * $i = 17); the loop's back edge is a br_if. Every budget stops both tiers at the same point.
     */
    @Test
    void aLoopOfBranchesChargedOnItsEdgesStopsAtTheSamePoint() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .function(0, Code.code().i32Const(100).localGet(0).op(Opcode.I32_DIV_S).i32Const(1).op(Opcode.I32_ADD).end())
                .function(0, new ValType[] {I32, I32}, scan(false))
                .function(0, new ValType[] {I32, I32}, scan(true))
                .export("scan", ExternKind.FUNC, 1)
                .export("scanCall", ExternKind.FUNC, 2)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "scan", 20)[0].trap());
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO,
                Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "scanCall", 20)[0].trap());
        for (String name : List.of("scan", "scanCall")) {
            for (long n : new long[] {1, 2, 5, 10, 20}) {
                assertSameStopEverywhere(bytes, name, n);
            }
        }
    }

    private static Code scan(boolean callTrap) {
        Code c = Code.code()
                .block().loop()
                .localGet(1).i32Const(1).op(Opcode.I32_ADD).localSet(1)
                .localGet(1).localGet(0).op(Opcode.I32_EQ).brIf(1)
                .localGet(1).i32Const(1).op(Opcode.I32_AND)
                .if_().localGet(2).localGet(1).op(Opcode.I32_ADD).localSet(2)
                .else_().localGet(2).i32Const(1).op(Opcode.I32_SUB).localSet(2).end()
                .block().localGet(1).i32Const(3).op(Opcode.I32_AND).op(Opcode.I32_EQZ).brIf(0)
                .localGet(2).i32Const(7).op(Opcode.I32_XOR).localSet(2).end();
        if (callTrap) {
            c.localGet(2).i32Const(17).localGet(1).op(Opcode.I32_SUB).call(0).op(Opcode.I32_ADD).localSet(2);
        } else {
            c.localGet(2).i32Const(1000).i32Const(13).localGet(1).op(Opcode.I32_SUB).op(Opcode.I32_DIV_S)
                    .op(Opcode.I32_ADD).localSet(2);
        }
        return c.localGet(1).i32Const(1000).op(Opcode.I32_LT_U).brIf(0)
                .end().end()
                .localGet(2).end();
    }

    /**
     * (param $n i32) (result i32): counts $i to $n through a call of $inc in every iteration, so the
     * loop is not one of {@code TightLoops}' small ones and its head's poll, when it runs out, goes
     * back to its check ({@code FuelBlocks.loopHead}). Every budget stops both tiers at the same
     * point, and the check run again costs nothing.
     */
    @Test
    void aLoopWithACallStopsAtTheSamePoint() {
        byte[] bytes = Wat.parseModule("""
                (module
                  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "calls") (param $n i32) (result i32) (local $i i32)
                    (loop $l
                      (local.set $i (call $inc (local.get $i)))
                      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
                    (local.get $i)))
                """, "calls.wat");
        assertSameStopEverywhere(bytes, "calls", 30);
    }

    @Test
    void fuelRunningOutInDeepCallsStopsAtTheSamePoint() {
        assertSameStopEverywhere(programs(), "deep", 50);
    }

    @Test
    void recursiveFibStopsAtTheSamePoint() throws IOException {
        byte[] fib = Files.readAllBytes(Path.of("..", "examples", "engine", "fib.wasm"));
        assertSameStopEverywhere(fib, "fib", 12);
    }

    /**
     * Runs {@code name(arg)} unlimited, then under every budget from 0 to one past its count, or 20
     * past it when the call traps (about 300 sampled budgets when longer), in a fresh instance of
     * each tier: same outcome each time. The interpreter's own rule is checked too: the exact count
     * completes; less either runs out of fuel or completes the same, having run past the budget
     * only after its last poll point (a function entry or loop head). Each instance that ran out of
     * fuel then completes the call under an unlimited budget.
     */
    private static void assertSameStopEverywhere(byte[] bytes, String name, long arg) {
        CompiledModule[] tiers = Tiers.both(bytes);
        Outcome[] full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, name, arg);
        assertEquals(full[0], full[1], name + "(" + arg + ") unlimited");
        long n = full[0].instructions();
        TreeSet<Long> budgets = new TreeSet<>();
        // A trapping call is charged its whole last block before the refund: allow for that block.
        long top = full[0].trap() == null ? n + 1 : n + 20;
        if (n <= 600) {
            for (long f = 0; f <= top; f++) {
                budgets.add(f);
            }
        } else {
            for (long f = 0; f <= 100; f++) {
                budgets.add(f);
                budgets.add(top - f);
                budgets.add(n * f / 100);
            }
        }
        for (long fuel : budgets) {
            ExecutionLimits limits = ExecutionLimits.DEFAULT.withFuel(fuel);
            Outcome[] out = new Outcome[2];
            for (int t = 0; t < 2; t++) {
                Instance instance = Tiers.instantiate(tiers[t], limits);
                out[t] = Tiers.call(instance, name, arg);
                if (out[t].trap() == TrapKind.FUEL_EXHAUSTED) {
                    instance.store().limits(ExecutionLimits.DEFAULT);
                    Outcome again = Tiers.call(instance, name, arg);
                    assertEquals(full[0], again, Tiers.name(t) + ": " + name + "(" + arg
                            + ") after running out of fuel at budget " + fuel);
                }
            }
            assertEquals(out[0], out[1], name + "(" + arg + ") with fuel " + fuel + " (interpreter, compiled)");
            if (fuel >= n && full[0].trap() == null || fuel == top) {
                assertEquals(full[0], out[0], "fuel " + fuel + " suffices");
            } else if (fuel < n && out[0].trap() != TrapKind.FUEL_EXHAUSTED) {
                assertEquals(full[0], out[0], "fuel " + fuel + " ran out after the last poll point");
            }
        }
        if (full[0].trap() == null) {
            assertNull(full[1].trap());
            assertArrayEquals(full[0].results(), full[1].results());
        }
    }
}
