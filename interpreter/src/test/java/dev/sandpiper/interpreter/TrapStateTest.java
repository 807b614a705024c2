package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
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
 * What a trap leaves behind. Spec 2.0 semantics: a trap aborts the call, but effects made before
 * the trapping instruction (memory stores, global and table sets) stay; the instance and the store
 * remain usable. The trap's message is the kind's text, detail, then the WebAssembly stack with
 * names from the name section.
 */
class TrapStateTest {
    private static final List<ValType> NONE = List.of();

    /**
     * types: 0 [] -> [], 1 [] -> [i32], 2 [i32] -> [i32], 3 [i32] -> []
     * (memory 1) (global $g (mut i32) 0) (table 3 funcref), slot 2 = takes_i32 (active segment)
     */
    private static ModuleBytes module(boolean named) {
        ModuleBytes m = ModuleBytes.module()
                .type(NONE, NONE).type(NONE, types(I32)).type(types(I32), types(I32)).type(types(I32), NONE)
                .table(FUNCREF, 3, -1)
                .memory(1, -1)
                .global(I32, true, ModuleBytes.i32Expr(0))
                // 0 answer: i32.const 42
                .function(1, Code.code().i32Const(42).end())
                // 1 takes_i32: local.get 0
                .function(2, Code.code().localGet(0).end())
                // 2 mutate_then_trap (param $d):
                //   memory[0] = 111; $g = 222; table[0] = ref.func answer;
                //   i32.const 1, local.get $d, i32.div_u, drop     ;; traps when $d = 0
                //   memory[4] = 333                                ;; only without the trap
                .function(3, Code.code()
                        .i32Const(0).i32Const(111).mem(Opcode.I32_STORE, 2, 0)
                        .i32Const(222).globalSet(0)
                        .i32Const(0).refFunc(0).op(Opcode.TABLE_SET).u32(0)
                        .i32Const(1).localGet(0).op(Opcode.I32_DIV_U).drop()
                        .i32Const(4).i32Const(333).mem(Opcode.I32_STORE, 2, 0)
                        .end())
                // 3 read_mem (param addr): i32.load
                .function(2, Code.code().localGet(0).mem(Opcode.I32_LOAD, 2, 0).end())
                // 4 call_slot (param i): call_indirect (type 1) through table 0
                .function(2, Code.code().localGet(0).callIndirect(1, 0).end())
                // 5 outer (param d): local.get 0, call inner
                .function(2, Code.code().localGet(0).call(6).end())
                // 6 inner (param d): 100 / d
                .function(2, Code.code().i32Const(100).localGet(0).op(Opcode.I32_DIV_U).end())
                // 7 get_g
                .function(1, Code.code().globalGet(0).end())
                // 8 unreachable
                .function(0, Code.code().unreachable().end())
                // 9 overflow: MIN / -1
                .function(1, Code.code().i32Const(Integer.MIN_VALUE).i32Const(-1).op(Opcode.I32_DIV_S).end())
                // 10 invalid_conversion: i32.trunc_f32_s(NaN)
                .function(1, Code.code().f32Const(Float.NaN).op(Opcode.I32_TRUNC_F32_S).end())
                // 11 memory_oob: i32.load at 65534 (4 bytes from there pass the one page)
                .function(1, Code.code().i32Const(65534).mem(Opcode.I32_LOAD, 2, 0).end())
                // 12 table_oob: table.get 0 at 3
                .function(0, Code.code().i32Const(3).op(Opcode.TABLE_GET).u32(0).drop().end())
                .elemActive(ModuleBytes.i32Expr(2), 1)
                .elemDeclarative(0);
        String[] names = {"answer", "takes_i32", "mutate_then_trap", "read_mem", "call_slot", "outer", "inner", "get_g",
            "unreachable", "overflow", "invalid_conversion", "memory_oob", "table_oob"};
        for (int i = 0; i < names.length; i++) {
            m.export(names[i], ExternKind.FUNC, i);
        }
        m.export("g", ExternKind.GLOBAL, 0).export("table", ExternKind.TABLE, 0);
        return named ? Wasm.withFunctionNames(m, names) : m;
    }

    @Test
    void effectsBeforeTheTrapRemainAndTheInstanceStaysUsable() {
        Instance instance = Wasm.instantiate(module(true));
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("mutate_then_trap", 0));
        assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());
        assertEquals(111, instance.call("read_mem", 0)[0], "the store before the trap");
        assertEquals(0, instance.call("read_mem", 4)[0], "the store after the trap did not happen");
        assertEquals(222, instance.call("get_g")[0], "global.set before the trap");
        assertEquals(222, ((Global) instance.export("g")).value());
        assertEquals(42, instance.call("call_slot", 0)[0], "table.set before the trap");
        // Further calls run normally, including the one that trapped, now without a trap.
        instance.call("mutate_then_trap", 1);
        assertEquals(333, instance.call("read_mem", 4)[0]);
        assertEquals(33, instance.call("outer", 3)[0]);
    }

    @Test
    void trapsOfEveryKindLeaveTheStoreUsable() {
        Instance instance = Wasm.instantiate(module(false));
        for (int round = 0; round < 3; round++) {
            assertTrap(instance, TrapKind.UNREACHABLE, "unreachable");
            assertTrap(instance, TrapKind.INTEGER_OVERFLOW, "overflow");
            assertTrap(instance, TrapKind.INVALID_CONVERSION, "invalid_conversion");
            assertTrap(instance, TrapKind.MEMORY_OUT_OF_BOUNDS, "memory_oob");
            assertTrap(instance, TrapKind.TABLE_OUT_OF_BOUNDS, "table_oob");
            assertTrap(instance, TrapKind.INTEGER_DIVIDE_BY_ZERO, "outer", 0);
            assertEquals(25, instance.call("outer", 4)[0]);
        }
    }

    private static void assertTrap(Instance instance, TrapKind kind, String function, long... args) {
        TrapException trap = assertThrows(TrapException.class, () -> instance.call(function, args));
        assertEquals(kind, trap.kind(), trap.getMessage());
        assertTrue(trap.getMessage().startsWith(kind.message()), trap.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | uninitialized element 0 (at func 4 call_slot)",
        "5 | undefined element 5 (at func 4 call_slot)",
        "2 | indirect call type mismatch (at func 4 call_slot)",
    })
    void callIndirectTrapsNameTheElement(int slot, String message) {
        Instance instance = Wasm.instantiate(module(true));
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("call_slot", slot));
        assertEquals(message, trap.getMessage());
    }

    @Test
    void theMessageHasTheKindAndTheStackWithNames() {
        TrapException named = assertThrows(TrapException.class, () -> Wasm.instantiate(module(true)).call("outer", 0));
        assertEquals("integer divide by zero (at func 6 inner < func 5 outer)", named.getMessage());
        assertEquals(List.of("func 6 inner", "func 5 outer"), named.wasmStack());
        TrapException unnamed = assertThrows(TrapException.class,
                () -> Wasm.instantiate(module(false)).call("outer", 0));
        assertEquals("integer divide by zero (at func 6 < func 5)", unnamed.getMessage());
    }

    @Test
    void theStackSpansInstances() {
        // A second module imports "outer" and calls it from its own named function.
        Store store = new Store();
        Instance lib = new Linker(store).instantiate(Wasm.compile(module(true)));
        Instance app = new Linker(store)
                .define("lib", "outer", lib.export("outer"))
                .instantiate(Wasm.compile(Wasm.withFunctionNames(ModuleBytes.module()
                        .type(types(I32), types(I32))
                        .importFunc("lib", "outer", 0)
                        .function(0, Code.code().localGet(0).call(0).end())
                        .export("main", ExternKind.FUNC, 1), null, "main")));
        TrapException trap = assertThrows(TrapException.class, () -> app.call("main", 0));
        assertEquals(List.of("func 6 inner", "func 5 outer", "func 1 main"), trap.wasmStack());
        assertEquals(50, app.call("main", 2)[0]);
        assertEquals(20, lib.call("outer", 5)[0]);
    }

    @Test
    void aHostCatchingATrapFromReentryLetsTheCallerContinue() {
        // (import "env" "try_div" (func (param i32) (result i32))): the host calls the instance's "inner"
        // and returns -1 when it traps. func 1 "sum" (param d): 1, 2, 3 stay on the operand stack across
        // the call: 1 + 2 + 3 + try_div(d).
        // func 2 "inner" (param d): 100 / d.
        Store store = new Store();
        Instance instance = new Linker(store)
                .defineFunction("env", "try_div", Wasm.funcType(types(I32), types(I32)), (ctx, args, results) -> {
                    try {
                        results[0] = ctx.caller().call("inner", args[0])[0];
                    } catch (TrapException trap) {
                        results[0] = -1;
                    }
                })
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(types(I32), types(I32))
                        .importFunc("env", "try_div", 0)
                        .function(0, Code.code().i32Const(1).i32Const(2).i32Const(3).localGet(0).call(0)
                                .op(Opcode.I32_ADD).op(Opcode.I32_ADD).op(Opcode.I32_ADD).end())
                        .function(0, Code.code().i32Const(100).localGet(0).op(Opcode.I32_DIV_U).end())
                        .export("sum", ExternKind.FUNC, 1)
                        .export("inner", ExternKind.FUNC, 2)));
        assertEquals(5, instance.call("sum", 0)[0], "1 + 2 + 3 - 1");
        assertEquals(31, instance.call("sum", 4)[0], "1 + 2 + 3 + 25");
        // Instructions: sum runs its 8, inner 3 of its 3 (the trap at the last); caught, so sum completes.
        instance.call("sum", 0);
        assertEquals(11, store.lastCallInstructions());
    }
}
