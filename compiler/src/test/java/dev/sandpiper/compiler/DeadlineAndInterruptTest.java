package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deadline and {@link Store#interrupt()} stop compiled code that never returns: an infinite loop,
 * and an infinite loop of calls, trap with {@link TrapKind#DEADLINE_EXCEEDED} (not before the
 * timeout, and within a generous 10 s), or with {@link TrapKind#INTERRUPTED} when another thread
 * interrupts once the guest has started (a latch, no sleeps); the instance then answers a normal call.
 */
class DeadlineAndInterruptTest {
    private static final List<ValType> NONE = List.of();

    /**
     * Imports env.started (func 0). func 1 "spin": (loop (br 0)). func 2 "answer": 42. func 3 "tick":
     * global 0 += 1. func 4 "spin_calls": (loop call tick, br 0). func 5 "started": call
     * env.started, then (loop (br 0)). func 6 "started_calls": call env.started, then spin_calls.
     */
    static byte[] spinners() {
        return ModuleBytes.module()
                .type(NONE, NONE)
                .type(NONE, List.of(I32))
                .importFunc("env", "started", 0)
                .global(I32, true, ModuleBytes.i32Expr(0))
                .function(0, Code.code().loop().br(0).end().end())
                .function(1, Code.code().i32Const(42).end())
                .function(0, Code.code().globalGet(0).i32Const(1).op(Opcode.I32_ADD).globalSet(0).end())
                .function(0, Code.code().loop().call(3).br(0).end().end())
                .function(0, Code.code().call(0).loop().br(0).end().end())
                .function(0, Code.code().call(0).call(4).end())
                .export("spin", ExternKind.FUNC, 1)
                .export("answer", ExternKind.FUNC, 2)
                .export("spin_calls", ExternKind.FUNC, 4)
                .export("started", ExternKind.FUNC, 5)
                .export("started_calls", ExternKind.FUNC, 6)
                .build();
    }

    private static Instance instance(CompiledModule m, ExecutionLimits limits, Runnable onStart) {
        return new Linker(new Store(limits))
                .defineFunction("env", "started", FuncType.of(NONE, NONE), (ctx, args, results) -> onStart.run())
                .instantiate(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spin", "spin_calls"})
    void aDeadlineStopsCompiledCodeThatNeverReturns(String name) {
        Instance instance = instance(Tiers.compiled(spinners()),
                ExecutionLimits.DEFAULT.withTimeout(Duration.ofMillis(50)), () -> { });
        for (int call = 0; call < 3; call++) {
            long start = System.nanoTime();
            TrapException trap = assertThrows(TrapException.class, () -> instance.call(name));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(TrapKind.DEADLINE_EXCEEDED, trap.kind());
            assertTrue(millis >= 50, "stopped before its deadline: " + millis + " ms");
            assertTrue(millis < 10_000, "stopped only after " + millis + " ms");
            assertEquals(42, instance.call("answer")[0], "the instance after the trap");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"started", "started_calls"})
    void interruptFromAnotherThreadStopsCompiledCode(String name) throws Exception {
        for (int tier = 0; tier < 2; tier++) {
            CompiledModule m = tier == 0 ? Tiers.interpreted(spinners()) : Tiers.compiled(spinners());
            CountDownLatch started = new CountDownLatch(1);
            Instance instance = instance(m, ExecutionLimits.DEFAULT, started::countDown);
            ExecutorService runner = Executors.newSingleThreadExecutor();
            try {
                Future<TrapException> call = runner.submit(() -> assertThrows(TrapException.class, () -> instance.call(name)));
                assertTrue(started.await(10, TimeUnit.SECONDS), "the guest did not start");
                instance.store().interrupt();
                TrapException trap;
                try {
                    trap = call.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError(Tiers.name(tier) + ": " + e.getCause(), e.getCause());
                }
                assertEquals(TrapKind.INTERRUPTED, trap.kind(), Tiers.name(tier));
                assertEquals(42L, runner.submit(() -> instance.call("answer")[0]).get(10, TimeUnit.SECONDS),
                        Tiers.name(tier) + ": the instance after the trap");
            } finally {
                runner.shutdownNow();
            }
        }
    }

    @Test
    void anInterruptBeforeTheCallDoesNotStopIt() {
        Instance instance = instance(Tiers.compiled(spinners()), ExecutionLimits.DEFAULT.withFuel(1_000_000), () -> { });
        instance.store().interrupt();
        // The flag is cleared when an outermost call starts: this call runs to its fuel limit.
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("spin"));
        assertEquals(TrapKind.FUEL_EXHAUSTED, trap.kind());
    }
}
