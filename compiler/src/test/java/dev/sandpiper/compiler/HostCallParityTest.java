package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuel and traps across host calls from compiled code: a host function that re-enters the same
 * instance (a nested call on the same store and budget, whose trap passes back through the host and
 * the compiled caller), and a budget spanning several calls ({@link Store#beginBudget}). Both tiers
 * stop at the same point with the same counts for every budget.
 */
class HostCallParityTest {
    /**
     * Import env.reenter (i32) -> i32: calls export "work" with its argument in the caller's instance.
     * func 1 "work" (param $n) (result i32): 1000 / ($n - 3) + a loop of $n iterations (traps for 3).
     * func 2 "outer" (param $n) (result i32): 5, 6, add, reenter($n), add, reenter($n + 1), mul.
     */
    static byte[] module() {
        return ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .importFunc("env", "reenter", 0)
                .function(0, new dev.sandpiper.decoder.model.ValType[] {I32}, Code.code()
                        .i32Const(1000).localGet(0).i32Const(3).op(Opcode.I32_SUB).op(Opcode.I32_DIV_S).localSet(1)
                        .block().localGet(0).op(Opcode.I32_EQZ).brIf(0)
                        .loop().localGet(1).i32Const(7).op(Opcode.I32_ADD).localSet(1)
                        .localGet(0).i32Const(1).op(Opcode.I32_SUB).localTee(0).brIf(0).end()
                        .end()
                        .localGet(1).end())
                .function(0, Code.code()
                        .i32Const(5).i32Const(6).op(Opcode.I32_ADD).localGet(0).call(0).op(Opcode.I32_ADD)
                        .localGet(0).i32Const(1).op(Opcode.I32_ADD).call(0).op(Opcode.I32_MUL).end())
                .export("work", ExternKind.FUNC, 1)
                .export("outer", ExternKind.FUNC, 2)
                .build();
    }

    static Instance instantiate(CompiledModule m, ExecutionLimits limits) {
        return new Linker(new Store(limits))
                .defineFunction("env", "reenter", FuncType.of(List.of(I32), List.of(I32)),
                        (ctx, args, results) -> results[0] = ctx.caller().call("work", args[0])[0])
                .instantiate(m);
    }

    @Test
    void reentrantHostCallsCountTheSameUnderEveryBudget() {
        CompiledModule[] tiers = Tiers.both(module());
        for (long n : new long[] {0, 1, 2, 5, 40}) {
            Outcome[] full = new Outcome[2];
            for (int t = 0; t < 2; t++) {
                full[t] = Tiers.call(instantiate(tiers[t], ExecutionLimits.DEFAULT), "outer", n);
            }
            assertEquals(full[0], full[1], "outer(" + n + ") (interpreter, compiled)");
            // outer(2) re-enters work(3), which divides by zero inside the host call.
            assertEquals(n == 2 ? TrapKind.INTEGER_DIVIDE_BY_ZERO : null, full[0].trap(), "outer(" + n + ")");
            for (long fuel = 0; fuel <= full[0].instructions() + 20; fuel++) {
                ExecutionLimits limits = ExecutionLimits.DEFAULT.withFuel(fuel);
                Outcome[] out = new Outcome[2];
                for (int t = 0; t < 2; t++) {
                    out[t] = Tiers.call(instantiate(tiers[t], limits), "outer", n);
                }
                assertEquals(out[0], out[1], "outer(" + n + ") with fuel " + fuel + " (interpreter, compiled)");
            }
        }
    }

    @Test
    void aBudgetOverSeveralCallsRunsOutAtTheSameCall() {
        CompiledModule[] tiers = Tiers.both(module());
        for (long budget : new long[] {0, 50, 333, 1000, 4321}) {
            String[] trace = new String[2];
            long[] used = new long[2];
            for (int t = 0; t < 2; t++) {
                Instance instance = instantiate(tiers[t], ExecutionLimits.DEFAULT);
                StringBuilder s = new StringBuilder();
                instance.store().beginBudget(budget, 0);
                for (int call = 0; call < 40; call++) {
                    Outcome o = Tiers.call(instance, "work", 10 + call % 5);
                    s.append(o.trap() == null ? o.results()[0] : o.trap()).append(' ');
                    if (o.trap() != null) {
                        break;
                    }
                }
                used[t] = instance.store().endBudget();
                trace[t] = s.toString();
                assertTrue(trace[t].endsWith("FUEL_EXHAUSTED "), Tiers.name(t) + ": the budget ran out: " + trace[t]);
            }
            assertEquals(trace[0], trace[1], "budget " + budget + ": results call by call (interpreter, compiled)");
            assertEquals(used[0], used[1], "budget " + budget + ": instructions used (interpreter, compiled)");
        }
    }

    @Test
    void aTrapInsideTheHostsNestedCallLeavesTheInstanceUsable() {
        for (int t = 0; t < 2; t++) {
            CompiledModule m = t == 0 ? Tiers.interpreted(module()) : Tiers.compiled(module());
            Instance instance = instantiate(m, ExecutionLimits.DEFAULT);
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, Tiers.call(instance, "outer", 2).trap(), Tiers.name(t));
            Outcome ok = Tiers.call(instance, "outer", 5);
            assertNull(ok.trap(), Tiers.name(t));
            // work(5) = 1000/2 + 5*7 = 535, work(6) = 1000/3 + 42 = 375: (11 + 535) * 375.
            assertEquals(546L * 375, ok.results()[0], Tiers.name(t));
        }
    }
}
