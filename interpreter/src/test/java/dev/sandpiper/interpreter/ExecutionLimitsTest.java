package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.FUNCREF;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The guardrails of {@link ExecutionLimits} and {@link Store}: wall-clock deadline, interruption
 * from another thread, call depth and value-stack size (including host functions re-entering
 * WebAssembly), memory and table sizes.
 */
class ExecutionLimitsTest {
    private static final List<ValType> NONE = List.of();

    /**
     * func 0 "spin": (loop (br 0)), forever. func 1 "answer": i32.const 42.
     * func 2 "started": calls the imported "env.started" once, then spins.
     */
    private static ModuleBytes spinner(boolean withStartedImport) {
        ModuleBytes m = ModuleBytes.module().type(NONE, NONE).type(NONE, types(I32));
        int base = 0;
        if (withStartedImport) {
            m.importFunc("env", "started", 0);
            base = 1;
        }
        m.function(0, Code.code().loop().br(0).end().end())
                .function(1, Code.code().i32Const(42).end())
                .export("spin", ExternKind.FUNC, base)
                .export("answer", ExternKind.FUNC, base + 1);
        if (withStartedImport) {
            m.function(0, Code.code().call(0).loop().br(0).end().end()).export("started", ExternKind.FUNC, base + 2);
        }
        return m;
    }

    @Test
    void aDeadlineStopsAnInfiniteLoop() {
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(50))),
                spinner(false));
        // The first call may be the JVM's first run of the interpreter loop: while HotSpot compiles it,
        // a call can stall (up to ~190 ms measured on a loaded 2-core box, about 1 cold run in 15), which
        // says nothing about the deadline. It must still stop, with the right trap and not early.
        long coldMillis = spinMillis(instance);
        assertTrue(coldMillis < 2_000, "cold call stopped only after " + coldMillis + " ms");
        // A guardrail check, not a performance claim: each call has its own 50 ms deadline, and stops
        // after it and well within 5x of it.
        for (int call = 0; call < 3; call++) {
            long millis = spinMillis(instance);
            // Each fill takes milliseconds; without the poll after each one the loop would never end. The
            // bound is far above the deadline so that a loaded 2-core machine cannot miss it.
            assertTrue(millis < 5_000, "call " + call + " stopped only after " + millis + " ms");
        }
        assertEquals(42, instance.call("answer")[0]);
    }

    /**
     * A loop of bulk operations executes few instructions, but each one takes time in proportion to
     * its size: a loop filling 16 MiB per iteration runs 4 instructions a turn, so the every-10,000
     * instructions poll alone would let it fill some 40 GB before looking at the clock. Bulk
     * operations poll the deadline themselves.
     */
    @Test
    void aDeadlineStopsALoopOfLargeBulkOperations() {
        // (memory 256) (func (loop (memory.fill (i32.const 0) (i32.const 0) (i32.const 16 MiB)) (br 0)))
        ModuleBytes m = ModuleBytes.module().type(NONE, NONE).memory(256, 256)
                .function(0, Code.code().loop().i32Const(0).i32Const(0).i32Const(16 << 20)
                        .op(Opcode.MEMORY_FILL).raw(0).br(0).end().end())
                .export("fill", ExternKind.FUNC, 0);
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(50))), m);
        for (int call = 0; call < 3; call++) {
            long start = System.nanoTime();
            TrapException trap = assertThrows(TrapException.class, () -> instance.call("fill"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
            // Each fill takes milliseconds; without the poll after each one the loop would never end. The
            // bound is far above the deadline so that a loaded 2-core machine cannot miss it.
            assertTrue(millis < 5_000, "call " + call + " stopped only after " + millis + " ms");
        }
    }

    /**
     * Growing one page at a time copies O(size) bytes in all, not O(size^2), and stops at the
     * store's page limit: memory.grow returns -1 there (2.0, Execution > Instructions > Memory
     * Instructions, memory.grow may fail) and the memory stays at the limit.
     */
    @Test
    void growingPageByPageCopiesLittleAndStopsAtTheLimit() {
        // (memory 1) (func (result i32) (loop (br_if 0 (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
        //   (memory.size))
        ModuleBytes m = ModuleBytes.module().type(NONE, types(I32)).memory(1, 65536)
                .function(0, Code.code().loop().i32Const(1).memoryGrow().i32Const(-1).op(Opcode.I32_NE).brIf(0)
                        .end().memorySize().end())
                .export("grow", ExternKind.FUNC, 0);
        // The timeout is only a safety net: a regression to copying on every grow fails below, not here.
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(4096).withTimeout(Duration.ofSeconds(60)));
        Instance instance = Wasm.instantiate(store, m);
        assertEquals(4096, instance.call("grow")[0]);
        Memory memory = instance.memory();
        long size = memory.byteSize();
        assertEquals(256L << 20, size);
        assertEquals(1, memory.deniedGrows(), "the one grow past the limit is refused, and the loop ends");
        // 4,095 grows to 256 MiB: doubling the backing array copies 64 KiB + 128 KiB + ... + 128 MiB,
        // under the final size in all; copying the whole memory on every grow would be over 500 GB.
        long copied = memory.bytesCopiedGrowing();
        assertTrue(copied > 0 && copied < size, "growing to 256 MiB copied " + copied + " bytes");
    }

    /** Runs "spin" until its deadline; checks the trap; returns how long it ran. */
    private static long spinMillis(Instance instance) {
        long start = System.nanoTime();
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("spin"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
        assertTrue(trap.getMessage().startsWith("deadline exceeded"), trap.getMessage());
        assertTrue(elapsedMillis >= 50, "stopped after " + elapsedMillis + " ms, before the deadline");
        return elapsedMillis;
    }

    @Test
    void interruptFromAnotherThreadStopsAnInfiniteLoop() throws Exception {
        // The timeout is only a safety net, so that a broken interrupt fails the test instead of hanging it.
        Store store = new Store(ExecutionLimits.DEFAULT.withTimeout(Duration.ofSeconds(20)));
        CountDownLatch started = new CountDownLatch(1);
        Instance instance = new Linker(store)
                .defineFunction("env", "started", Wasm.funcType(NONE, NONE), (ctx, args, results) -> started.countDown())
                .instantiate(Wasm.compile(spinner(true)));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<TrapException> call = executor.submit(
                    () -> assertThrows(TrapException.class, () -> instance.call("started")));
            assertTrue(started.await(10, TimeUnit.SECONDS), "the guest did not start");
            store.interrupt();
            TrapException trap = call.get(10, TimeUnit.SECONDS);
            assertEquals(TrapKind.INTERRUPTED, trap.kind());
            assertEquals("interrupted", trap.getMessage().substring(0, "interrupted".length()));
            // The interrupt was consumed: the store runs the next call normally, on another thread too.
            assertEquals(42L, executor.submit(() -> instance.call("answer")[0]).get(10, TimeUnit.SECONDS));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anInterruptWithNoCallInProgressHasNoEffect() {
        Store store = new Store();
        Instance instance = Wasm.instantiate(store, spinner(false));
        store.interrupt();
        assertEquals(42, instance.call("answer")[0]);
    }

    // ------------------------------------------------------------------ call depth and stack

    /**
     * func 0 "forever": call 0 (unbounded recursion).
     * func 1 "down" (param i32) (result i32): n > 0 ? down(n - 1) + 1 : 0, which uses n + 1 frames.
     */
    private static final ModuleBytes RECURSION = ModuleBytes.module()
            .type(NONE, NONE)
            .type(types(I32), types(I32))
            .function(0, Code.code().call(0).end())
            .function(1, Code.code()
                    .localGet(0).if_(I32)
                    .localGet(0).i32Const(1).op(Opcode.I32_SUB).call(1).i32Const(1).op(Opcode.I32_ADD)
                    .else_().i32Const(0).end()
                    .end())
            .export("forever", ExternKind.FUNC, 0)
            .export("down", ExternKind.FUNC, 1);

    @Test
    void unboundedRecursionTrapsWithCallStackExhausted() {
        Instance instance = Wasm.instantiate(RECURSION);
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("forever"));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        assertTrue(trap.getMessage().startsWith("call stack exhausted"), trap.getMessage());
        assertEquals(List.of("func 0 x10000"), trap.wasmStack(), "one frame per allowed call, collapsed");
        // The store is fine afterwards: a deep but bounded recursion still runs to the full depth.
        assertEquals(9_999, instance.call("down", 9_999)[0]);
    }

    @Test
    void maxCallDepthIsExact() {
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(5)), RECURSION);
        assertEquals(4, instance.call("down", 4)[0]); // 5 frames
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("down", 5));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        assertEquals(List.of("func 1 x5"), trap.wasmStack());
        assertEquals(3, instance.call("down", 3)[0]);
    }

    @Test
    void framesWithManyLocalsHitMaxStackSlots() {
        // (global $depth (mut i32) 0)
        // func 0 "deep" with 1000 i64 locals: global.get 0, i32.const 1, i32.add, global.set 0, call 0
        // A frame is 1000 local slots + 2 operand slots. Frame k starts at slot 1000 * (k - 1) and ends at
        // 1000 * (k - 1) + 1002: with 2,048 slots, frames 1 and 2 fit (end 1002, 2002), frame 3 (3002) does not.
        ValType[] locals = new ValType[1000];
        Arrays.fill(locals, I64);
        ModuleBytes m = ModuleBytes.module()
                .type(NONE, NONE)
                .global(I32, true, ModuleBytes.i32Expr(0))
                .function(0, locals, Code.code()
                        .globalGet(0).i32Const(1).op(Opcode.I32_ADD).globalSet(0).call(0).end())
                .export("deep", ExternKind.FUNC, 0)
                .export("depth", ExternKind.GLOBAL, 0);
        for (int slots : new int[] {2048, 8192, 100_000}) {
            Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxStackSlots(slots)), m);
            TrapException trap = assertThrows(TrapException.class, () -> instance.call("deep"));
            assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
            assertTrue(trap.getMessage().startsWith("call stack exhausted"), trap.getMessage());
            long framesThatFit = (slots - 2) / 1000;
            assertEquals(framesThatFit, ((Global) instance.export("depth")).value(), "frames run with " + slots + " slots");
        }
    }

    /**
     * (import "env" "reenter" (func)): the host calls back "recurse".
     * func 1 "recurse": call 0. Host and WebAssembly recurse into each other forever.
     */
    private static Instance reentrant(Store store) {
        AtomicReference<Instance> self = new AtomicReference<>();
        Instance instance = new Linker(store)
                .defineFunction("env", "reenter", Wasm.funcType(NONE, NONE),
                        (ctx, args, results) -> self.get().call("recurse"))
                .instantiate(Wasm.compile(ModuleBytes.module()
                        .type(NONE, NONE)
                        .type(NONE, types(I32))
                        .importFunc("env", "reenter", 0)
                        .function(0, Code.code().call(0).end())
                        .function(1, Code.code().i32Const(7).end())
                        .export("recurse", ExternKind.FUNC, 1)
                        .export("seven", ExternKind.FUNC, 2)));
        self.set(instance);
        return instance;
    }

    @Test
    void hostReentryEndsInCallStackExhaustedAtTheDepthLimit() {
        Instance instance = reentrant(new Store(ExecutionLimits.DEFAULT.withMaxCallDepth(200)));
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("recurse"));
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        assertEquals(List.of("func 1 x200"), trap.wasmStack(), "one wasm frame per level");
        assertEquals(7, instance.call("seven")[0]);
    }

    @Test
    void hostReentryDeeperThanTheJavaStackEndsInCallStackExhausted() throws Exception {
        // A small Java stack, so the Java stack overflows long before 10,000 nested calls.
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Long> after = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            Instance instance = reentrant(new Store());
            try {
                instance.call("recurse");
            } catch (Throwable t) {
                thrown.set(t);
            }
            after.set(instance.call("seven")[0]);
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join(30_000);
        assertTrue(thrown.get() instanceof TrapException, "expected a trap, got " + thrown.get());
        TrapException trap = (TrapException) thrown.get();
        assertEquals(TrapKind.CALL_STACK_EXHAUSTED, trap.kind());
        assertTrue(trap.getMessage().startsWith("call stack exhausted"));
        int frames = Integer.parseInt(trap.wasmStack().get(0).replace("func 1 x", ""));
        assertTrue(frames < ExecutionLimits.DEFAULT.maxCallDepth(), "the Java stack ran out first: " + frames);
        assertEquals(7L, after.get(), "the store works after the overflow");
    }

    // ------------------------------------------------------------------ memory

    /** (memory min max) with exports "grow" (memory.grow) and "size" (memory.size). */
    private static ModuleBytes growable(long min, long max) {
        return ModuleBytes.module()
                .type(types(I32), types(I32))
                .type(NONE, types(I32))
                .memory(min, max)
                .function(0, Code.code().localGet(0).memoryGrow().end())
                .function(1, Code.code().memorySize().end())
                .export("grow", ExternKind.FUNC, 0)
                .export("size", ExternKind.FUNC, 1)
                .export("memory", ExternKind.MEMORY, 0);
    }

    @Test
    void memoryGrowPastMaxMemoryPagesReturnsMinusOneAndLeavesMemoryUnchanged() {
        Instance instance = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(4)), growable(1, -1));
        Memory memory = instance.memory();
        memory.writeLong(65_528, 0x0123456789ABCDEFL);
        assertEquals(1, instance.call("grow", 2)[0]);
        assertEquals(-1, (int) instance.call("grow", 2)[0], "3 + 2 pages pass the limit of 4");
        assertEquals(3, instance.call("size")[0]);
        assertEquals(3 * Memory.PAGE_SIZE, memory.byteSize());
        assertEquals(3, instance.call("grow", 1)[0]);
        assertEquals(-1, (int) instance.call("grow", 1)[0]);
        assertEquals(-1, (int) instance.call("grow", -1)[0], "0xFFFFFFFF pages");
        assertEquals(4, instance.call("grow", 0)[0]);
        assertEquals(4, memory.pages());
        assertEquals(3, memory.deniedGrows());
        assertEquals(0x0123456789ABCDEFL, memory.readLong(65_528), "contents kept across growth");
        assertEquals(0L, memory.readLong(4 * Memory.PAGE_SIZE - 8), "new pages are zeroed");
    }

    @Test
    void memoryGrowPastTheDeclaredMaximumReturnsMinusOne() {
        Instance instance = Wasm.instantiate(growable(1, 2));
        assertEquals(-1, (int) instance.call("grow", 2)[0]);
        assertEquals(1, instance.call("grow", 1)[0]);
        assertEquals(-1, (int) instance.call("grow", 1)[0]);
        assertEquals(2, instance.call("size")[0]);
    }

    @Test
    void initialMemoryAboveTheLimitIsUninstantiable() {
        CompiledModule module = Wasm.compile(growable(5, -1));
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(4));
        UninstantiableException e = assertThrows(UninstantiableException.class, () -> new Linker(store).instantiate(module));
        assertTrue(e.getMessage().contains("limit of 4 pages"), e.getMessage());
        assertEquals(null, e.trap());
        // Exactly at the limit is fine; so is a limit given in bytes (rounded down to pages).
        new Linker(new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(5))).instantiate(module);
        Store bytes = new Store(ExecutionLimits.DEFAULT.withMaxMemoryBytes(5L * Memory.PAGE_SIZE - 1));
        assertTrue(assertThrows(UninstantiableException.class, () -> new Linker(bytes).instantiate(module))
                .getMessage().contains("limit of 4 pages"));
    }

    // ------------------------------------------------------------------ tables

    /** (table min max funcref) with exports "grow" (table.grow with ref.null) and "size". */
    private static ModuleBytes growableTable(long min, long max) {
        return ModuleBytes.module()
                .type(types(I32), types(I32))
                .type(NONE, types(I32))
                .table(FUNCREF, min, max)
                .function(0, Code.code().refNull(FUNCREF).localGet(0).op(Opcode.TABLE_GROW).u32(0).end())
                .function(1, Code.code().op(Opcode.TABLE_SIZE).u32(0).end())
                .export("grow", ExternKind.FUNC, 0)
                .export("size", ExternKind.FUNC, 1)
                .export("table", ExternKind.TABLE, 0);
    }

    @Test
    void tableGrowPastMaxTableElementsOrTheDeclaredMaximumReturnsMinusOne() {
        Instance limited = Wasm.instantiate(new Store(ExecutionLimits.DEFAULT.withMaxTableElements(10)),
                growableTable(2, -1));
        assertEquals(2, limited.call("grow", 8)[0]);
        assertEquals(-1, (int) limited.call("grow", 1)[0]);
        assertEquals(-1, (int) limited.call("grow", -1)[0]);
        assertEquals(10, limited.call("size")[0]);
        Instance declared = Wasm.instantiate(growableTable(2, 3));
        assertEquals(-1, (int) declared.call("grow", 2)[0]);
        assertEquals(2, declared.call("grow", 1)[0]);
        assertEquals(3, ((Table) declared.export("table")).size());
    }

    @Test
    void initialTableAboveTheLimitIsUninstantiable() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxTableElements(5));
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> new Linker(store).instantiate(Wasm.compile(growableTable(6, -1))));
        assertTrue(e.getMessage().contains("limit of 5 elements"), e.getMessage());
        assertEquals(5, new Linker(store).instantiate(Wasm.compile(growableTable(5, -1))).call("size")[0]);
    }

    // ------------------------------------------------------------------ the limits themselves

    @Test
    void limitsRejectNonsense() {
        ExecutionLimits d = ExecutionLimits.DEFAULT;
        assertThrows(IllegalArgumentException.class, () -> d.withFuel(-2));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxCallDepth(0));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxMemoryPages(ExecutionLimits.MAX_MEMORY64_PAGES + 1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxMemoryPages(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxTableElements(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxStackSlots(1023));
        assertArrayEquals(new long[] {ExecutionLimits.UNLIMITED, 0, 10_000, 32767, 10_000_000, 4 << 20},
                new long[] {d.fuel(), d.timeout().toMillis(), d.maxCallDepth(), d.maxMemoryPages(),
                        d.maxTableElements(), d.maxStackSlots()});
    }
}
