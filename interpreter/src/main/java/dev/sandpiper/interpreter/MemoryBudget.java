package dev.sandpiper.interpreter;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One memory budget shared by many stores: every linear memory and table an instance defines
 * reserves the heap its backing array takes from the budget before allocating it, and gives it
 * back when it is discarded. A grow that does not fit returns -1 (spec 2.0, Execution > Instructions
 * > {@code memory.grow}: "the operation may fail for any reason"); an instance whose initial memory
 * or tables do not fit is not instantiated. So many guests together cannot take the heap from the
 * host, whatever each one's own limit.
 *
 * <p>Discarded means either released explicitly ({@link Store#close()}) or no longer reachable:
 * each reservation is tracked by a phantom reference to its memory or table, and the budget reclaims
 * those the garbage collector has found whenever it is asked for more. It starts no thread. When a
 * reservation does not fit, it asks for a collection and waits up to 0.1 s for what that frees
 * before refusing; after a collection that freed nothing it waits a second before asking again.
 *
 * <p>{@link #shared()} is the process's default: half of {@link Runtime#maxMemory()}.
 */
public final class MemoryBudget {
    private static final MemoryBudget SHARED = new MemoryBudget(Runtime.getRuntime().maxMemory() / 2);
    private static final long GC_INTERVAL_NANOS = 1_000_000_000L;

    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder refusals = new java.util.concurrent.atomic.LongAdder();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Set<Holding> holdings = ConcurrentHashMap.newKeySet();
    private final Object gcLock = new Object();
    private long lastGc;
    private boolean lastGcFruitless;

    /** A budget of {@code bytes}. */
    public MemoryBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive, not " + bytes);
        }
        this.capacity = bytes;
    }

    /** The process-wide budget stores use unless given one: half the JVM's maximum heap. */
    public static MemoryBudget shared() {
        return SHARED;
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now (including reservations of objects not yet collected). */
    public long used() {
        reclaim();
        return used.get();
    }

    /** The most bytes reserved at any one time since this budget was made. */
    public long peak() {
        return peak.get();
    }

    /**
     * How many reservations this budget has refused so far: a caller that sees it grow during a
     * call whose {@code memory.grow} returned -1 can tell the budget's refusal from its own limit's.
     */
    public long refusals() {
        return refusals.sum();
    }

    /** "memory budget 64.0 MiB, peak 12.0 MiB in use", for a command's summary. */
    public String summary() {
        return "memory budget " + mib(capacity) + " MiB, peak " + mib(peak()) + " MiB in use";
    }

    /** "12.0 of 64.0 MiB in use" for messages. */
    public String describe() {
        return mib(used()) + " of " + mib(capacity) + " MiB in use";
    }

    /** {@code bytes} in MiB with one decimal: "12.0". */
    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** Starts tracking {@code owner}'s reservations (none yet). */
    Holding open(Object owner) {
        Holding h = new Holding(owner, this);
        holdings.add(h);
        return h;
    }

    /** Takes {@code bytes} if they fit; false (taking nothing, counting a refusal) if not. */
    boolean tryTake(long bytes) {
        if (tryTakeOrCollect(bytes)) {
            return true;
        }
        refusals.increment();
        return false;
    }

    private boolean tryTakeOrCollect(long bytes) {
        if (take(bytes)) {
            return true;
        }
        reclaim();
        if (take(bytes)) {
            return true;
        }
        synchronized (gcLock) {
            // Reservations of unreachable memories may be waiting for a collection. Ask for one,
            // unless the last one found nothing less than a second ago (a guest retrying a refused
            // grow in a loop must not turn into a collection per retry).
            long now = System.nanoTime();
            if (holdings.isEmpty() || lastGcFruitless && now - lastGc < GC_INTERVAL_NANOS) {
                return false;
            }
            lastGc = now;
            System.gc();
            lastGcFruitless = drain() == 0;
        }
        return take(bytes);
    }

    /** Reclaims what a collection just found; the references arrive shortly after it. */
    private int drain() {
        int n = 0;
        try {
            for (Reference<?> r = collected.remove(100); r != null; r = collected.remove(10)) {
                ((Holding) r).close();
                n++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return n;
    }

    private boolean take(long bytes) {
        for (;;) {
            long u = used.get();
            if (u + bytes > capacity) {
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) {
                peak.accumulateAndGet(u + bytes, Math::max);
                return true;
            }
        }
    }

    void give(long bytes) {
        used.addAndGet(-bytes);
    }

    private void reclaim() {
        for (Reference<?> r; (r = collected.poll()) != null; ) {
            ((Holding) r).close();
        }
    }

    /**
     * The bytes one memory or table holds in the budget, given back when it is closed or its owner
     * is collected.
     */
    static final class Holding extends PhantomReference<Object> {
        private final MemoryBudget budget;
        private long bytes;
        private boolean closed;

        private Holding(Object owner, MemoryBudget budget) {
            super(owner, budget.collected);
            this.budget = budget;
        }

        MemoryBudget budget() {
            return budget;
        }

        /** Adds {@code more} bytes if the budget has them. */
        synchronized boolean grow(long more) {
            if (closed) {
                return false;
            }
            if (more <= 0) {
                return true;
            }
            if (!budget.tryTake(more)) {
                return false;
            }
            bytes += more;
            return true;
        }

        /** Gives {@code fewer} bytes back (an allocation that failed after its reservation). */
        synchronized void shrink(long fewer) {
            long n = Math.min(fewer, bytes);
            bytes -= n;
            budget.give(n);
        }

        synchronized boolean isClosed() {
            return closed;
        }

        /** Gives everything back; later growth is refused (the owner is being discarded). */
        synchronized void close() {
            if (!closed) {
                closed = true;
                budget.give(bytes);
                bytes = 0;
                budget.holdings.remove(this);
            }
        }
    }
}
