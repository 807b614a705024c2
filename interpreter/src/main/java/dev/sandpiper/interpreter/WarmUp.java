package dev.sandpiper.interpreter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Warms the JIT up for the interpreter: runs a built-in module ({@code interpreter/warmup/warmup.wat})
 * that executes every op of the interpreter loop, until {@code budget} has passed.
 *
 * <p>Why: until HotSpot has compiled the interpreter loop, WebAssembly runs 20 to 50 times slower,
 * and a loop compiled from a partial profile is thrown away (deoptimised) the first time it meets an
 * op it has not seen, stalling that call. A service with per-call deadlines (50 ms per transform by
 * default) would see its first events time out. Warming up once, at start, with every op exercised,
 * avoids both. It runs on the caller's thread and leaves nothing behind.
 */
public final class WarmUp {
    private static final String MODULE = "warmup.wasm";
    private static volatile boolean warmed;

    private WarmUp() {}

    /** Runs the warm-up once per JVM (later calls return at once); returns whether this call ran it. */
    public static synchronized boolean once(Duration budget) {
        if (warmed) {
            return false;
        }
        run(budget);
        warmed = true;
        return true;
    }

    /** Runs the warm-up workload for about {@code budget}. */
    public static void run(Duration budget) {
        CompiledModule module = CompiledModule.compile(load());
        long end = System.nanoTime() + budget.toNanos();
        Store store = new Store();
        Instance instance = new Linker(store).instantiate(module);
        FunctionInstance work = instance.function("run");
        FunctionInstance trap = instance.function("trap");
        do {
            work.call(200);
            try {
                trap.call();
            } catch (TrapException expected) {
                // exercising the trap path is the point
            }
        } while (System.nanoTime() < end);
    }

    private static byte[] load() {
        try (InputStream in = WarmUp.class.getResourceAsStream(MODULE)) {
            if (in == null) {
                throw new IllegalStateException(MODULE + " missing from the interpreter jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
