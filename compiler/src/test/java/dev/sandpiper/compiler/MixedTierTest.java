package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapKind;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A module whose one function is too large for the compiled tier (over HotSpot's 8,000-byte compile
 * limit, so it stays in the interpreter) called, directly and through {@code call_indirect}, from
 * compiled code: results, traps inside the interpreted callee, and the fuel stopping point for
 * budgets around every boundary match a module run entirely by the interpreter.
 */
class MixedTierTest {
    private static final int ADDS = 2500;

    /**
     * func 0 "huge" (param $x i32) (result i32): $x += 1, 2,500 times, then 100 / ($x - 2507) dropped
     * (traps for $x = 7), then $x. func 1 "direct" (param i32) (result i32): (1 + huge(p)) * 2.
     * func 2 "indirect": the same through call_indirect of table slot 0.
     */
    static byte[] module() {
        Code huge = Code.code();
        for (int i = 0; i < ADDS; i++) {
            huge.localGet(0).i32Const(1).op(Opcode.I32_ADD).localSet(0);
        }
        huge.i32Const(100).localGet(0).i32Const(ADDS + 7).op(Opcode.I32_SUB).op(Opcode.I32_DIV_S).drop().localGet(0).end();
        return ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .table(dev.sandpiper.decoder.model.ValType.FUNCREF, 1, -1)
                .function(0, huge)
                .function(0, Code.code().i32Const(1).localGet(0).call(0).op(Opcode.I32_ADD).i32Const(2).op(Opcode.I32_MUL).end())
                .function(0, Code.code().i32Const(1).localGet(0).i32Const(0).callIndirect(0, 0).op(Opcode.I32_ADD)
                        .i32Const(2).op(Opcode.I32_MUL).end())
                .elemActive(ModuleBytes.i32Expr(0), 0)
                .export("direct", ExternKind.FUNC, 1)
                .export("indirect", ExternKind.FUNC, 2)
                .build();
    }

    @Test
    void compiledCodeCallingAnInterpretedFunctionCountsTheSame() {
        CompiledModule interpreted = Tiers.interpreted(module());
        CompiledModule mixed = CompiledModule.compile(module());
        CompileReport report = WasmCompiler.standard().compile(mixed);
        assertEquals(2, report.compiled(), report.toString());
        assertTrue(report.interpreted().containsKey(0), "huge stays interpreted: " + report.interpreted());
        CompiledModule[] tiers = {interpreted, mixed};
        for (String name : List.of("direct", "indirect")) {
            for (long x : new long[] {0, 7, -5}) {
                Outcome[] full = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, name, x);
                assertEquals(full[0], full[1], name + "(" + x + ") (interpreter, mixed)");
                assertEquals(x == 7 ? TrapKind.INTEGER_DIVIDE_BY_ZERO : null, full[0].trap(), name + "(" + x + ")");
                long n = full[0].instructions();
                TreeSet<Long> budgets = new TreeSet<>();
                for (long f = 0; f <= 30; f++) {
                    budgets.add(f);
                    budgets.add(Math.max(0, n + 10 - f));
                    budgets.add(Math.max(0, 10_000 + 5 - f)); // around the first poll
                }
                for (long fuel : budgets) {
                    Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), name, x);
                    assertEquals(o[0], o[1], name + "(" + x + ") with fuel " + fuel + " (interpreter, mixed)");
                }
            }
        }
    }

    /** The interpreted callee runs one frame below its compiled caller: the depth limit stops both at the same call. */
    @Test
    void theDepthLimitCountsTheInterpretedCalleeAsTheInterpreterDoes() {
        CompiledModule[] tiers = {Tiers.interpreted(module()), CompiledModule.compile(module())};
        WasmCompiler.standard().compile(tiers[1]);
        for (String name : List.of("direct", "indirect")) {
            for (int depth = 1; depth <= 4; depth++) {
                Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(depth), name, 0);
                assertEquals(o[0], o[1], name + " with maxCallDepth " + depth + " (interpreter, mixed)");
                assertEquals(depth < 2 ? TrapKind.CALL_STACK_EXHAUSTED : null, o[0].trap(), name + " at " + depth);
            }
        }
    }
}
