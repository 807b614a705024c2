package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.TrapKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Unbounded recursion in compiled code ends with {@link TrapKind#CALL_STACK_EXHAUSTED}: under the
 * default limits on the test's thread, on a thread with a 256 KiB stack (where the JVM's stack ends
 * first: a {@link StackOverflowError} must become the trap), and under a small {@code maxCallDepth},
 * where the compiled tier must also count the same instructions as the interpreter. After each trap
 * the instance answers a bounded call correctly, and the instruction count stays exact.
 */
class CallDepthTest {
    /**
     * func 0 "down" (param $n i64) (result i64): down($n + 1) + 1, forever (examples/engine/recursion.wat).
     * func 1 "count" (param $n i64) (result i64): $n == 0 ? 0 : count($n - 1) + 1, depth $n + 1.
     */
    static byte[] recursion() {
        return ModuleBytes.module()
                .type(List.of(I64), List.of(I64))
                .function(0, Code.code().localGet(0).i64Const(1).op(Opcode.I64_ADD).call(0).i64Const(1).op(Opcode.I64_ADD).end())
                .function(0, Code.code()
                        .localGet(0).op(Opcode.I64_EQZ).if_(I64).i64Const(0)
                        .else_().localGet(0).i64Const(1).op(Opcode.I64_SUB).call(1).i64Const(1).op(Opcode.I64_ADD).end()
                        .end())
                .export("down", ExternKind.FUNC, 0)
                .export("count", ExternKind.FUNC, 1)
                .build();
    }

    @Test
    void unboundedRecursionTrapsUnderDefaultLimits() {
        Instance instance = Tiers.instantiate(Tiers.compiled(recursion()), ExecutionLimits.DEFAULT);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, Tiers.call(instance, "down", 0).trap());
        assertEquals(500L, instance.call("count", 500)[0]);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, Tiers.call(instance, "down", 0).trap());
        assertEquals(7L, instance.call("count", 7)[0]);
    }

    @Test
    void unboundedRecursionTrapsOnASmallThreadStack() throws InterruptedException {
        CompiledModule m = Tiers.compiled(recursion());
        AtomicReference<Object> seen = new AtomicReference<>();
        Runnable r = () -> {
            try {
                Instance instance = Tiers.instantiate(m, ExecutionLimits.DEFAULT);
                Outcome first = Tiers.call(instance, "down", 0);
                Outcome after = Tiers.call(instance, "count", 20);
                Outcome second = Tiers.call(instance, "down", 0);
                Outcome afterSecond = Tiers.call(instance, "count", 30);
                seen.set(List.of(first.trap(), after.results()[0], second.trap(), afterSecond.results()[0]));
            } catch (Throwable t) {
                seen.set(t);
            }
        };
        Thread t = new Thread(null, r, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (seen.get() instanceof Throwable failure) {
            throw new AssertionError("on a 256 KiB stack: " + failure, failure);
        }
        assertEquals(List.of(TrapKind.CALL_STACK_EXHAUSTED, 20L, TrapKind.CALL_STACK_EXHAUSTED, 30L), seen.get());
    }

    /**
     * {@code Store.lastCallInstructions()} is exact "trap or no trap" (interpreter/README.md, Fuel),
     * also when the trap comes from the thread's stack running out: every frame of "down" executes
     * local.get, i64.const, i64.add, call before the next, so the count is a positive multiple of 4.
     */
    @Test
    void theCountIsExactWhenTheThreadsStackRunsOut() throws InterruptedException {
        CompiledModule m = Tiers.compiled(recursion());
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                seen.set(Tiers.call(Tiers.instantiate(m, ExecutionLimits.DEFAULT), "down", 0));
            } catch (Throwable e) {
                seen.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (seen.get() instanceof Throwable failure) {
            throw new AssertionError("on a 256 KiB stack: " + failure, failure);
        }
        Outcome o = (Outcome) seen.get();
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, o.trap());
        assertTrue(o.instructions() > 0 && o.instructions() % 4 == 0,
                "instructions counted after the stack overflow: " + o.instructions());
    }

    @Test
    void aSmallCallDepthLimitStopsBothTiersAtTheSameCall() {
        CompiledModule[] tiers = Tiers.both(recursion());
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxCallDepth(100);
        Outcome[] down = Tiers.callBoth(tiers, limits, "down", 0);
        // Each of the 100 frames ran local.get, i64.const, i64.add, call (4); the 101st call is refused.
        assertEquals(new Outcome(null, TrapKind.CALL_STACK_EXHAUSTED, 400), down[0]);
        assertEquals(down[0], down[1], "down(0) with maxCallDepth 100 (interpreter, compiled)");
        for (long n = 95; n <= 102; n++) {
            Outcome[] count = Tiers.callBoth(tiers, limits, "count", n);
            assertEquals(count[0], count[1], "count(" + n + ") with maxCallDepth 100 (interpreter, compiled)");
            if (n <= 99) {
                assertNull(count[0].trap(), "count(" + n + ") needs " + (n + 1) + " frames");
            } else {
                assertEquals(TrapKind.CALL_STACK_EXHAUSTED, count[0].trap());
            }
        }
        for (int t = 0; t < 2; t++) {
            Instance instance = Tiers.instantiate(tiers[t], limits);
            assertEquals(TrapKind.CALL_STACK_EXHAUSTED, Tiers.call(instance, "count", 150).trap());
            assertEquals(99L, instance.call("count", 99)[0], Tiers.name(t) + ": the instance after the trap");
        }
    }
}
