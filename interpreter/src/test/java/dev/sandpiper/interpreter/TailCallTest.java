package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tail calls ({@code return_call}, {@code return_call_indirect}; spec 3.0, Execution > Control
 * Instructions): the callee replaces the caller's frame, so tail recursion of any depth runs in
 * constant space, while fuel, deadlines and the call-depth limit hold as for ordinary calls.
 */
class TailCallTest {
    private static final int MILLION = 1_000_000;
    /** Instructions per step of even/odd with n > 0, and of the last step (see {@link #evenOdd}). */
    private static final long STEP = 7;
    private static final long LAST = 4;

    /**
     * func 0 "even"(n) = n == 0 ? 1 : odd(n - 1); func 1 "odd"(n) = n == 0 ? 0 : even(n - 1), the
     * calls being {@code return_call} when {@code tail}, else {@code call}. A step with n > 0 runs
     * local.get, i32.eqz, if, local.get, i32.const, i32.sub and the call; the last one local.get,
     * i32.eqz, if and i32.const.
     */
    private static ModuleBytes evenOdd(boolean tail) {
        ModuleBytes m = ModuleBytes.module().type(types(I32), types(I32));
        for (int f = 0; f < 2; f++) {
            Code c = Code.code().localGet(0).op(Opcode.I32_EQZ).if_(I32).i32Const(1 - f).else_()
                    .localGet(0).i32Const(1).op(Opcode.I32_SUB);
            if (tail) {
                c.returnCall(1 - f);
            } else {
                c.call(1 - f);
            }
            m.function(0, c.end().end());
        }
        return m.export("even", ExternKind.FUNC, 0).export("odd", ExternKind.FUNC, 1);
    }

    @Test
    void aMillionDeepMutualTailRecursionRunsInConstantSpace() {
        Instance instance = Wasm.instantiate(evenOdd(true));
        assertEquals(1, instance.call("even", MILLION)[0]);
        assertEquals(1, instance.call("odd", MILLION + 1)[0]);
        assertEquals(0, instance.call("even", MILLION + 1)[0]);
    }

    @Test
    void theDepthLimitCountsTheEntryNotTheTailCalls() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(2));
        assertEquals(1, Wasm.instantiate(store, evenOdd(true)).call("even", MILLION)[0]);
        Instance plain = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(2)), evenOdd(false));
        TrapException trap = assertThrows(TrapException.class, () -> plain.call("even", 5));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
    }

    @Test
    void everyTailCallIsCountedAsAnInstructionLikeACall() {
        Store tailStore = new Store();
        Wasm.instantiate(tailStore, evenOdd(true)).call("even", 1000);
        Store callStore = new Store();
        Wasm.instantiate(callStore, evenOdd(false)).call("even", 1000);
        assertEquals(STEP * 1000 + LAST, tailStore.lastCallInstructions());
        assertEquals(callStore.lastCallInstructions(), tailStore.lastCallInstructions());
        Store big = new Store();
        Wasm.instantiate(big, evenOdd(true)).call("even", MILLION);
        assertEquals(STEP * MILLION + LAST, big.lastCallInstructions());
    }

    /**
     * Fuel runs out at poll points, function entries among them (interpreter/README.md, Fuel): the
     * last callee's entry block (local.get, i32.eqz, if) needs 3 of the budget, then its
     * {@code i32.const} is charged without a check.
     */
    @Test
    void fuelRunsOutAtTheSameCalleeEntryAsForCalls() {
        long needed = STEP * MILLION + LAST;
        Instance enough = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withFuel(needed - 1)), evenOdd(true));
        assertEquals(1, enough.call("even", MILLION)[0]);
        Store store = new Store(ExecutionLimits.DEFAULT.withFuel(needed - 2));
        Instance tooLittle = Wasm.instantiate(store, evenOdd(true));
        TrapException trap = assertThrows(TrapException.class, () -> tooLittle.call("even", MILLION));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertEquals(STEP * MILLION, store.lastCallInstructions(), "every step ran, the last entry did not");
    }

    /** func 0 "spin"(n) = return_call spin(n + 1): never returns. */
    private static ModuleBytes spinner() {
        return ModuleBytes.module().type(types(I32), types(I32))
                .function(0, Code.code().localGet(0).i32Const(1).op(Opcode.I32_ADD).returnCall(0).end())
                .export("spin", ExternKind.FUNC, 0);
    }

    @Test
    void aDeadlineStopsAnEndlessTailRecursion() {
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(50))),
                spinner());
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("spin", 0));
        assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
    }

    @Test
    void aTrapAfterATailCallShowsTheCalleeInPlaceOfTheReplacedFrame() {
        // func 0 outer: call 1; func 1 mid: return_call 2; func 2 boom: unreachable.
        ModuleBytes m = Wasm.withFunctionNames(ModuleBytes.module().type(List.of(), List.of())
                .function(0, Code.code().call(1).end())
                .function(0, Code.code().returnCall(2).end())
                .function(0, Code.code().unreachable().end())
                .export("outer", ExternKind.FUNC, 0), "outer", "mid", "boom");
        TrapException trap = assertThrows(TrapException.class, () -> Wasm.instantiate(m).call("outer"));
        assertEquals(TrapKind.UNREACHABLE, trap.kind());
        assertEquals(List.of("func 2 boom", "func 0 outer"), trap.wasmStack());
    }

    /**
     * Imports "env" "triple" ([i32] -> [i32], func 0); func 1 "direct"(n) = return_call triple(n);
     * func 2 "indirect"(n, i) = return_call_indirect table[i](n), the table holding triple and
     * func 3 ([i32] -> [i32], n + 1); func 4 "wrong"(n) calls table[0] as [] -> [i32].
     */
    private static Instance withHost() {
        CompiledModule module = Wasm.compile(ModuleBytes.module()
                .type(types(I32), types(I32)).type(types(I32, I32), types(I32)).type(List.of(), types(I32))
                .importFunc("env", "triple", 0)
                .function(0, Code.code().localGet(0).returnCall(0).end())
                .function(1, Code.code().localGet(0).localGet(1).returnCallIndirect(0, 0).end())
                .function(0, Code.code().localGet(0).i32Const(1).op(Opcode.I32_ADD).end())
                .function(0, Code.code().i32Const(0).returnCallIndirect(2, 0).end())
                .table(FUNCREF, 2, 2)
                .elemActive(ModuleBytes.i32Expr(0), 0, 3)
                .export("direct", ExternKind.FUNC, 1)
                .export("indirect", ExternKind.FUNC, 2)
                .export("wrong", ExternKind.FUNC, 4));
        return new Linker(new Store())
                .defineFunction("env", "triple", Wasm.funcType(types(I32), types(I32)),
                        (ctx, args, results) -> results[0] = 3 * args[0])
                .instantiate(module);
    }

    @Test
    void aTailCallToAHostFunctionReturnsItsResults() {
        Instance instance = withHost();
        assertEquals(21, instance.call("direct", 7)[0]);
        assertEquals(21, instance.call("indirect", 7, 0)[0], "through the table, to the host");
        assertEquals(8, instance.call("indirect", 7, 1)[0], "through the table, within the instance");
    }

    @Test
    void returnCallIndirectChecksTheTypeAndTheIndex() {
        Instance instance = withHost();
        assertEquals(TrapKind.INDIRECT_CALL_TYPE_MISMATCH,
                assertThrows(TrapException.class, () -> instance.call("wrong", 1)).kind());
        assertEquals(TrapKind.UNDEFINED_ELEMENT,
                assertThrows(TrapException.class, () -> instance.call("indirect", 1, 2)).kind());
    }
}
