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
import org.junit.jupiter.api.Test;

/**
 * Typed function references at run time (spec 3.0, Execution > Instructions): {@code call_ref} of
 * a reference, its null trap, {@code ref.as_non_null}'s null trap, and that {@code call_ref}
 * counts fuel as {@code call_indirect} does.
 */
class FunctionReferencesTest {
    private static final ValType REF_NULL_0 = ValType.ref(true, 0);

    /**
     * Type 0: [i32] -> [i32]. func 0 "inc"(n) = n + 1; func 1 "viaRef"(n) = call_ref (ref.func 0);
     * func 2 "viaTable"(n) = call_indirect of table slot 0 (func 0), the same number of instructions;
     * func 3 "nullCall"(n) = call_ref of null; func 4 "asNonNull"(n) = ref.as_non_null of null;
     * func 5 "countdown"(n) = n == 0 ? 0 : return_call_ref (ref.func 5) (n - 1).
     */
    private static ModuleBytes module() {
        return ModuleBytes.module().type(types(I32), types(I32)).table(FUNCREF, 1, -1)
                .function(0, Code.code().localGet(0).i32Const(1).op(Opcode.I32_ADD).end())
                .function(0, Code.code().localGet(0).refFunc(0).callRef(0).end())
                .function(0, Code.code().localGet(0).i32Const(0).callIndirect(0, 0).end())
                .function(0, Code.code().localGet(0).refNull(REF_NULL_0).callRef(0).end())
                .function(0, Code.code().refNull(FUNCREF).op(Opcode.REF_AS_NON_NULL).drop().localGet(0).end())
                .function(0, Code.code().localGet(0).op(Opcode.I32_EQZ).if_(I32).i32Const(0).else_()
                        .localGet(0).i32Const(1).op(Opcode.I32_SUB).refFunc(5).returnCallRef(0).end().end())
                .elemActive(ModuleBytes.i32Expr(0), 0)
                .export("viaRef", ExternKind.FUNC, 1).export("viaTable", ExternKind.FUNC, 2)
                .export("nullCall", ExternKind.FUNC, 3).export("asNonNull", ExternKind.FUNC, 4)
                .export("countdown", ExternKind.FUNC, 5);
    }

    @Test
    void callRefCallsTheReferencedFunction() {
        assertEquals(6, Wasm.instantiate(module()).call("viaRef", 5)[0]);
    }

    @Test
    void returnCallRefReplacesTheFrame() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(2));
        assertEquals(0, Wasm.instantiate(store, module()).call("countdown", 1_000_000)[0],
                "a million tail calls through references at depth 1");
    }

    @Test
    void callRefOfNullTraps() {
        TrapException trap = assertThrows(TrapException.class, () -> Wasm.instantiate(module()).call("nullCall", 1));
        assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, trap.kind());
        assertTrue(trap.getMessage().startsWith("null function reference"), trap.getMessage());
    }

    @Test
    void refAsNonNullOfNullTraps() {
        TrapException trap = assertThrows(TrapException.class, () -> Wasm.instantiate(module()).call("asNonNull", 1));
        assertEquals(TrapKind.NULL_REFERENCE, trap.kind());
        assertTrue(trap.getMessage().startsWith("null reference"), trap.getMessage());
    }

    /** The trap counts ref.null and ref.as_non_null, not the drop and local.get after it in the block. */
    @Test
    void refAsNonNullsTrapCountsTheInstructionsUpToIt() {
        Instance i = Wasm.instantiate(module());
        assertThrows(TrapException.class, () -> i.call("asNonNull", 1));
        assertEquals(2, i.store().lastCallInstructions());
    }

    @Test
    void callRefCostsTheFuelOfCallIndirect() {
        int smallestEnough = -1;
        for (int fuel = 0; fuel <= 20; fuel++) {
            boolean viaRef = runs(fuel, "viaRef");
            assertEquals(runs(fuel, "viaTable"), viaRef, "with fuel " + fuel);
            if (viaRef && smallestEnough < 0) {
                smallestEnough = fuel;
            }
        }
        assertTrue(smallestEnough > 0, "some budget below 20 is too small and some is enough");
    }

    private static boolean runs(long fuel, String export) {
        Instance i = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withFuel(fuel)), module());
        try {
            assertEquals(8, i.call(export, 7)[0]);
            return true;
        } catch (TrapException e) {
            assertEquals(TrapKind.FUEL_EXHAUSTED, e.kind());
            return false;
        }
    }
}
