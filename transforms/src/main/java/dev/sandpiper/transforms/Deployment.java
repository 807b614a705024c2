package dev.sandpiper.transforms;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.TransformResult;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.abi.WasmRuntime;
import dev.sandpiper.interpreter.MemoryBudget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One deployed transform, across its reloads: admits events, hands them to the current
 * {@link Generation}, and emits their outcomes in admission order.
 *
 * <p><b>Order.</b> Every admitted event gets the next sequence number, under one lock that also
 * picks the generation and queues the event on its lane, so sequence order is queue order. Lanes
 * finish events out of order; {@link #finished} keeps outcomes until all earlier ones are in and
 * then one thread at a time emits them in sequence order (a reorder buffer). So a transform's
 * outputs, dead letters and counts come out in its input order whatever the parallelism, and per key
 * in particular.
 *
 * <p><b>Exactly once.</b> An event is admitted once, processed once by the generation current at its
 * admission, and emitted once: a reload only changes which generation later events go to.
 *
 * <p><b>Backpressure.</b> At most {@code capacity} events are admitted and not yet emitted; a
 * publisher (or the upstream transform's emitter) waits for room.
 */
final class Deployment {
    /** What processing one event gave: the guest's result and, for an output, its canonical JSON. */
    record Done(Generation.Work work, TransformResult result, byte[] json, Event event, String topic,
            boolean abandoned) {}

    private static final System.Logger LOG = System.getLogger("sandpiper.transforms");

    final String name;
    final Stats stats = new Stats();
    private final TransformHost host;
    private final Semaphore capacity;
    private final Object lock = new Object();
    private final CopyOnWriteArrayList<Generation> active = new CopyOnWriteArrayList<>();
    private Generation current;
    private long nextSeq;
    private boolean removed;
    private volatile boolean paused;
    private final Object pauseLock = new Object();
    private final Map<Long, Done> done = new HashMap<>();
    private long nextEmit;
    private boolean emitting;
    private final Object drainLock = new Object();
    private long unfinished;

    /** The budget the instances of every generation reserve their memory from: the host's. */
    MemoryBudget memoryBudget() {
        return host.memoryBudget();
    }

    Deployment(TransformHost host, String name, int capacity) {
        this.host = host;
        this.name = name;
        this.capacity = new Semaphore(capacity);
    }

    /**
     * Makes a generation for {@code spec} and {@code module}, pre-warms its pool and makes it current;
     * the previous generation, if any, drains and closes.
     *
     * @throws TransformException when an instance's {@code init} fails (other than by a timeout,
     *     which the instance retries before its first event)
     */
    void install(TransformSpec spec, WasmModule module) throws TransformException {
        Generation previous;
        synchronized (lock) {
            previous = current;
        }
        Generation g = new Generation(this, previous == null ? 1 : previous.number + 1, spec, module,
                host.idleNanos(), previous);
        try {
            g.pool.prewarm(spec.instances());
        } catch (TransformException e) {
            g.pool.close();
            throw e;
        }
        active.add(g);
        g.start();
        synchronized (lock) {
            current = g;
        }
        if (previous != null) {
            previous.retire(); // outside the lock: closing its pool runs the guest's shutdown
        }
    }

    TransformSpec spec() {
        synchronized (lock) {
            return current.spec;
        }
    }

    int version() {
        synchronized (lock) {
            return current.number;
        }
    }

    /** The current version's module. */
    WasmModule module() {
        synchronized (lock) {
            return current.pool.module();
        }
    }

    List<Generation> generations() {
        return active;
    }

    void generationFinished(Generation g) {
        active.remove(g);
    }

    // ---- admission ----

    /**
     * Admits an event, waiting for room; false when this transform is undeployed or the host halted.
     *
     * @throws InterruptedException while waiting for room
     */
    boolean offer(Message m) throws InterruptedException {
        while (!capacity.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (host.halted()) {
                return false;
            }
        }
        synchronized (lock) {
            if (removed || host.halted()) {
                capacity.release();
                return false;
            }
            synchronized (drainLock) {
                unfinished++;
            }
            host.admitted();
            stats.in.increment();
            current.enqueue(new Generation.Work(nextSeq++, m, current));
        }
        return true;
    }

    // ---- processing (on a lane) ----

    Done process(Generation.Work w) throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !host.halted()) {
                pauseLock.wait();
            }
        }
        if (host.halted()) {
            return new Done(w, null, null, null, null, true);
        }
        Generation g = w.generation();
        Message m = w.message();
        WasmRuntime runtime = g.pool.borrow();
        host.probe(name, m, true);
        long start = System.nanoTime();
        TransformResult r;
        long fuel = 0;
        try {
            r = runtime.process(m.json, 0, m.json.length, g.spec.routed());
            fuel = runtime.lastInstructions();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            r = hostError(e);
        } finally {
            g.pool.release(runtime);
        }
        stats.latency.record(System.nanoTime() - start);
        stats.fuel.add(fuel);
        host.probe(name, m, false);
        if (r instanceof TransformResult.Ok ok) {
            Event e = ok.event();
            return new Done(w, r, EventJson.toJson(e), e, ok.topic(), false);
        }
        return new Done(w, r, null, null, null, false);
    }

    /** The outcome of an event whose processing threw: a failure of kind trap naming the host error. */
    Done crashed(Generation.Work w, Throwable t) {
        return new Done(w, hostError(t), null, null, null, false);
    }

    private static TransformResult hostError(Throwable t) {
        return new TransformResult.Failed(new TransformError(TransformError.Kind.TRAP, "host error: " + t));
    }

    // ---- emission, in sequence order ----

    void finished(Generation.Work w, Done d) {
        synchronized (done) {
            done.put(w.seq(), d);
            if (emitting) {
                return;
            }
            emitting = true;
        }
        while (true) {
            Done next;
            synchronized (done) {
                next = done.remove(nextEmit);
                if (next == null) {
                    emitting = false;
                    return;
                }
                nextEmit++;
            }
            try {
                emit(next);
            } catch (RuntimeException | Error e) {
                // A failing sink must not stop the emitter, or every later event would wait forever.
                LOG.log(System.Logger.Level.ERROR, "transform " + name + ": emitting the outcome of event "
                        + next.work().message().origin + " failed", e);
            }
        }
    }

    private void emit(Done d) {
        try {
            if (d.abandoned()) {
                host.abandon();
                return;
            }
            TransformSpec spec = d.work().generation().spec;
            Message input = d.work().message();
            Origin origin = input.origin.then(name);
            TransformResult r = d.result();
            String topic = null;
            if (r instanceof TransformResult.Ok) {
                topic = spec.routed() ? d.topic() : spec.outputTopic();
                if (spec.routed()) {
                    String problem = Names.topicProblem(topic);
                    if (problem == null) {
                        problem = host.loopProblem(topic, origin);
                    } else {
                        problem = "route named an invalid topic: " + problem;
                    }
                    if (problem != null) {
                        r = new TransformResult.Failed(new TransformError(TransformError.Kind.GUEST_FAILURE, problem));
                    }
                }
            }
            if (r instanceof TransformResult.Ok) {
                stats.routed(topic);
                host.route(topic, new Message(d.json(), d.event(), origin));
            } else if (r instanceof TransformResult.Filtered) {
                stats.filtered.increment();
            } else {
                TransformError error = ((TransformResult.Failed) r).error();
                stats.failedByKind[error.kind().ordinal()].increment();
                switch (spec.onError()) {
                    case DLQ -> {
                        stats.deadLettered.increment();
                        host.deadLetter(new DeadLetter(name, spec.inputTopic(), error.kind().wireName(),
                                error.message(), input.json, null, host.now(), origin));
                    }
                    case SKIP -> stats.skipped.increment();
                    case FAIL -> {
                        stats.stopped.increment();
                        host.stop(new PipelineStoppedException(name, origin, input.json, error));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            capacity.release();
            synchronized (drainLock) {
                if (--unfinished == 0) {
                    drainLock.notifyAll();
                }
            }
            host.emitted();
        }
    }

    // ---- lifecycle ----

    void pause() {
        paused = true;
    }

    void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    boolean paused() {
        return paused;
    }

    /** Wakes lanes waiting on a pause, so they see the host halted. */
    void wake() {
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** Admitted and not yet emitted. */
    long unfinished() {
        synchronized (drainLock) {
            return unfinished;
        }
    }

    /** Stops admitting; the current generation finishes what it was given, then closes. */
    void remove() {
        Generation last;
        synchronized (lock) {
            removed = true;
            last = current;
        }
        last.retire();
    }

    /** Waits until every admitted event is emitted (or the host halts); false on timeout. */
    boolean drain(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (drainLock) {
            while (unfinished > 0 && !host.halted()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(drainLock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
        return true;
    }

    /** Stops every lane at once and closes the pools (the host is closing). */
    void halt() {
        wake();
        for (Generation g : active) {
            g.interrupt();
        }
        for (Generation g : active) {
            try {
                g.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            g.pool.close();
        }
    }

    int instances() {
        int n = 0;
        for (Generation g : active) {
            n += g.pool.size();
        }
        return n;
    }

    /** Guest metrics of every instance this transform ever had, summed by name. */
    Map<String, Long> guestMetrics() {
        synchronized (stats) {
            Map<String, Long> sum = new TreeMap<>(stats.retiredGuestMetrics());
            for (Generation g : active) {
                g.pool.guestMetrics().forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
            return sum;
        }
    }
}
