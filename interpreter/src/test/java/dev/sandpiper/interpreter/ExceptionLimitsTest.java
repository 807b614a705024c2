package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The guardrails hold for exception handling: a loop that throws and catches runs out of fuel or
 * time like any loop, and catching an exception thrown deep in a recursion gives the depth back.
 */
class ExceptionLimitsTest {
    /**
     * Type 0: [] -> [], type 1: [i32] -> []; tag 0 of type 0. func 0 "spin": a loop whose body throws,
     * caught by (catch 0) to the loop's label, forever; func 1 "deep"(n): throws at depth n + 1;
     * func 2 "loopDeep"(n): 50 times, calls deep(n) inside a try_table that catches the exception.
     */
    private static ModuleBytes module() {
        return ModuleBytes.module().type(types(), types()).type(types(I32), types())
                .rawSectionAfter(5, section(13, vec(bytes(0x00, 0))))
                .function(0, Code.code().raw(0x03, 0x40, 0x1F, 0x40, 1, 0x00, 0, 0, 0x08, 0, 0x0B, 0x0B, 0x0B))
                .function(1, Code.code().raw(0x20, 0, 0x45, 0x04, 0x40, 0x08, 0, 0x0B,
                        0x20, 0, 0x41, 1, 0x6B, 0x10, 1, 0x0B))
                .function(1, new ValType[] {I32}, Code.code().raw(0x03, 0x40, 0x02, 0x40,
                        0x1F, 0x40, 1, 0x00, 0, 0, 0x20, 0, 0x10, 1, 0x0B, 0x0B,
                        0x20, 1, 0x41, 1, 0x6A, 0x22, 1, 0x41, 50, 0x48, 0x0D, 0, 0x0B, 0x0B))
                .export("spin", ExternKind.FUNC, 0).export("loopDeep", ExternKind.FUNC, 2);
    }

    @Test
    void aThrowAndCatchLoopRunsOutOfFuel() {
        Store store = new Store(ExecutionLimits.DEFAULT.withFuel(10_000));
        TrapException trap = assertThrows(TrapException.class, () -> Wasm.instantiate(store, module()).call("spin"));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
        assertTrue(store.lastCallInstructions() <= 10_000, "ran " + store.lastCallInstructions());
    }

    @Test
    void aThrowAndCatchLoopPassesItsDeadline() {
        Store store = new Store(ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(20)));
        TrapException trap = assertThrows(TrapException.class, () -> Wasm.instantiate(store, module()).call("spin"));
        assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
    }

    @Test
    void catchingADeepExceptionGivesTheDepthBack() {
        Instance inst = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(40)), module());
        // 50 rounds at depth 33: a leak of the frames left would exhaust the 40 on the second
        inst.call("loopDeep", 30);
        TrapException trap = assertThrows(TrapException.class, () -> inst.call("loopDeep", 45));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind(), "a trap, which no handler catches");
    }
}
