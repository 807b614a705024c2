package dev.sandpiper.transforms;

import dev.sandpiper.abi.WasmModule;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One version of a deployed transform: its spec, its module's instance pool and its lanes. A hot
 * reload makes a new generation current; the old one gets no new events, finishes those it was
 * given ({@link #retire}), then closes its pool and stops its lanes. The new generation's lanes
 * start only when the old one has drained ({@code startGate}), so events of one key never run on
 * two versions at once.
 *
 * <p>Each lane is one thread taking events from its own queue in order. An event goes to the lane
 * of its key's hash ({@link EventKey}), so events of one key are processed one at a time, in order;
 * events without a key go round the lanes. There are {@code instances} lanes, and a lane holds at
 * most one instance at a time, so the pool never makes a lane wait; when few lanes are busy, few
 * instances are used and the rest are reclaimed.
 */
final class Generation {
    /** One event for one transform: its position in the transform's input and the message. */
    record Work(long seq, Message message, Generation generation) {}

    private static final Work STOP = new Work(-1, null, null);

    final int number;
    final TransformSpec spec;
    final InstancePool pool;
    private final Deployment deployment;
    private final Lane[] lanes;
    private final CountDownLatch startGate;
    private final CountDownLatch drained = new CountDownLatch(1);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean retired;
    private long roundRobin;

    Generation(Deployment deployment, int number, TransformSpec spec, WasmModule module, long idleNanos,
            Generation previous) {
        this.deployment = deployment;
        this.number = number;
        this.spec = spec;
        this.pool = new InstancePool(module, spec.instances(), idleNanos, deployment.stats, deployment.memoryBudget());
        this.startGate = previous == null ? new CountDownLatch(0) : previous.drained;
        this.lanes = new Lane[spec.instances()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    void start() {
        for (Lane l : lanes) {
            l.thread.start();
        }
    }

    /** Queues an event on its lane; called under the deployment's lock, in sequence order. */
    void enqueue(Work w) {
        pending.incrementAndGet();
        int lane = 0;
        if (lanes.length > 1) {
            Object key = w.message().key();
            lane = key == null ? (int) (roundRobin++ % lanes.length) : Math.floorMod(key.hashCode(), lanes.length);
        }
        lanes[lane].queue.add(w);
    }

    /** Events given to this generation and not yet processed. */
    long pending() {
        return pending.get();
    }

    /** No more events will come: finish those queued, then close. */
    void retire() {
        retired = true;
        if (pending.get() == 0) {
            finish();
        }
    }

    boolean retired() {
        return retired;
    }

    private void processed() {
        if (pending.decrementAndGet() == 0 && retired) {
            finish();
        }
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            for (Lane l : lanes) {
                l.queue.add(STOP);
            }
            pool.close();
            deployment.generationFinished(this);
            drained.countDown();
        }
    }

    /** Stops the lanes at once (the host is closing). */
    void interrupt() {
        for (Lane l : lanes) {
            l.thread.interrupt();
        }
    }

    void join(long millis) throws InterruptedException {
        for (Lane l : lanes) {
            l.thread.join(millis);
        }
    }

    private final class Lane implements Runnable {
        final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(int index) {
            thread = new Thread(this, "sandpiper-" + spec.name() + "-v" + number + "-lane-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                startGate.await();
                while (true) {
                    Work w = queue.take();
                    if (w == STOP) {
                        return;
                    }
                    Deployment.Done done;
                    try {
                        done = deployment.process(w);
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Throwable t) {
                        // Whatever breaks, the event gets an outcome, so nothing waits for it forever.
                        done = deployment.crashed(w, t);
                    }
                    processed();
                    deployment.finished(w, done);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
