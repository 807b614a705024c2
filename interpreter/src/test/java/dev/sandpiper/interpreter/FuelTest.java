package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Instruction counting ({@link Store#lastCallInstructions()}) and fuel. The rule: every executed
 * instruction costs 1, except the structure markers {@code block}, {@code loop}, {@code else} and
 * {@code end}, which cost 0. Fuel is charged per basic block when the block starts; a block that
 * does not fit in the remaining fuel traps {@link TrapKind#FUEL_EXHAUSTED} before it runs; after a
 * trap inside a block, the block's instructions after the trapping one are refunded, so the count
 * is exactly the instructions executed, the trapping one included.
 *
 * <p>Each expected count below is worked out by hand, instruction by instruction, in a comment.
 */
class FuelTest {
    private static final List<ValType> NONE = List.of();

    /** One module with every function of the count tests; function indices are in the comments. */
    private static final ModuleBytes MODULE = ModuleBytes.module()
            .type(NONE, types(I32))            // type 0: [] -> [i32]
            .type(types(I32), types(I32))      // type 1: [i32] -> [i32]
            .type(types(I64), types(I64))      // type 2: [i64] -> [i64]
            .memory(1, -1)
            // func 0 "straight": i32.const 1, i32.const 2, i32.add, i32.const 3, i32.mul: 5 instructions
            .function(0, Code.code().i32Const(1).i32Const(2).op(Opcode.I32_ADD).i32Const(3).op(Opcode.I32_MUL).end())
            // func 1 "loop" (param $n) (local $i): counts $i up to $n, storing each value at address 0.
            //   (loop $l
            //     i32.const 0  local.get $i  i32.const 1  i32.add  local.tee $i  i32.store   ;; 6
            //     local.get $i  local.get $n  i32.lt_u  br_if $l)                           ;; 4 -> 10 per iteration
            //   local.get $i                                                               ;; 1 after the loop
            // $n iterations (at least one) cost 10 * $n + 1.
            .function(1, new ValType[] {I32}, Code.code()
                    .loop()
                    .i32Const(0).localGet(1).i32Const(1).op(Opcode.I32_ADD).localTee(1).mem(Opcode.I32_STORE, 2, 0)
                    .localGet(1).localGet(0).op(Opcode.I32_LT_U).brIf(0)
                    .end()
                    .localGet(1)
                    .end())
            // func 2 "if_else":
            //   local.get 0, if (result i32) [i32.const 10, i32.const 1, i32.add] else [i32.const 20] end
            //   then: local.get + if + 3 = 5; else: local.get + if + 1 = 3 (else and end are free)
            .function(1, Code.code()
                    .localGet(0).if_(I32).i32Const(10).i32Const(1).op(Opcode.I32_ADD).else_().i32Const(20).end()
                    .end())
            // func 3 "br_if": (block (result i32) i32.const 7, local.get 0, br_if 0, drop, i32.const 9)
            //   taken: 3; not taken: 5
            .function(1, Code.code()
                    .block(I32).i32Const(7).localGet(0).brIf(0).drop().i32Const(9).end()
                    .end())
            // func 4 "br_table":
            //   (block (block (block local.get 0, br_table 0 1 2)   ;; 2
            //           i32.const 100, nop, return)                 ;; case 0: +3 = 5
            //    i32.const 101, return)                             ;; case 1: +2 = 4
            //   i32.const 102                                       ;; default: +1 = 3
            .function(1, Code.code()
                    .block().block().block().localGet(0).brTable(new long[] {0, 1}, 2).end()
                    .i32Const(100).nop().return_().end()
                    .i32Const(101).return_().end()
                    .i32Const(102)
                    .end())
            // func 5 "add1": local.get 0, i32.const 1, i32.add: 3
            .function(1, Code.code().localGet(0).i32Const(1).op(Opcode.I32_ADD).end())
            // func 6 "calls": i32.const 5, call add1, call add1: 3 + 3 + 3 = 9
            .function(0, Code.code().i32Const(5).call(5).call(5).end())
            // func 7 "fac" (param i64):
            //   local.get 0, i64.eqz, if (result i64)   ;; 3
            //     i64.const 1                           ;; then: +1 -> fac(0) costs 4
            //   else
            //     local.get 0, local.get 0, i64.const 1, i64.sub, call fac, i64.mul   ;; else: +6 -> 9 + fac(n-1)
            //   end
            //   fac(n) costs 9n + 4.
            .function(2, Code.code()
                    .localGet(0).op(Opcode.I64_EQZ).if_(I64)
                    .i64Const(1)
                    .else_()
                    .localGet(0).localGet(0).i64Const(1).op(Opcode.I64_SUB).call(7).op(Opcode.I64_MUL)
                    .end()
                    .end())
            // func 8 "div": i32.const 1, drop, i32.const 100, local.get 0, i32.div_u, i32.const 1, i32.add
            //   7 instructions; with 0, the 5th (i32.div_u) traps: 5
            .function(1, Code.code()
                    .i32Const(1).drop().i32Const(100).localGet(0).op(Opcode.I32_DIV_U).i32Const(1).op(Opcode.I32_ADD)
                    .end())
            // func 9 "callee": i32.const 10, local.get 0, i32.div_s: 3; with 0 it traps at its 3rd
            .function(1, Code.code().i32Const(10).localGet(0).op(Opcode.I32_DIV_S).end())
            // func 10 "caller": nop, local.get 0, call callee, i32.const 1, i32.add, nop
            //   6 + callee's 3 = 9; when the callee traps: nop, local.get, call (3) + callee's 3 = 6
            .function(1, Code.code().nop().localGet(0).call(9).i32Const(1).op(Opcode.I32_ADD).nop().end())
            // func 11 "deep_caller": nop, local.get 0, call caller, nop, nop
            //   5 + caller's 9 = 14; when the callee traps: nop, local.get, call (3) + 6 = 9
            .function(1, Code.code().nop().localGet(0).call(10).nop().nop().end())
            // func 12 "early_return": i32.const 1, i32.const 2, return, (dead: i32.const 3, i32.add): 3
            .function(0, Code.code().i32Const(1).i32Const(2).return_().i32Const(3).op(Opcode.I32_ADD).end())
            // func 13 "if_no_else": local.get 0, if [i32.const 5, local.set 0] end, local.get 0
            //   true: 2 + 2 + 1 = 5; false: 2 + 1 = 3
            .function(1, Code.code().localGet(0).if_().i32Const(5).localSet(0).end().localGet(0).end())
            .export("straight", ExternKind.FUNC, 0)
            .export("loop", ExternKind.FUNC, 1)
            .export("if_else", ExternKind.FUNC, 2)
            .export("br_if", ExternKind.FUNC, 3)
            .export("br_table", ExternKind.FUNC, 4)
            .export("calls", ExternKind.FUNC, 6)
            .export("fac", ExternKind.FUNC, 7)
            .export("div", ExternKind.FUNC, 8)
            .export("callee", ExternKind.FUNC, 9)
            .export("caller", ExternKind.FUNC, 10)
            .export("deep_caller", ExternKind.FUNC, 11)
            .export("early_return", ExternKind.FUNC, 12)
            .export("if_no_else", ExternKind.FUNC, 13);

    private static final CompiledModule COMPILED = Wasm.compile(MODULE);

    private static Instance instance(Store store) {
        return new Linker(store).instantiate(COMPILED);
    }

    /** Calls {@code name} with unlimited fuel; checks its result and the instructions it executed. */
    private static void assertCount(String name, long expectedCount, long expectedResult, long... args) {
        Instance instance = instance(new Store());
        assertEquals(expectedResult, instance.call(name, args)[0], name + " result");
        assertEquals(expectedCount, instance.store().lastCallInstructions(), name + " instructions");
    }

    @Test
    void straightLineCode() {
        assertCount("straight", 5, 9);
    }

    @ParameterizedTest
    @CsvSource({"0, 11", "1, 11", "2, 21", "10, 101", "1000, 10001"})
    void loopCostsTenPerIterationPlusOne(int n, long count) {
        // n = 0 still runs the body once (the loop is do-while): 10 + 1.
        assertCount("loop", count, Math.max(n, 1), n);
    }

    @Test
    void ifElseChargesOnlyTheArmTaken() {
        assertCount("if_else", 5, 11, 1);
        assertCount("if_else", 3, 20, 0);
        assertCount("if_no_else", 5, 5, 1);
        assertCount("if_no_else", 3, 0, 0);
    }

    @Test
    void brIfTakenAndNotTaken() {
        assertCount("br_if", 3, 7, 1);
        assertCount("br_if", 5, 9, 0);
    }

    @Test
    void brTableEachTarget() {
        assertCount("br_table", 5, 100, 0);
        assertCount("br_table", 4, 101, 1);
        assertCount("br_table", 3, 102, 2);
        assertCount("br_table", 3, 102, -1); // out of range: the default
    }

    @Test
    void returnSkipsTheDeadCode() {
        assertCount("early_return", 3, 2);
    }

    @Test
    void callsCountTheCalleesInstructions() {
        assertCount("calls", 9, 7);
        assertCount("caller", 9, 6, 2);     // 10 / 2 + 1
        assertCount("deep_caller", 14, 6, 2);
    }

    @ParameterizedTest
    @CsvSource({"0, 4, 1", "1, 13, 1", "5, 49, 120", "20, 184, 2432902008176640000"})
    void recursionCounts(long n, long count, long factorial) {
        assertCount("fac", count, factorial, n);
    }

    /** Runs {@code name} expecting a trap of {@code kind}; returns the instructions counted. */
    private static long trappingCount(Instance instance, TrapKind kind, String name, long... args) {
        TrapException trap = assertThrows(TrapException.class, () -> instance.call(name, args));
        assertEquals(kind, trap.kind(), trap.getMessage());
        return instance.store().lastCallInstructions();
    }

    @Test
    void aTrapInTheMiddleOfABlockCountsUpToTheTrappingInstruction() {
        Instance instance = instance(new Store());
        assertEquals(5, trappingCount(instance, TrapKind.INTEGER_DIVIDE_BY_ZERO, "div", 0));
        assertEquals(51, instance.call("div", 2)[0]);
        assertEquals(7, instance.store().lastCallInstructions());
    }

    @Test
    void aTrapInACalleeRefundsTheRestOfEachCallersBlock() {
        Instance instance = instance(new Store());
        assertEquals(6, trappingCount(instance, TrapKind.INTEGER_DIVIDE_BY_ZERO, "caller", 0));
        assertEquals(9, trappingCount(instance, TrapKind.INTEGER_DIVIDE_BY_ZERO, "deep_caller", 0));
    }

    @Test
    void aTrapInAnotherInstanceOrAHostFunctionRefundsTheCallersBlock() {
        Store store = new Store();
        Instance lib = instance(store);
        // (import "lib" "callee" (func (param i32) (result i32)))   ;; func 0: lib's callee, 3 instructions
        // (import "env" "fail" (func))                              ;; func 1: throws a trap
        // func 2 "via_lib": nop, local.get 0, call 0, drop, nop, i32.const 0: with 0 traps after 3 + 3 = 6
        // func 3 "via_host": nop, call 1, nop, nop, i32.const 0: traps after nop, call = 2
        ModuleBytes user = ModuleBytes.module()
                .type(types(I32), types(I32))
                .type(NONE, NONE)
                .type(NONE, types(I32))
                .importFunc("lib", "callee", 0)
                .importFunc("env", "fail", 1)
                .function(0, Code.code().nop().localGet(0).call(0).drop().nop().i32Const(0).end())
                .function(2, Code.code().nop().call(1).nop().nop().i32Const(0).end())
                .export("via_lib", ExternKind.FUNC, 2)
                .export("via_host", ExternKind.FUNC, 3);
        Instance instance = new Linker(store)
                .define("lib", "callee", lib.export("callee"))
                .defineFunction("env", "fail", Wasm.funcType(NONE, NONE), (ctx, args, results) -> {
                    throw new TrapException(TrapKind.UNREACHABLE, "from the host");
                })
                .instantiate(Wasm.compile(user));
        assertEquals(6, trappingCount(instance, TrapKind.INTEGER_DIVIDE_BY_ZERO, "via_lib", 0));
        instance.call("via_lib", 5);
        assertEquals(9, store.lastCallInstructions()); // 6 + callee's 3
        assertEquals(2, trappingCount(instance, TrapKind.UNREACHABLE, "via_host"));
    }

    @Test
    void unreachableCountsAsExecuted() {
        // nop, nop, unreachable: 3, the trapping unreachable included
        Instance instance = Wasm.instantiate(ModuleBytes.module()
                .type(NONE, NONE)
                .function(0, Code.code().nop().nop().unreachable().end())
                .export("f", ExternKind.FUNC, 0));
        assertEquals(3, trappingCount(instance, TrapKind.UNREACHABLE, "f"));
    }

    // ------------------------------------------------------------------ fuel exhaustion

    /** Runs "loop" to 1,000,000 under {@code fuel}; it must trap; returns [count, value stored at 0]. */
    private static long[] exhaust(Instance instance, long fuel) {
        instance.store().limits(ExecutionLimits.DEFAULT.withFuel(fuel));
        instance.memory().writeInt(0, -1);
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("loop", 1_000_000));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertTrue(trap.getMessage().startsWith("fuel exhausted"), trap.getMessage());
        return new long[] {instance.store().lastCallInstructions(), instance.memory().readInt(0)};
    }

    @ParameterizedTest
    @CsvSource({
        // fuel, instructions executed, iterations completed (the value stored)
        "0, 0, -1",          // not even the first block (10) fits: nothing runs, nothing stored
        "9, 0, -1",
        "10, 10, 1",         // exactly one iteration
        "1234, 1230, 123",   // 123 iterations of 10; the 124th block does not fit in the 4 left
        "123457, 123450, 12345", // crosses several deadline polls (every 10,000 instructions)
    })
    void fuelExhaustionStopsBeforeTheFirstBlockThatDoesNotFit(long fuel, long count, int stored) {
        Instance instance = instance(new Store());
        assertArrayEquals(new long[] {count, stored}, exhaust(instance, fuel));
    }

    @Test
    void exactlyEnoughFuelCompletesAndFuelRunsOutOnlyAtPollPoints() {
        // loop(7) costs 10 * 7 + 1 = 71. Fuel runs out only at a poll point (the entry, a loop head):
        // with 70 the last block (local.get $i, after the loop) still runs, one past the budget; with
        // 69 the head of the seventh iteration does not fit, and the call traps there.
        Instance instance = instance(new Store(ExecutionLimits.DEFAULT.withFuel(71)));
        assertEquals(7, instance.call("loop", 7)[0]);
        assertEquals(71, instance.store().lastCallInstructions());
        instance.store().limits(ExecutionLimits.DEFAULT.withFuel(70));
        assertEquals(7, instance.call("loop", 7)[0]);
        assertEquals(71, instance.store().lastCallInstructions(), "one block past the budget");
        instance.store().limits(ExecutionLimits.DEFAULT.withFuel(69));
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("loop", 7));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertEquals(60, instance.store().lastCallInstructions());
        assertEquals(6, instance.memory().readInt(0));
    }

    @Test
    void aBlockLargerThanThePollIntervalRunsOnExactlyItsFuel() {
        // 20,000 nops and i32.const 1: one block of 20,001, more than the 10,000 between polls.
        Code body = Code.code();
        for (int i = 0; i < 20_000; i++) {
            body.nop();
        }
        ModuleBytes m = ModuleBytes.module()
                .type(NONE, types(I32))
                .function(0, body.i32Const(1).end())
                .export("big", ExternKind.FUNC, 0);
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withFuel(20_001)), m);
        assertEquals(1, instance.call("big")[0]);
        assertEquals(20_001, instance.store().lastCallInstructions());
        instance.store().limits(ExecutionLimits.DEFAULT.withFuel(20_000));
        assertEquals(0, trappingCount(instance, TrapKind.FUEL_EXHAUSTED, "big"));
    }

    @Test
    void fuelIsPerCall() {
        Instance instance = instance(new Store(ExecutionLimits.DEFAULT.withFuel(100)));
        for (int i = 0; i < 5; i++) {
            assertEquals(9, instance.call("loop", 9)[0]); // 91 of 100, each call afresh
            assertEquals(91, instance.store().lastCallInstructions());
        }
    }

    @Test
    void exhaustionIsDeterministic() {
        long[] first = exhaust(instance(new Store()), 54_321);
        assertArrayEquals(new long[] {54_320, 5_432}, first);
        Instance reused = instance(new Store());
        for (int run = 0; run < 20; run++) {
            assertArrayEquals(first, exhaust(reused, 54_321), "run " + run + " on one instance");
            assertArrayEquals(first, exhaust(instance(new Store()), 54_321), "run " + run + " on a fresh store");
        }
    }

    @Test
    void exhaustionInACalleeRefundsTheCaller() {
        // caller(2) is nop, local.get, call, i32.const, i32.add, nop (6, one block) then the callee's block
        // of 3. With 8: the caller's block runs (6 charged), the callee's (3) does not fit in the 2 left;
        // the caller's 3 instructions after the call are refunded: 3 executed.
        Instance instance = instance(new Store(ExecutionLimits.DEFAULT.withFuel(8)));
        assertEquals(3, trappingCount(instance, TrapKind.FUEL_EXHAUSTED, "caller", 2));
    }

    @Test
    void recursionUnderFuel() {
        // fac(n) costs 9n + 4; fac(20) = 184. With 100: each level's first block is 3 (local.get, eqz, if)
        // and the else arm 6 (through the call). Level k (k = 0..) charges 3 + 6 = 9 before calling level
        // k+1. After 11 levels (99), level 11's first block (3) does not fit in 1. Refunds: every level's
        // else-arm block is cut after its call (i64.mul not run): 11 refunded. 99 - 11 = 88.
        Instance instance = instance(new Store(ExecutionLimits.DEFAULT.withFuel(100)));
        assertEquals(88, trappingCount(instance, TrapKind.FUEL_EXHAUSTED, "fac", 20));
    }

    // ------------------------------------------------------------------ budgets spanning calls

    @Test
    void aBudgetSpansSeveralCalls() {
        Store store = new Store(ExecutionLimits.DEFAULT.withFuel(5)); // per-call fuel ignored inside a budget
        Instance instance = instance(store);
        store.beginBudget(100, 0);
        instance.call("straight");     // 5
        instance.call("calls");        // 9
        instance.call("loop", 3);      // 31
        assertEquals(45, store.endBudget());
        assertEquals(45, store.lastCallInstructions());
    }

    @Test
    void aBudgetRunsOutAcrossCalls() {
        Store store = new Store();
        Instance instance = instance(store);
        store.beginBudget(60, 0);
        instance.call("loop", 3);      // 31, 29 left
        instance.call("loop", 1);      // 11, 18 left
        // loop(5) would cost 51: one iteration (10) runs, the next block (10) does not fit in 8.
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("loop", 5));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertEquals(52, store.endBudget());
        assertEquals(1, instance.memory().readInt(0));
        // After the budget, calls run under the store's limits again (unlimited here).
        assertEquals(5, instance.call("loop", 5)[0]);
        assertEquals(51, store.lastCallInstructions());
    }

    @Test
    void hostReentryDrawsFromTheSameBudget() {
        Store store = new Store(ExecutionLimits.DEFAULT.withFuel(1000));
        Instance lib = instance(store);
        // (import "env" "reenter" (func (result i32)))  ;; calls lib's "calls" (9 instructions)
        // func 1: nop, call 0, i32.const 1, i32.add: 4 + 9 = 13
        Instance instance = new Linker(store)
                .defineFunction("env", "reenter", Wasm.funcType(NONE, types(I32)),
                        (ctx, args, results) -> results[0] = lib.call("calls")[0])
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, types(I32))
                        .importFunc("env", "reenter", 0)
                        .function(0, Code.code().nop().call(0).i32Const(1).op(Opcode.I32_ADD).end())
                        .export("f", ExternKind.FUNC, 1)));
        assertEquals(8, instance.call("f")[0]);
        assertEquals(13, store.lastCallInstructions());
        // With 10: f's block (4) runs, 6 left; "calls" is one block of 3 (i32.const, call, call), 3 left;
        // the first add1 (3) runs, 0 left; the second add1's block does not fit. The trap crosses the host
        // function; f's 2 instructions after its call are refunded: 10 - 2 = 8 executed.
        store.limits(ExecutionLimits.DEFAULT.withFuel(10));
        assertEquals(8, trappingCount(instance, TrapKind.FUEL_EXHAUSTED, "f"));
    }

    @Test
    void aBudgetCannotBeOpenedDuringACall() {
        Store store = new Store();
        Instance instance = new Linker(store)
                .defineFunction("env", "open", Wasm.funcType(NONE, NONE),
                        (ctx, args, results) -> ctx.caller().store().beginBudget(10, 0))
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, NONE)
                        .importFunc("env", "open", 0)
                        .function(0, Code.code().call(0).end())
                        .export("f", ExternKind.FUNC, 1)));
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("f"));
        assertEquals(TrapKind.HOST_FAILURE, trap.kind());
        assertTrue(trap.getCause() instanceof IllegalStateException, String.valueOf(trap.getCause()));
    }
}
