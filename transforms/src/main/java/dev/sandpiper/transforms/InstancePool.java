package dev.sandpiper.transforms;

import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntime;
import dev.sandpiper.interpreter.MemoryBudget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The instances of one module version: between 1 and {@code max} {@link WasmRuntime}s, each with
 * its own linear memory. Borrowing takes the most recently used idle instance (so the others stay
 * idle and can be reclaimed), creates one when none is idle and the pool is below {@code max}, and
 * otherwise waits. {@link #reclaim} closes instances idle longer than the idle timeout, keeping at
 * least one. Guest metrics of closed instances go to {@link Stats}.
 */
final class InstancePool {
    private record Idle(WasmRuntime runtime, long since) {}

    private final WasmModule module;
    private final int max;
    private final long idleNanos;
    private final Stats stats;
    private final MemoryBudget budget;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    /** Idle instances, most recently used first. */
    private final ArrayDeque<Idle> idle = new ArrayDeque<>();
    /** Every live instance (idle or borrowed); guarded by {@code stats}. */
    private final List<WasmRuntime> live = new ArrayList<>();
    private int size;
    private boolean closed;

    /** A pool whose instances reserve their memory from {@code budget}. */
    InstancePool(WasmModule module, int max, long idleNanos, Stats stats, MemoryBudget budget) {
        this.module = module;
        this.budget = budget;
        this.max = max;
        this.idleNanos = idleNanos;
        this.stats = stats;
    }

    WasmModule module() {
        return module;
    }

    /**
     * Creates {@code n} instances (at most {@code max}) and runs each one's {@code init}, so the first
     * events do not pay for either.
     *
     * @throws TransformException when an {@code init} fails other than by a timeout
     */
    void prewarm(int n) throws TransformException {
        List<WasmRuntime> made = new ArrayList<>();
        lock.lock();
        try {
            while (size < Math.min(n, max)) {
                WasmRuntime r = module.newRuntime(budget);
                synchronized (stats) {
                    live.add(r);
                }
                size++;
                idle.addLast(new Idle(r, System.nanoTime()));
                made.add(r);
            }
        } finally {
            lock.unlock();
        }
        for (WasmRuntime r : made) {
            try {
                r.init();
            } catch (TransformException e) {
                // A slow first init (a cold JVM) is retried before the instance's first event; any other
                // failure (the guest rejecting its configuration, a trap) fails the deployment.
                if (e.error().kind() != dev.sandpiper.abi.TransformError.Kind.TIMEOUT) {
                    throw e;
                }
            }
        }
    }

    /** An instance for one event; give it back with {@link #release}. */
    WasmRuntime borrow() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the instance pool of " + module.name() + " is closed");
                }
                Idle i = idle.pollFirst();
                if (i != null) {
                    return i.runtime();
                }
                if (size < max) {
                    size++;
                    break;
                }
                available.await();
            }
        } finally {
            lock.unlock();
        }
        WasmRuntime r = module.newRuntime(budget); // instantiated (and init run) lazily by its first event
        synchronized (stats) {
            live.add(r);
        }
        return r;
    }

    void release(WasmRuntime r) {
        lock.lock();
        try {
            idle.addFirst(new Idle(r, System.nanoTime()));
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the instances idle since before {@code now - idle timeout}, keeping at least one; returns how many. */
    int reclaim(long now) {
        List<WasmRuntime> expired = new ArrayList<>();
        lock.lock();
        try {
            Iterator<Idle> oldestFirst = idle.descendingIterator();
            while (oldestFirst.hasNext() && size > 1) {
                Idle i = oldestFirst.next();
                if (now - i.since() < idleNanos) {
                    break;
                }
                oldestFirst.remove();
                size--;
                expired.add(i.runtime());
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(this::retire);
        return expired.size();
    }

    private void retire(WasmRuntime r) {
        r.close(); // runs the guest's shutdown
        synchronized (stats) {
            live.remove(r);
            stats.retire(r.metrics());
        }
    }

    /** Live instances, idle or busy. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Guest metrics summed over the live instances; call holding the {@code stats} monitor for a consistent total. */
    Map<String, Long> guestMetrics() {
        Map<String, Long> sum = new TreeMap<>();
        synchronized (stats) {
            for (WasmRuntime r : live) {
                r.metrics().forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
        }
        return sum;
    }

    /** Closes every idle instance (all of them once the pool's events are done). */
    void close() {
        List<WasmRuntime> all = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Idle i : idle) {
                all.add(i.runtime());
            }
            idle.clear();
            size -= all.size();
            available.signalAll();
        } finally {
            lock.unlock();
        }
        all.forEach(this::retire);
    }
}
