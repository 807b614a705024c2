package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multiple memories (spec 3.0, Execution > Memory Instructions; Modules > Instantiation): every
 * memory instruction acts on the memory it names, data segments fill theirs, the store's page limit
 * holds for an instance's memories together (each also keeping its declared maximum), and all of
 * them share the store's memory budget.
 */
class MultiMemoryTest {
    private static final long MIB = 1 << 20;

    /**
     * Memory 0 of {@code pages0} pages, memory 1 of {@code pages1}; functions "put1"(a, v): i32.store
     * in memory 1; "get0"(a) and "get1"(a): i32.load; "size0", "size1"; "grow0"(n), "grow1"(n).
     */
    private static ModuleBytes twoMemories(int pages0, int pages1) {
        return ModuleBytes.module()
                .type(types(I32, I32), List.of()).type(types(I32), types(I32)).type(List.of(), types(I32))
                .memory(pages0, -1).memory(pages1, -1)
                .function(0, Code.code().localGet(0).localGet(1).mem(Opcode.I32_STORE, 1, 2, 0).end())
                .function(1, Code.code().localGet(0).mem(Opcode.I32_LOAD, 2, 0).end())
                .function(1, Code.code().localGet(0).mem(Opcode.I32_LOAD, 1, 2, 0).end())
                .function(2, Code.code().memoryOp(Opcode.MEMORY_SIZE, 0).end())
                .function(2, Code.code().memoryOp(Opcode.MEMORY_SIZE, 1).end())
                .function(1, Code.code().localGet(0).memoryOp(Opcode.MEMORY_GROW, 0).end())
                .function(1, Code.code().localGet(0).memoryOp(Opcode.MEMORY_GROW, 1).end())
                .export("put1", ExternKind.FUNC, 0).export("get0", ExternKind.FUNC, 1)
                .export("get1", ExternKind.FUNC, 2).export("size0", ExternKind.FUNC, 3)
                .export("size1", ExternKind.FUNC, 4).export("grow0", ExternKind.FUNC, 5)
                .export("grow1", ExternKind.FUNC, 6).export("mem1", ExternKind.MEMORY, 1);
    }

    @Test
    void loadsAndStoresReachTheMemoryTheyName() {
        Instance instance = Wasm.instantiate(twoMemories(1, 1));
        instance.call("put1", 8, 42);
        assertEquals(42, instance.call("get1", 8)[0]);
        assertEquals(0, instance.call("get0", 8)[0], "memory 0 untouched");
        assertEquals(42, instance.memory(1).readInt(8));
        assertSame(instance.memory(1), instance.export("mem1"));
    }

    @Test
    void eachMemoryHasItsOwnSizeAndBounds() {
        Instance instance = Wasm.instantiate(twoMemories(2, 1));
        assertEquals(2, instance.call("size0")[0]);
        assertEquals(1, instance.call("size1")[0]);
        assertEquals(0, instance.call("get0", 65536)[0], "memory 0 has a second page");
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("get1", 65536));
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
        assertEquals(1, instance.call("grow1", 2)[0]);
        assertEquals(3, instance.call("size1")[0]);
        assertEquals(2, instance.call("size0")[0]);
        assertEquals(0, instance.call("get1", 65536)[0], "in bounds once grown");
    }

    @Test
    void theStoresPageLimitHoldsForTheInstancesMemoriesTogether() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(8));
        Instance instance = Wasm.instantiate(store, twoMemories(3, 3));
        assertEquals(3, instance.call("grow1", 2)[0], "5 + 3 pages fit the limit of 8");
        assertEquals(-1, (int) instance.call("grow0", 1)[0], "9 pages in all would not");
        assertEquals(3, instance.call("size0")[0]);
        assertEquals(5, instance.call("size1")[0]);
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(8)), twoMemories(5, 5)));
        assertTrue(e.getMessage().contains("memories of 10 pages in all exceed the limit of 8 pages"), e.getMessage());
    }

    @Test
    void eachMemoryKeepsItsDeclaredMaximumAndAnotherInstanceItsOwnAllowance() {
        // Memory 1 declares at most 2 pages; the limit of 8 would allow more.
        ModuleBytes capped = ModuleBytes.module().type(types(I32), types(I32))
                .memory(1, -1).memory(1, 2)
                .function(0, Code.code().localGet(0).memoryOp(Opcode.MEMORY_GROW, 1).end())
                .export("grow1", ExternKind.FUNC, 0);
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(8));
        Instance a = Wasm.instantiate(store, capped);
        assertEquals(-1, (int) a.call("grow1", 2)[0]);
        assertEquals(1, a.call("grow1", 1)[0]);
        Instance b = Wasm.instantiate(store, twoMemories(4, 4));
        assertEquals(4, b.call("size1")[0], "the second instance has its own 8 pages");
    }

    @Test
    void allMemoriesTogetherShareTheStoresBudget() {
        MemoryBudget budget = new MemoryBudget(4 * MIB); // 64 pages
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, budget), twoMemories(20, 20));
        assertEquals(-1, (int) instance.call("grow1", 30)[0], "70 pages in all would pass the budget");
        assertEquals(20, instance.call("grow1", 20)[0], "60 pages fit");
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> Wasm.instantiate(new Store(ExecutionLimits.DEFAULT, new MemoryBudget(4 * MIB)), twoMemories(40, 40)));
        assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
    }

    @Test
    void bulkInstructionsAndDataSegmentsUseTheirMemories() {
        // Data 0 (active, memory 1 at 4): "abcd"; data 1 (passive): "xyz".
        // "run": memory.init data 1 into memory 1 at 100; memory.fill memory 1 [200, 203) with '!';
        // memory.copy memory 0 [0, 8) <- memory 1 [4, 12); memory.copy memory 1 [300, 303) <- memory 0 [0, 3).
        Code run = Code.code()
                .i32Const(100).i32Const(0).i32Const(3).op(Opcode.MEMORY_INIT).u32(1).u32(1)
                .i32Const(200).i32Const('!').i32Const(3).memoryOp(Opcode.MEMORY_FILL, 1)
                .i32Const(0).i32Const(4).i32Const(8).op(Opcode.MEMORY_COPY).u32(0).u32(1)
                .i32Const(300).i32Const(0).i32Const(3).op(Opcode.MEMORY_COPY).u32(1).u32(0)
                .end();
        Instance instance = Wasm.instantiate(ModuleBytes.module().type(List.of(), List.of())
                .memory(1, -1).memory(1, -1)
                .function(0, run).export("run", ExternKind.FUNC, 0)
                .dataCount(2)
                .dataActiveMemory(1, ModuleBytes.i32Expr(4), "abcd".getBytes())
                .dataPassive("xyz".getBytes()));
        assertEquals("abcd", instance.memory(1).readString(4, 4));
        assertEquals(0, instance.memory().readByte(4), "the segment went to memory 1 only");
        instance.call("run");
        assertEquals("xyz", instance.memory(1).readString(100, 3));
        assertEquals("!!!", instance.memory(1).readString(200, 3));
        assertEquals("abcd", instance.memory().readString(0, 4));
        assertEquals("abc", instance.memory(1).readString(300, 3));
    }

    @Test
    void aMemoryImportedTwiceIsOneMemoryThroughBothIndices() {
        // "grow_then_store": memory.grow memory 1 by 1, then i32.store memory 0 at 65536 and load it back.
        Memory shared = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        CompiledModule module = Wasm.compile(ModuleBytes.module().type(List.of(), types(I32))
                .importMemory("env", "mem", 1, -1).importMemory("env", "mem", 1, -1)
                .function(0, Code.code().i32Const(1).memoryOp(Opcode.MEMORY_GROW, 1).drop()
                        .i32Const(65536).i32Const(77).mem(Opcode.I32_STORE, 2, 0)
                        .i32Const(65536).mem(Opcode.I32_LOAD, 2, 0).end())
                .export("grow_then_store", ExternKind.FUNC, 0));
        Instance instance = new Linker(new Store()).define("env", "mem", shared).instantiate(module);
        assertEquals(77, instance.call("grow_then_store")[0], "memory 0 sees the growth made through memory 1");
        assertEquals(2, shared.pages());
        assertSame(instance.memory(0), instance.memory(1));
    }

    @Test
    void i64AccessesOnAnotherMemoryKeepTheirWidthAndSign() {
        // "rt"(v): i64.store memory 1 at 0, then i64.load32_u and i64.load8_s of it, added.
        Instance instance = Wasm.instantiate(ModuleBytes.module().type(types(I64), types(I64))
                .memory(1, -1).memory(1, -1)
                .function(0, Code.code().i32Const(0).localGet(0).mem(Opcode.I64_STORE, 1, 3, 0)
                        .i32Const(0).mem(Opcode.I64_LOAD32_U, 1, 2, 0)
                        .i32Const(0).mem(Opcode.I64_LOAD8_S, 1, 0, 0).op(Opcode.I64_ADD).end())
                .export("rt", ExternKind.FUNC, 0));
        assertEquals(0xFFFFFFFFL - 1, instance.call("rt", -1L)[0]);
    }
}
