package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.text.Wat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The instructions of typed function references compile (spec 3.0: {@code call_ref},
 * {@code return_call_ref}, {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}):
 * every function of these modules is compiled, and both tiers give the same results, traps and
 * instruction counts, under every small fuel budget too; {@code return_call_ref} runs a million
 * mutual tail calls at depth 1 in constant JVM stack; a reference to a host function is called
 * and returned from.
 */
class FunctionReferencesTierTest {
    static final String WAT = """
            (module
              (type $ii (func (param i32) (result i32)))
              (type $pair (func (param i32 v128) (result i64 i32)))
              (elem declare func $inc $boom $even $odd $pairs)
              (func $inc (param $n i32) (result i32) (i32.add (local.get $n) (i32.const 1)))
              (func $boom (param $n i32) (result i32) (i32.div_u (i32.const 10) (local.get $n)))
              (func $pairs (type $pair)
                (i64.extend_i32_u (i32x4.extract_lane 1 (local.get 1))) (local.get 0))
              ;; call_ref of $inc, $boom or null (n: 0 inc, 1 boom, else null)
              (func (export "apply") (param $which i32) (param $n i32) (result i32)
                (call_ref $ii (local.get $n)
                  (if (result (ref null $ii)) (i32.eqz (local.get $which))
                    (then (ref.func $inc))
                    (else (if (result (ref null $ii)) (i32.eq (local.get $which) (i32.const 1))
                      (then (ref.func $boom)) (else (ref.null $ii)))))))
              (func (export "pairs") (param $n i32) (result i64 i32)
                (call_ref $pair (local.get $n) (v128.const i32x4 5 6 7 8) (ref.func $pairs)))
              ;; mutual tail recursion through references
              (func $even (export "even") (param $n i32) (result i32)
                (if (result i32) (i32.eqz (local.get $n))
                  (then (i32.const 1))
                  (else (return_call_ref $ii (i32.sub (local.get $n) (i32.const 1)) (ref.func $odd)))))
              (func $odd (param $n i32) (result i32)
                (if (result i32) (i32.eqz (local.get $n))
                  (then (i32.const 0))
                  (else (i32.const 5) (return_call_ref $ii (i32.sub (local.get $n) (i32.const 1)) (ref.func $even)))))
              (func (export "tailNull") (param $n i32) (result i32)
                (return_call_ref $ii (local.get $n) (ref.null $ii)))
              (func (export "tailBoom") (param $n i32) (result i32)
                (return_call_ref $ii (local.get $n) (ref.func $boom)))
              ;; a caller of a function that tail-calls through a reference
              (func (export "caller") (param $n i32) (result i32)
                (i32.add (call $even (local.get $n)) (call_ref $ii (local.get $n) (ref.func $even))))
              (func (export "nonNull") (param $null i32) (result i32)
                (call_ref $ii (i32.const 41)
                  (ref.as_non_null (select (result (ref null $ii)) (ref.null $ii) (ref.func $inc) (local.get $null)))))
              ;; br_on_null: 100 + n under the reference; null branches with it, else calls the reference
              (func (export "onNull") (param $null i32) (param $n i32) (result i32) (local $r (ref null $ii))
                (block $b (result i32)
                  (i32.add (i32.const 100) (local.get $n))
                  (select (result (ref null $ii)) (ref.null $ii) (ref.func $inc) (local.get $null))
                  (br_on_null $b)
                  (local.set $r)
                  (drop (call_ref $ii (local.get $n) (local.get $r)))
                  (i32.const 7)
                  (i32.add)))
              ;; br_on_non_null: the reference goes to the label and is called there
              (func (export "onNonNull") (param $null i32) (param $n i32) (result i32)
                (call_ref $ii (local.get $n)
                  (block $b (result (ref $ii))
                    (br_on_non_null $b
                      (select (result (ref null $ii)) (ref.null $ii) (ref.func $inc) (local.get $null)))
                    (return (i32.const -1)))))
              ;; the function's own label: br_on_null returns the values under the reference
              (func (export "returnOnNull") (param $null i32) (result i32)
                (i32.const 9)
                (select (result (ref null $ii)) (ref.null $ii) (ref.func $inc) (local.get $null))
                (br_on_null 0)
                (call_ref $ii))
              ;; in a loop: count the non-null references among n alternating ones
              (func (export "loop") (param $n i32) (result i32) (local $count i32) (local $r (ref null $ii))
                (block $done
                  (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (block $null
                      (br_on_null $null
                        (select (result (ref null $ii)) (ref.null $ii) (ref.func $inc)
                          (i32.and (local.get $n) (i32.const 1))))
                      (local.set $r)
                      (local.set $count (call_ref $ii (local.get $count) (local.get $r))))
                    (br $next)))
                (local.get $count))
            )
            """;

    static final Object[][] CALLS = {
        {"apply", 0L, 41L}, {"apply", 1L, 5L}, {"apply", 1L, 0L}, {"apply", 2L, 3L}, {"pairs", 3L},
        {"even", 0L}, {"even", 7L}, {"even", 10L}, {"tailNull", 1L}, {"tailBoom", 2L}, {"tailBoom", 0L},
        {"caller", 5L}, {"nonNull", 0L}, {"nonNull", 1L}, {"onNull", 0L, 4L}, {"onNull", 1L, 4L},
        {"onNonNull", 0L, 4L}, {"onNonNull", 1L, 4L}, {"returnOnNull", 0L}, {"returnOnNull", 1L}, {"loop", 9L},
    };

    static byte[] module() {
        return Wat.parseModule(WAT, "function-references.wat");
    }

    @Test
    void everyFunctionCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertTrue(report.interpreted().isEmpty(), report.toString());
        assertEquals(15, report.compiled());
    }

    @Test
    void bothTiersAgreeOnResultsTrapsAndCounts() {
        CompiledModule[] tiers = Tiers.both(module());
        for (Object[] call : CALLS) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, (String) call[0], Tiers.args(call));
            assertEquals(o[0], o[1], call[0] + " " + Arrays.toString(Tiers.args(call)) + " (interpreter, compiled)");
        }
        Instance inst = Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT);
        assertEquals(42, inst.call("apply", 0, 41)[0]);
        assertEquals(2, inst.call("apply", 1, 5)[0]);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, Tiers.call(inst, "apply", 1, 0).trap());
        assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, Tiers.call(inst, "apply", 2, 3).trap());
        assertArrayEquals(new long[] {6, 3}, inst.call("pairs", 3));
        assertEquals(0, inst.call("even", 7)[0]);
        assertEquals(1, inst.call("even", 10)[0]);
        assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, Tiers.call(inst, "tailNull", 1).trap());
        assertEquals(5, inst.call("tailBoom", 2)[0]);
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, Tiers.call(inst, "tailBoom", 0).trap());
        assertEquals(0, inst.call("caller", 5)[0]);
        assertEquals(42, inst.call("nonNull", 0)[0]);
        assertEquals(TrapKind.NULL_REFERENCE, Tiers.call(inst, "nonNull", 1).trap());
        assertEquals(111, inst.call("onNull", 0, 4)[0]);
        assertEquals(104, inst.call("onNull", 1, 4)[0]);
        assertEquals(5, inst.call("onNonNull", 0, 4)[0]);
        assertEquals(-1, (int) inst.call("onNonNull", 1, 4)[0]);
        assertEquals(10, inst.call("returnOnNull", 0)[0]);
        assertEquals(9, inst.call("returnOnNull", 1)[0]);
        assertEquals(5, inst.call("loop", 9)[0]);
    }

    @Test
    void everySmallFuelBudgetStopsBothTiersAtTheSamePoint() {
        Tiers.assertEveryBudgetAgrees(Tiers.both(module()), CALLS);
    }

    @Test
    void aMillionTailCallsThroughReferencesRunAtDepthOne() {
        CompiledModule[] tiers = Tiers.both(module());
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxCallDepth(2);
        for (String f : new String[] {"even", "caller"}) {
            Outcome[] o = Tiers.callBoth(tiers, limits, f, 1_000_001);
            assertEquals(o[0], o[1], f);
            assertNull(o[1].trap(), f + ": " + o[1]);
        }
        Outcome[] over = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(1), "caller", 1_000_000);
        assertEquals(over[0], over[1]);
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, over[1].trap());
    }

    static final String HOST_WAT = """
            (module
              (import "env" "host" (func $host (param i32) (result i32)))
              (type $ii (func (param i32) (result i32)))
              (elem declare func $host)
              (func (export "call") (param $n i32) (result i32)
                (i32.add (i32.const 1) (call_ref $ii (local.get $n) (ref.func $host))))
              (func (export "tail") (param $n i32) (result i32)
                (return_call_ref $ii (local.get $n) (ref.func $host)))
            )
            """;

    /** A reference to a host function is called, and tail-called as a call and a return, as in the interpreter. */
    @Test
    void referencesToAHostFunctionGiveTheInterpretersResultsAndCounts() {
        CompiledModule[] tiers = Tiers.both(Wat.parseModule(HOST_WAT, "host-ref.wat"));
        for (Object[] call : new Object[][] {{"call", 4L}, {"tail", 4L}}) {
            Outcome full = hostCall(tiers[0], ExecutionLimits.DEFAULT, call);
            for (long fuel = 0; fuel <= full.instructions() + 1; fuel++) {
                ExecutionLimits limits = ExecutionLimits.DEFAULT.withFuel(fuel);
                assertEquals(hostCall(tiers[0], limits, call), hostCall(tiers[1], limits, call),
                        call[0] + " with fuel " + fuel + " (interpreter, compiled)");
            }
        }
        assertEquals(29, hostCall(tiers[1], ExecutionLimits.DEFAULT, new Object[] {"call", 4L}).results()[0]);
        assertEquals(28, hostCall(tiers[1], ExecutionLimits.DEFAULT, new Object[] {"tail", 4L}).results()[0]);
    }

    private static Outcome hostCall(CompiledModule m, ExecutionLimits limits, Object[] call) {
        Instance inst = new Linker(new Store(limits))
                .defineFunction("env", "host", FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
                        (ctx, args, results) -> results[0] = args[0] * 7)
                .instantiate(m);
        return Tiers.call(inst, (String) call[0], Tiers.args(call));
    }
}
