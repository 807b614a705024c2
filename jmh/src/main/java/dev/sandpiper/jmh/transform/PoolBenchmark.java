package dev.sandpiper.jmh.transform;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmRuntimePool;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.WarmUp;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Events per second through a {@link WasmRuntimePool} of 2 runtimes ({@link WasmRuntimePool#transform(Event)}),
 * driven by one thread ({@code oneThread}) and by two ({@code twoThreads}); JMH's throughput with two
 * threads is the sum of both. Each thread cycles the 40 sample events on its own. On a 2-core machine
 * two threads can at best double one thread's rate; the pool's borrow and return (a blocking queue)
 * is part of every operation. The setup checks the pool gives the guest's outputs over all 40 events.
 * {@code oneThread} and {@code twoThreads} run the guest on the interpreter; {@code compiledOneThread}
 * and {@code compiledTwoThreads} compiled to JVM bytecode when loaded (one module, its code shared by
 * both runtimes).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PoolBenchmark {

    /** Runtimes in the pool. */
    public static final int POOL_SIZE = 2;

    /** A pool of {@link #POOL_SIZE} runtimes of one module, shared by the benchmark's threads. */
    @State(Scope.Benchmark)
    public abstract static class Shared {
        /**
         * Parameter {@code transform}: pass-through (the runtime's own cost, where contention on the
         * pool would show most) and mask-pii (a real guest); any other with {@code -p transform=enrich},
         * say.
         */
        @Param({"pass-through", "mask-pii"})
        public String transform;

        public WasmRuntimePool pool;
        public final AtomicLong failures = new AtomicLong();
        public volatile TransformResult.Failed lastFailure;

        /** Warms up, loads the guest for {@code engine} into a pool and checks its outputs. */
        void setup(Engine engine) throws TransformException {
            WarmUp.once(TransformBenchmark.WARM_UP);
            TransformCase c = TransformCase.of(transform);
            pool = new WasmRuntimePool(c.load(engine), POOL_SIZE);
            pool.init();
            List<Event> expected = c.guestOutputs();
            String what = transform + " pool (engine " + engine + ")";
            TransformCase.checkAgainst(expected, what, i -> TransformCase.output(what,
                    pool.transform(Sample.events().get(i))));
        }

        final TransformResult counted(TransformResult r) {
            if (r instanceof TransformResult.Failed) {
                failures.incrementAndGet();
                lastFailure = (TransformResult.Failed) r;
            }
            return r;
        }

        @TearDown(Level.Iteration)
        public void noFailures() {
            long n = failures.get();
            if (n > 0) {
                throw new IllegalStateException(transform + ": " + n + " pooled transforms failed during the iteration, the last"
                        + " with " + lastFailure.error());
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    /** The pool on the interpreter. */
    @State(Scope.Benchmark)
    public static class Pool extends Shared {
        @Setup(Level.Trial)
        public void setup() throws TransformException {
            setup(Engine.INTERPRETER);
        }
    }

    /** The pool compiled to JVM bytecode when loaded. */
    @State(Scope.Benchmark)
    public static class CompiledPool extends Shared {
        @Setup(Level.Trial)
        public void setup() throws TransformException {
            setup(Engine.COMPILER);
        }
    }

    /** Each thread's own position in the sample. */
    @State(Scope.Thread)
    public static class Cursor extends EventCursor {}

    @Benchmark
    @Threads(1)
    public TransformResult oneThread(Pool p, Cursor c) {
        return p.counted(p.pool.transform(c.events[c.next()]));
    }

    @Benchmark
    @Threads(2)
    public TransformResult twoThreads(Pool p, Cursor c) {
        return p.counted(p.pool.transform(c.events[c.next()]));
    }

    @Benchmark
    @Threads(1)
    public TransformResult compiledOneThread(CompiledPool p, Cursor c) {
        return p.counted(p.pool.transform(c.events[c.next()]));
    }

    @Benchmark
    @Threads(2)
    public TransformResult compiledTwoThreads(CompiledPool p, Cursor c) {
        return p.counted(p.pool.transform(c.events[c.next()]));
    }
}
