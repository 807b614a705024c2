package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Instantiation (spec 2.0, Execution > Modules > Instantiation): element segments, then data
 * segments, then the start function; a failure in any makes the module uninstantiable, keeping the
 * writes already made into imported tables and memories. Instances of one compiled module share
 * nothing mutable, and a compiled module serves several threads.
 */
class InstantiationTest {
    private static final List<ValType> NONE = List.of();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theStartFunctionRunsAfterTheSegments() {
        // (memory 1) (data (i32.const 0) "\05") (global $g (mut i32) 0)
        // func 0 start: g = memory[0] * 10, and calls env.hello, which sees the instance's memory.
        int[] seen = new int[1];
        Instance instance = new Linker(new Store())
                .defineFunction("env", "hello", Wasm.funcType(NONE, NONE),
                        (ctx, args, results) -> seen[0] = ctx.memory().readByte(0))
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, NONE).type(NONE, types(I32))
                        .importFunc("env", "hello", 0)
                        .memory(1, -1)
                        .global(I32, true, ModuleBytes.i32Expr(0))
                        .function(0, Code.code().call(0)
                                .i32Const(0).mem(Opcode.I32_LOAD8_U, 0, 0).i32Const(10).op(Opcode.I32_MUL).globalSet(0)
                                .end())
                        .function(1, Code.code().globalGet(0).end())
                        .start(1)
                        .dataActive(ModuleBytes.i32Expr(0), new byte[] {5})
                        .export("g", ExternKind.FUNC, 2)));
        assertEquals(50, instance.call("g")[0]);
        assertEquals(5, seen[0]);
    }

    @Test
    void aTrappingStartFunctionMakesTheModuleUninstantiableButItsWritesToImportsStay() {
        // (import "env" "mem" (memory 1)); start: memory[0] = 42, then unreachable.
        Memory mem = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        CompiledModule module = Wasm.compile(Wasm.withFunctionNames(ModuleBytes.module()
                .type(NONE, NONE)
                .importMemory("env", "mem", 1, -1)
                .function(0, Code.code().i32Const(0).i32Const(42).mem(Opcode.I32_STORE, 2, 0).unreachable().end())
                .start(0), "boot"));
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> new Linker(new Store()).define("env", "mem", mem).instantiate(module));
        assertEquals("unreachable (at func 0 boot)", e.getMessage());
        assertEquals(TrapKind.UNREACHABLE, e.trap().kind());
        assertEquals(42, mem.readInt(0));
    }

    @Test
    void aDataSegmentOutOfBoundsKeepsEarlierSegmentsWritesToAnImportedMemory() {
        // data 0 at 0: "hello"; data 1 at 65535: "ab" (one byte too many); data 2 at 10: "never".
        // The start function (memory[100] = 1) does not run.
        Memory mem = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        CompiledModule module = Wasm.compile(ModuleBytes.module()
                .type(NONE, NONE)
                .importMemory("env", "mem", 1, -1)
                .function(0, Code.code().i32Const(100).i32Const(1).mem(Opcode.I32_STORE8, 0, 0).end())
                .start(0)
                .dataActive(ModuleBytes.i32Expr(0), ascii("hello"))
                .dataActive(ModuleBytes.i32Expr(65535), ascii("ab"))
                .dataActive(ModuleBytes.i32Expr(10), ascii("never")));
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> new Linker(new Store()).define("env", "mem", mem).instantiate(module));
        assertTrue(e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
        assertEquals("hello", mem.readString(0, 5));
        assertEquals(0, mem.readByte(65535), "the failing segment wrote nothing");
        assertArrayEquals(new byte[5], mem.readBytes(10, 5), "later segments are not applied");
        assertEquals(0, mem.readByte(100), "the start function did not run");
    }

    @Test
    void anElementSegmentOutOfBoundsKeepsEarlierWritesAndStopsBeforeTheData() {
        // (import "env" "tab" (table 2 funcref)) (import "env" "mem" (memory 1))
        // elem 0 at 0: [seven]; elem 1 at 2: [seven] (out of bounds); data at 0: "data".
        Table tab = new Table(new TableType(FUNCREF, new Limits(2, Limits.NO_MAX)), 10);
        Memory mem = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), 10);
        Store store = new Store();
        Linker linker = new Linker(store).define("env", "tab", tab).define("env", "mem", mem);
        CompiledModule module = Wasm.compile(ModuleBytes.module()
                .type(NONE, types(I32))
                .importTable("env", "tab", FUNCREF, 2, -1)
                .importMemory("env", "mem", 1, -1)
                .function(0, Code.code().i32Const(7).end())
                .elemActive(ModuleBytes.i32Expr(0), 0)
                .elemActive(ModuleBytes.i32Expr(2), 0)
                .dataActive(ModuleBytes.i32Expr(0), ascii("data")));
        UninstantiableException e = assertThrows(UninstantiableException.class, () -> linker.instantiate(module));
        assertTrue(e.getMessage().startsWith("out of bounds table access"), e.getMessage());
        assertNotEquals(Table.NULL, tab.get(0), "the first segment's element stays");
        assertEquals(Table.NULL, tab.get(1));
        assertEquals(0, mem.readInt(0), "data segments come after element segments");
        // The element refers to a function of the failed instance, which can still be called (spec 2.0).
        Instance caller = linker.instantiate(Wasm.compile(ModuleBytes.module()
                .type(NONE, types(I32)).type(types(I32), types(I32))
                .importTable("env", "tab", FUNCREF, 2, -1)
                .function(1, Code.code().localGet(0).callIndirect(0, 0).end())
                .export("call_slot", ExternKind.FUNC, 0)));
        assertEquals(7, caller.call("call_slot", 0)[0]);
    }

    // ------------------------------------------------------------------ isolation and threads

    /**
     * (memory 1) (global (mut i32) 0) (table 1 funcref), exports: "poke" (memory[8] = 1, g = 2,
     * table[0] = ref.func poke) and "peek": memory[8] + g + (table[0] is null ? 0 : 100).
     */
    private static final ModuleBytes STATEFUL = ModuleBytes.module()
            .type(NONE, NONE).type(NONE, types(I32))
            .memory(1, -1)
            .global(I32, true, ModuleBytes.i32Expr(0))
            .table(FUNCREF, 1, -1)
            .function(0, Code.code()
                    .i32Const(8).i32Const(1).mem(Opcode.I32_STORE, 2, 0)
                    .i32Const(2).globalSet(0)
                    .i32Const(0).refFunc(0).op(Opcode.TABLE_SET).u32(0)
                    .end())
            .function(1, Code.code()
                    .i32Const(8).mem(Opcode.I32_LOAD, 2, 0)
                    .globalGet(0).op(Opcode.I32_ADD)
                    .i32Const(0).op(Opcode.TABLE_GET).u32(0).refIsNull()
                    .if_(I32).i32Const(0).else_().i32Const(100).end()
                    .op(Opcode.I32_ADD)
                    .end())
            .elemDeclarative(0)
            .export("poke", ExternKind.FUNC, 0)
            .export("peek", ExternKind.FUNC, 1)
            .export("memory", ExternKind.MEMORY, 0)
            .export("table", ExternKind.TABLE, 0);

    @Test
    void instancesOfOneCompiledModuleShareNothingMutable() {
        CompiledModule module = Wasm.compile(STATEFUL);
        Linker linker = new Linker(new Store());
        Instance a = linker.instantiate(module);
        Instance b = linker.instantiate(module);
        a.call("poke");
        assertEquals(103, a.call("peek")[0]);
        assertEquals(0, b.call("peek")[0], "b's memory, global and table are its own");
        assertNotSame(a.memory(), b.memory());
        assertNotSame(a.export("table"), b.export("table"));
        // The same in another store.
        assertEquals(0, new Linker(new Store()).instantiate(module).call("peek")[0]);
    }

    /** fib(n) by double recursion: n < 2 ? n : fib(n - 1) + fib(n - 2). And (memory 1) exported. */
    private static final ModuleBytes FIB = ModuleBytes.module()
            .type(types(I32), types(I32))
            .memory(1, -1)
            .function(0, Code.code()
                    .localGet(0).i32Const(2).op(Opcode.I32_LT_U)
                    .if_(I32).localGet(0)
                    .else_()
                    .localGet(0).i32Const(1).op(Opcode.I32_SUB).call(0)
                    .localGet(0).i32Const(2).op(Opcode.I32_SUB).call(0)
                    .op(Opcode.I32_ADD)
                    .end()
                    .end())
            .export("fib", ExternKind.FUNC, 0)
            .export("memory", ExternKind.MEMORY, 0);

    @Test
    void oneCompiledModuleServesSeveralThreads() throws Exception {
        CompiledModule module = Wasm.compile(FIB);
        int threads = 4;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(executor.submit(() -> {
                    StringBuilder problems = new StringBuilder();
                    for (int round = 0; round < 20; round++) {
                        Store store = new Store(ExecutionLimits.DEFAULT.withFuel(10_000_000));
                        Instance instance = new Linker(store).instantiate(module);
                        instance.memory().writeInt(0, id * 1000 + round);
                        for (int n = 15; n <= 20; n++) {
                            long fib = instance.call("fib", n)[0];
                            if (fib != FIBS[n]) {
                                problems.append("fib(").append(n).append(") = ").append(fib).append("; ");
                            }
                        }
                        // fib(20) executes 21,891 calls: the same count on every thread.
                        if (store.lastCallInstructions() != FIB_20_INSTRUCTIONS) {
                            problems.append("count ").append(store.lastCallInstructions()).append("; ");
                        }
                        if (instance.memory().readInt(0) != id * 1000 + round) {
                            problems.append("memory changed; ");
                        }
                    }
                    return problems.toString();
                }));
            }
            for (Future<String> r : results) {
                assertEquals("", r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static final long[] FIBS = new long[21];
    /**
     * fib's code: local.get, i32.const, i32.lt_u, if (4); then-arm local.get (1): 5 per leaf; else-arm
     * local.get, i32.const, i32.sub, call, local.get, i32.const, i32.sub, call, i32.add (9): 13 per inner
     * node. fib(20) has fib(21) = 10,946 leaves and 10,945 inner nodes: 54,730 + 142,285.
     */
    private static final long FIB_20_INSTRUCTIONS = 10_946L * 5 + 10_945L * 13;

    static {
        FIBS[1] = 1;
        for (int i = 2; i < FIBS.length; i++) {
            FIBS[i] = FIBS[i - 1] + FIBS[i - 2];
        }
    }

    @Test
    void callsCheckTheirArgumentsAndExports() {
        Instance instance = Wasm.instantiate(FIB);
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> instance.call("fib"));
        assertTrue(wrongCount.getMessage().contains("takes 1 argument slots"), wrongCount.getMessage());
        assertThrows(IllegalArgumentException.class, () -> instance.call("fib", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> instance.call("memory"));
        assertThrows(IllegalArgumentException.class, () -> instance.call("nothing"));
        assertEquals(List.of("fib", "memory"), new ArrayList<>(instance.exports().keySet()));
        assertEquals(Wasm.funcType(types(I32), types(I32)), instance.module().exportedFunctionType("fib"));
        assertEquals(6765, instance.call("fib", 20)[0]);
    }
}
