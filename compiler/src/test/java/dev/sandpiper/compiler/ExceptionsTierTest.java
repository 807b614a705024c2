package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.Tag;
import dev.sandpiper.interpreter.ThrownException;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Exception handling compiles (spec 3.0: {@code throw}, {@code throw_ref}, {@code try_table}; the
 * legacy {@code try}, {@code catch}, {@code catch_all}, {@code rethrow}, {@code delegate}): every
 * function of these modules is compiled, and both tiers give the same results, traps, uncaught
 * exceptions (tag and payload) and instruction counts, under every small fuel budget too (budgets
 * that stop mid-throw, inside a handler's target loop, between the throws of a loop). Exceptions
 * cross host and compiled frames both ways; a trap is never caught; a tail call leaves its
 * frame's handlers behind; call-depth limits stop both tiers at the same call; a deadline stops a
 * loop of throws and catches; compiled without fuel counting, the results are the same.
 */
class ExceptionsTierTest {
    static final String WAT = """
            (module
              (import "env" "hostThrow" (func $hostThrow (param i32)))
              (import "env" "tag" (tag $host (param i32)))
              (tag $e (export "e") (param i32))
              (tag $e2 (param i64 i32))
              (tag $v (param v128))
              (tag $empty (export "empty"))
              (memory 1 3)
              ;; 100 for 0; throws $e2 (-5, 7) for 1, $empty for 2, traps for 3, else throws $e n
              (func $thrower (param $n i32) (result i32)
                (if (i32.eqz (local.get $n)) (then (return (i32.const 100))))
                (if (i32.eq (local.get $n) (i32.const 1)) (then (throw $e2 (i64.const -5) (i32.const 7))))
                (if (i32.eq (local.get $n) (i32.const 2)) (then (throw $empty)))
                (if (i32.eq (local.get $n) (i32.const 3)) (then (drop (i32.div_u (i32.const 1) (i32.const 0)))))
                (throw $e (local.get $n)))
              (func $middle (export "escape") (param $n i32) (result i32)
                (i32.add (call $thrower (local.get $n)) (i32.const 1)))
              ;; an operand under the catch's label: 1000 + payload, or 1000 + result + 7
              (func (export "spill") (param $n i32) (result i32)
                (i32.add (i32.const 1000)
                  (block $h (result i32)
                    (try_table (result i32) (catch $e $h)
                      (i32.add (call $middle (local.get $n)) (i32.const 7))))))
              ;; clauses in order; catch_all_ref, then throw_ref into another handler
              (func (export "clauses") (param $n i32) (result i64) (local $x exnref)
                (block $all (result exnref)
                  (block $two (result i64 i32)
                    (try_table (catch $e2 $two) (catch_all_ref $all)
                      (drop (call $middle (local.get $n))))
                    (return (i64.const -1)))
                  (i64.extend_i32_u)
                  (i64.add)
                  (return))
                (local.set $x)
                (block $e1 (result i32)
                  (try_table (catch $e $e1)
                    (throw_ref (local.get $x)))
                  (unreachable))
                (i64.extend_i32_s)
                (i64.const 10000)
                (i64.add))
              ;; a loop head as the catch's label: the payload is the loop's parameter
              (func (export "retry") (param $n i32) (result i32) (local $sum i32)
                (local.get $n)
                (loop $again (param i32) (result i32)
                  (local.set $n)
                  (local.set $sum (i32.add (local.get $sum) (local.get $n)))
                  (try_table (result i32) (catch $e $again)
                    (if (i32.gt_u (local.get $n) (i32.const 4))
                      (then (throw $e (i32.sub (local.get $n) (i32.const 1)))))
                    (local.get $sum))))
              ;; the function's label as the catch's: returns the payload
              (func (export "toFunc") (param $n i32) (result i32)
                (try_table (catch $e 0)
                  (drop (call $middle (local.get $n))))
                (i32.const -7))
              (func (export "fromHost") (param $n i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $host $h)
                    (call $hostThrow (local.get $n)))
                  (i32.const -1)))
              ;; tail calls leave this frame's handlers behind
              (func (export "tailInTry") (param $n i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $e $h)
                    (return_call $middle (local.get $n)))
                  (i32.const 0)))
              ;; a tail callee's exception reaches the handlers of the frame the tail call returns to
              (func $tailer (param $n i32) (result i32)
                (return_call $middle (local.get $n)))
              (func (export "catchTail") (param $n i32) (result i32)
                (block $h (result i32)
                  (try_table (result i32) (catch $e $h)
                    (i32.add (call $tailer (local.get $n)) (i32.const 1000)))))
              (func (export "tailHost") (param $n i32)
                (drop (block $h (result i32)
                  (try_table (catch $host $h)
                    (return_call $hostThrow (local.get $n)))
                  (i32.const 0))))
              (func (export "vec") (param $n i32) (result i64)
                (block $h (result v128)
                  (try_table (catch $v $h)
                    (throw $v (i64x2.splat (i64.extend_i32_u (local.get $n)))))
                  (v128.const i64x2 0 0))
                (i64x2.extract_lane 1))
              ;; a handler that does not match passes the exception on through its frame
              (func $inner (param $n i32) (result i32)
                (block $h (result i64 i32)
                  (try_table (result i32) (catch $e2 $h)
                    (call $middle (local.get $n)))
                  (return))
                (drop)
                (drop)
                (i32.const 55))
              (func (export "nested") (param $n i32) (result i32)
                (block $h (result i32)
                  (try_table (result i32) (catch $e $h)
                    (i32.mul (call $inner (local.get $n)) (i32.const 2)))))
              ;; a throw and a catch per iteration
              (func (export "many") (param $n i32) (result i32) (local $acc i32)
                (block $done
                  (loop $l
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $acc (i32.add (local.get $acc)
                      (block $h (result i32)
                        (try_table (result i32) (catch $e $h)
                          (call $thrower (i32.add (local.get $n) (i32.const 3)))))))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $l)))
                (local.get $acc))
              ;; an exnref kept in a local and thrown again (null traps)
              (func (export "refAgain") (param $n i32) (result i32) (local $x exnref)
                (local.set $x (block $h (result exnref)
                  (try_table (catch_all_ref $h) (drop (call $middle (local.get $n))))
                  (ref.null exn)))
                (block $a (result i32)
                  (try_table (catch $e $a) (throw_ref (local.get $x)))
                  (i32.const 0)))
              ;; catch_ref to a label of two values, a v128 and an i64 under it, a try_table with a parameter
              (func (export "refPayload") (param $n i32) (result i64) (local $x exnref) (local $t i64)
                (v128.const i64x2 5 6)
                (i64.const 40)
                (block $h (result i32 exnref)
                  (local.get $n)
                  (try_table (param i32) (result i32 exnref) (catch_ref $e $h)
                    (call $middle)
                    (ref.null exn)))
                (local.set $x)
                (i64.extend_i32_u)
                (i64.add)
                (local.set $t)
                (i64x2.extract_lane 1)
                (local.get $t)
                (i64.add)
                (i64.extend_i32_u (ref.is_null (local.get $x)))
                (i64.add))
              ;; a callee grows memory, then throws: the catcher reads the new page
              (func $growThrow (param $n i32) (result i32)
                (drop (memory.grow (i32.const 1)))
                (i32.store (i32.const 70000) (local.get $n))
                (throw $e (local.get $n)))
              (func (export "growCatch") (param $n i32) (result i32)
                (drop (i32.load (i32.const 16)))
                (drop (block $h (result i32)
                  (try_table (result i32) (catch $e $h) (call $growThrow (local.get $n)))))
                (i32.load (i32.const 70000)))
              ;; legacy instructions
              (func (export "legacy") (param $n i32) (result i32)
                (try (result i32)
                  (do (call $middle (local.get $n)))
                  (catch $e (i32.add (i32.const 500)))
                  (catch_all (i32.const -2))))
              (func (export "legacyRethrow") (param $n i32) (result i32)
                (i32.add (i32.const 3)
                  (try (result i32)
                    (do
                      (try (result i32)
                        (do (call $middle (local.get $n)))
                        (catch_all (rethrow 0))))
                    (catch $e)
                    (catch $empty (i32.const 77)))))
              (func (export "legacyDelegate") (param $n i32) (result i32)
                (try $outer (result i32)
                  (do
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do (call $middle (local.get $n)))
                          (delegate $outer)))
                      (catch_all (i32.const -100))))
                  (catch $e (i32.const 900) (i32.add))
                  (catch_all (i32.const -200))))
              (func (export "delegateOut") (param $n i32) (result i32)
                (try (result i32)
                  (do
                    (try (result i32)
                      (do (call $middle (local.get $n)))
                      (delegate 1)))
                  (catch_all (i32.const -3))))
              ;; a catch arm after a body that cannot end normally, with a loop in the arm
              (func (export "deadBody") (param $n i32) (result i32) (local $i i32)
                (try (result i32)
                  (do (throw $e (local.get $n)))
                  (catch $e
                    (local.set $i)
                    (loop $l
                      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                      (br_if $l (i32.gt_s (local.get $i) (i32.const 0))))
                    (local.get $i))))
            )
            """;

    static final Object[][] CALLS = {
        {"spill", 0L}, {"spill", 9L}, {"spill", 1L}, {"spill", 3L},
        {"clauses", 0L}, {"clauses", 1L}, {"clauses", 2L}, {"clauses", 3L}, {"clauses", 8L},
        {"retry", 2L}, {"retry", 10L}, {"toFunc", 0L}, {"toFunc", 6L}, {"toFunc", 2L},
        {"fromHost", 0L}, {"fromHost", 5L}, {"tailInTry", 0L}, {"tailInTry", 5L}, {"tailHost", 0L},
        {"tailHost", 4L}, {"vec", 12L}, {"nested", 0L}, {"nested", 1L}, {"nested", 6L}, {"nested", 2L},
        {"many", 5L}, {"refAgain", 0L}, {"refAgain", 6L}, {"refAgain", 2L}, {"legacy", 0L}, {"legacy", 4L},
        {"legacy", 2L}, {"legacy", 3L}, {"legacyRethrow", 5L}, {"legacyRethrow", 2L}, {"legacyRethrow", 1L},
        {"legacyDelegate", 5L}, {"legacyDelegate", 2L}, {"legacyDelegate", 0L}, {"delegateOut", 5L},
        {"delegateOut", 0L}, {"deadBody", 4L}, {"escape", 9L}, {"refPayload", 0L}, {"refPayload", 9L},
        {"refPayload", 2L}, {"refPayload", 3L}, {"growCatch", 8L}, {"catchTail", 0L},
        {"catchTail", 7L},
    };

    /** What one call did: results, a trap's kind, or an uncaught exception's tag and payload; and the count. */
    record Outcome(long[] results, TrapKind trap, String tag, long[] payload, long instructions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome x && Arrays.equals(results, x.results) && trap == x.trap
                    && Objects.equals(tag, x.tag) && Arrays.equals(payload, x.payload)
                    && instructions == x.instructions;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(results) + Objects.hashCode(trap) + Objects.hashCode(tag);
        }

        @Override
        public String toString() {
            String what = trap != null ? "trap " + trap
                    : tag != null ? "exception " + tag + " " + Arrays.toString(payload) : Arrays.toString(results);
            return what + " after " + instructions + " instructions";
        }
    }

    static byte[] module() {
        return Wat.parseModule(WAT, "exceptions.wat");
    }

    static final Tag HOST_TAG = new Tag("env.tag", FuncType.of(List.of(ValType.I32), List.of()));

    static Instance instantiate(CompiledModule m, ExecutionLimits limits) {
        return new Linker(new Store(limits)).define("env", "tag", HOST_TAG)
                .defineFunction("env", "hostThrow", FuncType.of(List.of(ValType.I32), List.of()),
                        (ctx, args, results) -> {
                            if (args[0] != 0) {
                                throw new ThrownException(HOST_TAG, args[0] * 3);
                            }
                        })
                .instantiate(m);
    }

    static Outcome call(Instance inst, Object[] call) {
        try {
            long[] r = inst.call((String) call[0], Tiers.args(call));
            return new Outcome(r, null, null, null, inst.store().lastCallInstructions());
        } catch (TrapException t) {
            return new Outcome(null, t.kind(), null, null, inst.store().lastCallInstructions());
        } catch (ThrownException e) {
            return new Outcome(null, null, e.tag().name(), e.payload(), inst.store().lastCallInstructions());
        }
    }

    static Outcome[] callBoth(CompiledModule[] tiers, ExecutionLimits limits, Object[] call) {
        return new Outcome[] {call(instantiate(tiers[0], limits), call), call(instantiate(tiers[1], limits), call)};
    }

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertTrue(report.interpreted().isEmpty(), report.toString() + " " + report.interpreted());
        assertEquals(24, report.compiled());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsExceptionsAndCounts() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome[] o = callBoth(tiers, ExecutionLimits.DEFAULT, call);
            assertEquals(o[0], o[1], Arrays.toString(call) + " (interpreter, compiled)");
        }
        Instance inst = instantiate(tiers[1], ExecutionLimits.DEFAULT);
        assertEquals(1108, inst.call("spill", 0)[0]);
        assertEquals(1009, inst.call("spill", 9)[0]);
        assertEquals(2, inst.call("clauses", 1)[0]);
        assertEquals(10008, inst.call("clauses", 8)[0]);
        assertEquals(-1, inst.call("clauses", 0)[0]);
        assertEquals(10 + 9 + 8 + 7 + 6 + 5 + 4, inst.call("retry", 10)[0]);
        assertEquals(6, inst.call("toFunc", 6)[0]);
        assertEquals(-7, (int) inst.call("toFunc", 0)[0]);
        assertEquals(15, inst.call("fromHost", 5)[0]);
        assertEquals(12, inst.call("vec", 12)[0]);
        assertEquals(202, inst.call("nested", 0)[0]);
        assertEquals(110, inst.call("nested", 1)[0]);
        assertEquals(6, inst.call("nested", 6)[0]);
        assertEquals(8 + 7 + 6 + 5 + 4, inst.call("many", 5)[0]);
        assertEquals(6, inst.call("refAgain", 6)[0]);
        assertEquals(101, inst.call("legacy", 0)[0]);
        assertEquals(504, inst.call("legacy", 4)[0]);
        assertEquals(-2, (int) inst.call("legacy", 2)[0]);
        assertEquals(8, inst.call("legacyRethrow", 5)[0]);
        assertEquals(80, inst.call("legacyRethrow", 2)[0]);
        assertEquals(905, inst.call("legacyDelegate", 5)[0]);
        assertEquals(-200, (int) inst.call("legacyDelegate", 2)[0]);
        assertEquals(0, inst.call("deadBody", 4)[0]);
        assertEquals(40 + 101 + 6 + 1, inst.call("refPayload", 0)[0]);
        assertEquals(40 + 9 + 6, inst.call("refPayload", 9)[0]);
        assertEquals(8, inst.call("growCatch", 8)[0]);
        assertEquals(1101, inst.call("catchTail", 0)[0]);
        assertEquals(7, inst.call("catchTail", 7)[0]);
    }

    @Test
    void aTrapIsNeverCaught() {
        Instance inst = instantiate(Tiers.compiled(module()), ExecutionLimits.DEFAULT);
        for (String f : new String[] {"spill", "clauses", "legacy", "legacyRethrow", "legacyDelegate"}) {
            TrapException t = assertThrows(TrapException.class, () -> inst.call(f, 3), f);
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, t.kind(), f);
        }
        TrapException nullRef = assertThrows(TrapException.class, () -> inst.call("refAgain", 0));
        assertEquals(TrapKind.NULL_EXCEPTION_REFERENCE, nullRef.kind());
    }

    @Test
    void uncaughtExceptionsReachTheHostWithTheirTag() {
        Instance inst = instantiate(Tiers.compiled(module()), ExecutionLimits.DEFAULT);
        ThrownException e = assertThrows(ThrownException.class, () -> inst.call("escape", 9));
        assertSame(inst.export("e"), e.tag());
        assertArrayEquals(new long[] {9}, e.payload());
        ThrownException empty = assertThrows(ThrownException.class, () -> inst.call("clauses", 2));
        assertSame(inst.export("empty"), empty.tag());
        ThrownException tail = assertThrows(ThrownException.class, () -> inst.call("tailInTry", 5));
        assertSame(inst.export("e"), tail.tag(), "a tail callee's exception passes the caller's handlers");
        ThrownException host = assertThrows(ThrownException.class, () -> inst.call("tailHost", 4));
        assertSame(HOST_TAG, host.tag());
        assertArrayEquals(new long[] {12}, host.payload());
        ThrownException out = assertThrows(ThrownException.class, () -> inst.call("delegateOut", 5));
        assertSame(inst.export("e"), out.tag(), "delegate to the function's label skips the outer catch_all");
        assertEquals(101, inst.call("delegateOut", 0)[0], "the instance runs on");
    }

    /** Under call-depth limits of 1 to 5, both tiers stop at the same call (the handlers do not catch the trap). */
    @Test
    void callDepthLimitsStopBothTiersAlike() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            for (int depth = 1; depth <= 5; depth++) {
                Outcome[] o = callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(depth), call);
                assertEquals(o[0], o[1], Arrays.toString(call) + " at depth " + depth + " (interpreter, compiled)");
            }
        }
        Outcome shallow = call(instantiate(Tiers.compiled(module()), ExecutionLimits.DEFAULT.withMaxCallDepth(2)),
                new Object[] {"nested", 6L});
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, shallow.trap(), shallow.toString());
    }

    /** A loop that throws and catches forever stops at its deadline (within a generous bound), and the instance runs on. */
    @Test
    void aDeadlineStopsALoopOfThrowsAndCatches() {
        String wat = """
                (module
                  (tag $t)
                  (func $throw (throw $t))
                  (func (export "forever")
                    (loop $l
                      (block $h (try_table (catch_all $h) (call $throw)))
                      (br $l)))
                  (func (export "answer") (result i32) (i32.const 42)))
                """;
        Instance inst = new Linker(new Store(ExecutionLimits.DEFAULT.withTimeout(java.time.Duration.ofMillis(50))))
                .instantiate(Tiers.compiled(Wat.parseModule(wat, "forever.wat")));
        long start = System.nanoTime();
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("forever"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
        assertTrue(millis >= 50 && millis < 10_000, "stopped after " + millis + " ms");
        assertEquals(42, inst.call("answer")[0]);
    }

    /** Compiled without instruction counting (only entries and loop heads charged), the results are the same. */
    @Test
    void withoutFuelCountingTheResultsAreTheSame() {
        CompiledModule uncounted = CompiledModule.compile(module());
        CompileReport report = WasmCompiler.standard().withoutFuelCounting().compile(uncounted);
        assertTrue(report.interpreted().isEmpty(), report.toString());
        CompiledModule interpreted = Tiers.interpreted(module());
        for (Object[] call : CALLS) {
            Outcome expected = call(instantiate(interpreted, ExecutionLimits.DEFAULT), call);
            Outcome actual = call(instantiate(uncounted, ExecutionLimits.DEFAULT), call);
            assertEquals(new Outcome(expected.results(), expected.trap(), expected.tag(), expected.payload(), 0),
                    new Outcome(actual.results(), actual.trap(), actual.tag(), actual.payload(), 0),
                    Arrays.toString(call));
        }
    }

    @Test
    void everySmallFuelBudgetStopsBothTiersAtTheSamePoint() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome full = callBoth(tiers, ExecutionLimits.DEFAULT, call)[0];
            for (long fuel = 0; fuel <= full.instructions() + 1; fuel++) {
                Outcome[] o = callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), call);
                assertEquals(o[0], o[1], Arrays.toString(call) + " with fuel " + fuel + " (interpreter, compiled)");
            }
        }
    }
}
