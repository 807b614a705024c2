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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One {@link MemoryBudget} for many stores: memories and tables reserve their backing arrays from
 * it, a grow past it returns -1, an instance whose initial memory does not fit is refused with the
 * numbers, and closing a store gives its reservations back.
 */
class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    /** (memory min) with "grow" (memory.grow) exported. */
    private static ModuleBytes growable(long min) {
        return ModuleBytes.module()
                .type(types(I32), types(I32))
                .memory(min, -1)
                .function(0, Code.code().localGet(0).memoryGrow().end())
                .export("grow", ExternKind.FUNC, 0);
    }

    @Test
    void aGrowPastTheBudgetReturnsMinusOneAndCountsAsDenied() {
        MemoryBudget budget = new MemoryBudget(2 * MIB); // 32 pages
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(1));
        assertEquals(1, instance.call("grow", 15)[0], "16 pages fit");
        assertEquals(-1, (int) instance.call("grow", 40)[0], "56 pages do not");
        assertEquals(16, instance.memory().pages(), "a refused grow leaves the memory as it was");
        assertEquals(1, instance.memory().deniedGrows());
        assertTrue(budget.used() <= budget.capacity());
        assertEquals(16, instance.call("grow", 16)[0], "the exact size when doubling would not fit");
    }

    @Test
    void storesSharingABudgetCannotTogetherPassIt() {
        MemoryBudget budget = new MemoryBudget(4 * MIB); // 64 pages
        Store first = new Store(ExecutionLimits.DEFAULT, budget);
        Instance a = Wasm.instantiate(first, growable(40));
        UninstantiableException refused = assertThrows(UninstantiableException.class,
                () -> Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(40)));
        assertTrue(refused.getMessage().contains("memory budget has 2.5 of 4.0 MiB in use"), refused.getMessage());
        assertEquals(-1, (int) a.call("grow", 30)[0], "70 pages in all would pass the budget");
        first.close();
        assertEquals(0, budget.used(), "closing the store gave its memory back");
        Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(40));
        assertEquals(-1, (int) a.call("grow", 1)[0], "a closed store's memory no longer grows");
    }

    @Test
    void tablesReserveTheirElements() {
        MemoryBudget budget = new MemoryBudget(MIB); // 131,072 elements of 8 bytes
        ModuleBytes module = ModuleBytes.module()
                .type(types(I32), types(I32))
                .table(FUNCREF, 1000, -1)
                .function(0, Code.code().refNull(FUNCREF).localGet(0).op(Opcode.TABLE_GROW).u32(0).end())
                .export("grow", ExternKind.FUNC, 0);
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), module);
        assertEquals(1000, instance.call("grow", 100_000)[0]);
        assertEquals(-1, (int) instance.call("grow", 100_000)[0], "201,000 elements pass the budget");
        assertEquals(101_000 * 8L, budget.used());
    }

    @Test
    void collectedInstancesGiveTheirMemoryBack() throws InterruptedException {
        MemoryBudget budget = new MemoryBudget(8 * MIB);
        Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(64)); // dropped, never closed
        assertEquals(4 * MIB, budget.used());
        // Collection is the JVM's to schedule: ask, and wait generously for the phantom reference.
        for (int attempt = 0; attempt < 100 && budget.used() > 0; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(0, budget.used(), "the unreachable instance's memory went back to the budget");
        Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(64));
        Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), growable(64));
    }

    @Test
    void aBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryBudget(0));
        List.of(MemoryBudget.shared().capacity()).forEach(c -> assertEquals(Runtime.getRuntime().maxMemory() / 2, c));
    }
}
