package dev.sandpiper.transforms;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.TransformError;
import dev.sandpiper.abi.TransformException;
import dev.sandpiper.abi.WasmConfig;
import dev.sandpiper.abi.WasmLoadException;
import dev.sandpiper.abi.WasmModule;
import dev.sandpiper.compiler.Engine;
import dev.sandpiper.interpreter.MemoryBudget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The transform runtime, embedded: deployed transforms connected by in-memory topics. Events
 * published to a topic go to every transform reading it (fan-out); a transform's outputs go to its
 * output topic (or the topic its module's {@code route} names), and so on down the graph; events on
 * a topic no transform reads leave through the {@link OutputSink}. Failed events follow their
 * transform's {@code on_error}: a {@link DeadLetter}, a count, or a stop of the whole host.
 *
 * <pre>{@code
 * try (TransformHost host = TransformHost.builder().output((topic, origin, json) -> ...).build()) {
 *     host.deploy(Specs.loadPipeline(Path.of("pipeline.yaml")));
 *     host.publish("cdc.raw", eventJson);
 *     host.awaitIdle(Duration.ofMinutes(1));
 *     System.out.println(host.metrics());
 * }
 * }</pre>
 *
 * <p><b>Instances.</b> Each transform has a pool of up to {@code instances} module instances,
 * pre-warmed at deploy (instantiated and {@code init} run), reclaimed after the idle timeout (30 s by
 * default) down to one, and grown again under load. Events with the same key (the values of the
 * event's {@code primary_key} columns) are processed in order, one at a time; every transform emits
 * its results in its input order.
 *
 * <p><b>Lifecycle.</b> {@link #deploy}, {@link #undeploy} (drains first), {@link #pause},
 * {@link #resume}, {@link #status}, {@link #metrics} and {@link #reload}: a hot reload loads and
 * pre-warms the new module, then switches; events admitted before the switch finish on the old
 * instances, later ones run on the new instances once those have drained. No event is lost or
 * processed twice.
 *
 * <p><b>Engine.</b> Every module the host loads, at deploy and at each hot reload, runs on the
 * host's {@link Builder#engine engine}: the interpreter, JVM bytecode compiled as it loads, or (the
 * default) {@link Engine#AUTO}, which compiles a module in the background once it is hot. All
 * instances of one module version share its compiled code.
 *
 * <p>Thread-safe. The transforms run on threads of their own (one per lane, that is per
 * {@code instances}); sinks are called from them.
 */
public final class TransformHost implements AutoCloseable {
    /** The idle timeout after which instances beyond the first are reclaimed, by default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Events a transform admits before publishers wait, by default. */
    public static final int DEFAULT_BUFFER = 1024;

    /** Test hook: called as each event enters and leaves a guest. */
    interface Probe {
        void event(String transform, Message message, boolean entering);
    }

    private final OutputSink output;
    private final Consumer<DeadLetter> deadLetters;
    private final long idleNanos;
    private final Clock clock;
    private final int buffer;
    private final Probe probe;
    private final Engine engine;
    private final MemoryBudget memoryBudget;
    private final Map<String, Deployment> deployments = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<Deployment>> readers = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final LongAdder invalidInputs = new LongAdder();
    private final LongAdder copies = new LongAdder();
    private final LongAdder outputs = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final Object idle = new Object();
    private volatile PipelineStoppedException failure;
    private volatile boolean closed;
    private ScheduledExecutorService reaper;

    private TransformHost(Builder b) {
        this.output = b.output;
        this.deadLetters = b.deadLetters;
        this.idleNanos = b.idleTimeout.toNanos();
        this.clock = b.clock;
        this.buffer = b.buffer;
        this.probe = b.probe;
        this.engine = b.engine;
        this.memoryBudget = b.memoryBudget;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- deploying ----

    /**
     * Loads the spec's module and deploys it.
     *
     * @throws InvalidSpecException when the module is rejected, the name is taken, the topics would
     *     form a cycle, or {@code init} rejects the configuration
     */
    public void deploy(TransformSpec spec) throws InvalidSpecException {
        deployAll(List.of(new Specs.Loaded(spec, load(spec))));
    }

    /**
     * Deploys every transform of a pipeline, with the modules it loaded when they were loaded for
     * this host's engine ({@link Specs#loadPipeline(java.nio.file.Path, Engine)}); the others are
     * loaded again for it.
     *
     * @throws InvalidSpecException when a name is taken, the topics (with those of transforms already
     *     deployed) would form a cycle, a module loaded again is rejected, or an {@code init} rejects
     *     its configuration; then nothing is deployed
     */
    public void deploy(Pipeline pipeline) throws InvalidSpecException {
        List<Specs.Loaded> loaded = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Specs.Loaded l : pipeline.loaded()) {
            if (l.module().engine() == engine) {
                loaded.add(l);
            } else {
                try {
                    loaded.add(new Specs.Loaded(l.spec(), load(l.spec())));
                } catch (InvalidSpecException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        deployAll(loaded);
    }

    /** The budget every instance of every transform of this host reserves its memory from. */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** The engine every module this host loads runs on. */
    public Engine engine() {
        return engine;
    }

    private synchronized void deployAll(List<Specs.Loaded> loaded) throws InvalidSpecException {
        checkOpen();
        List<Problem> problems = new ArrayList<>();
        List<TransformSpec> graph = new ArrayList<>(specs());
        for (Specs.Loaded l : loaded) {
            TransformSpec s = l.spec();
            if (deployments.containsKey(s.name())) {
                problems.add(s.problem("name", "a transform named \"" + s.name() + "\" is already deployed"));
            }
            if (s.routed() && !l.module().exports("route")) {
                problems.add(s.problem("output_topic", "is empty, so the module's route export must name each"
                        + " event's topic, but " + s.wasmModule() + " exports no route function"));
            }
            graph.add(s);
        }
        problems.addAll(Graph.cycles(graph));
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        List<Deployment> made = new ArrayList<>();
        try {
            for (Specs.Loaded l : loaded) {
                Deployment d = new Deployment(this, l.spec().name(), buffer);
                install(d, l.spec(), l.module());
                made.add(d);
            }
        } catch (InvalidSpecException e) {
            made.forEach(d -> {
                d.remove();
                d.halt();
            });
            throw e;
        }
        for (Deployment d : made) {
            deployments.put(d.name, d);
            readers.computeIfAbsent(d.spec().inputTopic(), t -> new CopyOnWriteArrayList<>()).add(d);
        }
        startReaper();
    }

    private void install(Deployment d, TransformSpec spec, WasmModule module) throws InvalidSpecException {
        try {
            // Refused up front: instances whose initial memories cannot fit would fail every event.
            module.checkFits(spec.instances(), memoryBudget);
        } catch (WasmLoadException e) {
            throw new InvalidSpecException(spec.problem("instances", e.getMessage()));
        }
        try {
            d.install(spec, module);
        } catch (TransformException e) {
            TransformError error = e.error();
            throw new InvalidSpecException(error.kind() == TransformError.Kind.GUEST_FAILURE
                    ? spec.problem("config", "init rejected the configuration: " + error.message())
                    : spec.problem("wasm_module", "init failed: " + error));
        }
    }

    /** Loads the spec's module for this host's engine. */
    private WasmModule load(TransformSpec spec) throws InvalidSpecException {
        WasmConfig config = spec.wasmConfig().toBuilder().engine(engine).build();
        try {
            return WasmModule.load(spec.wasmModule(), config);
        } catch (WasmLoadException e) {
            throw new InvalidSpecException(spec.problem("wasm_module", spec.wasmModule() + " is rejected ("
                    + e.kind().name().toLowerCase(Locale.ROOT) + "): " + e.getMessage()));
        }
    }

    /**
     * Stops a transform: it admits no more events, finishes those it has (resuming it if paused),
     * emits their results, closes its instances (running the guest's {@code shutdown}) and goes.
     * Events then published to its input topic go to the transforms still reading it, or leave
     * through the output sink.
     *
     * @throws IllegalArgumentException if no transform has that name
     */
    public void undeploy(String name) throws InterruptedException {
        Deployment d;
        synchronized (this) {
            d = deployment(name);
            deployments.remove(name);
            readers.get(d.spec().inputTopic()).remove(d);
        }
        d.remove();
        d.resume();
        d.drain(Long.MAX_VALUE);
    }

    /** Stops processing (events are still admitted, up to the buffer, then publishers wait). */
    public void pause(String name) {
        deployment(name).pause();
    }

    public void resume(String name) {
        deployment(name).resume();
    }

    /**
     * Hot reload: loads the transform's module file again (it may have been replaced) with the same
     * spec, then switches to it as {@link #reload(TransformSpec)} does.
     */
    public void reload(String name) throws InvalidSpecException {
        reload(deployment(name).spec());
    }

    /**
     * Hot reload with a new spec of the same name and input topic (module, config, limits, output
     * topic and {@code on_error} may change). The new module is loaded and its instances pre-warmed
     * first; if that fails the old version keeps running. Then events admitted from now on go to the
     * new version, which starts once the old one has processed every event it was given. No event is
     * lost or processed twice, and events of one key keep their order across the switch.
     *
     * @throws InvalidSpecException when the module is rejected, the input topic differs, the topics
     *     would form a cycle, or {@code init} fails
     */
    public void reload(TransformSpec spec) throws InvalidSpecException {
        WasmModule module = load(spec);
        synchronized (this) {
            checkOpen();
            Deployment d = deployment(spec.name());
            TransformSpec old = d.spec();
            if (!old.inputTopic().equals(spec.inputTopic())) {
                throw new InvalidSpecException(spec.problem("input_topic", "a reload keeps the input topic (\""
                        + old.inputTopic() + "\"); undeploy and deploy to change it"));
            }
            if (spec.routed() && !module.exports("route")) {
                throw new InvalidSpecException(spec.problem("output_topic", "is empty, so the module's route export"
                        + " must name each event's topic, but " + spec.wasmModule() + " exports no route function"));
            }
            List<TransformSpec> graph = new ArrayList<>(specs());
            graph.replaceAll(s -> s.name().equals(spec.name()) ? spec : s);
            List<Problem> cycles = Graph.cycles(graph);
            if (!cycles.isEmpty()) {
                throw new InvalidSpecException(cycles);
            }
            install(d, spec, module);
        }
    }

    // ---- observing ----

    /** @throws IllegalArgumentException if no transform has that name */
    public TransformStatus status(String name) {
        return status(deployment(name));
    }

    /** Every deployed transform's status, in deployment order. */
    public List<TransformStatus> status() {
        return deployed().stream().map(TransformHost::status).toList();
    }

    private static TransformStatus status(Deployment d) {
        TransformSpec spec = d.spec();
        return new TransformStatus(d.name, d.paused() ? TransformStatus.State.PAUSED : TransformStatus.State.RUNNING,
                spec, d.version(), d.instances(), spec.instances(), d.unfinished(),
                (int) d.generations().stream().filter(Generation::retired).count());
    }

    /** The module the current version of transform {@code name} runs (for tests). */
    WasmModule module(String name) {
        return deployment(name).module();
    }

    /** @throws IllegalArgumentException if no transform has that name */
    public TransformMetrics metrics(String name) {
        return metrics(deployment(name));
    }

    /** Every deployed transform's metrics, in deployment order. */
    public List<TransformMetrics> metrics() {
        return deployed().stream().map(TransformHost::metrics).toList();
    }

    private static TransformMetrics metrics(Deployment d) {
        Stats s = d.stats;
        Map<String, Long> byTopic = new TreeMap<>();
        s.outByTopic.forEach((k, v) -> byTopic.put(k, v.sum()));
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (TransformError.Kind k : TransformError.Kind.values()) {
            byKind.put(k.wireName(), s.failedByKind[k.ordinal()].sum());
        }
        long filtered = s.filtered.sum();
        long processed = byTopic.values().stream().mapToLong(Long::longValue).sum() + filtered
                + byKind.values().stream().mapToLong(Long::longValue).sum();
        return new TransformMetrics(d.name, s.in.sum(), processed, filtered, byTopic, byKind, s.deadLettered.sum(),
                s.skipped.sum(), s.stopped.sum(), s.fuel.sum(), s.latency.count(), s.latency.percentile(50),
                s.latency.percentile(99), s.latency.max(), s.latency.mean() * s.latency.count(), d.guestMetrics(),
                d.instances());
    }

    /** Input events published so far (valid or not). */
    public long published() {
        return published.get();
    }

    /** Published inputs that were not events (each became a dead letter). */
    public long invalidInputs() {
        return invalidInputs.sum();
    }

    /** Extra copies made by fan-out: an event delivered to k transforms adds k - 1. */
    public long fanOutCopies() {
        return copies.sum();
    }

    /** Events delivered to the output sink. */
    public long outputs() {
        return outputs.sum();
    }

    /** Events dropped unprocessed because the host stopped or closed. */
    public long abandoned() {
        return abandoned.sum();
    }

    /** The failure that stopped the host ({@code on_error: fail}), if any. */
    public Optional<PipelineStoppedException> failure() {
        return Optional.ofNullable(failure);
    }

    // ---- publishing ----

    /**
     * Publishes an event to a topic: to every transform reading it, or to the output sink if none
     * does. Waits while a reading transform's buffer is full.
     *
     * @return the event's origin (its position in publish order)
     * @throws PipelineStoppedException if a transform with {@code on_error: fail} has failed
     * @throws IllegalStateException if the host is closed
     * @throws IllegalArgumentException if the topic name is invalid
     */
    public Origin publish(String topic, Event event) throws InterruptedException {
        checkTopic(topic);
        checkRunning();
        Origin origin = Origin.input(published.getAndIncrement());
        route(topic, new Message(EventJson.toJson(event), event, origin));
        return origin;
    }

    /** {@link #publish(String, byte[], String)} without a location. */
    public Origin publish(String topic, byte[] json) throws InterruptedException {
        return publish(topic, json, null);
    }

    /**
     * Publishes an event given as JSON (as {@link #publish(String, Event)}). Input that is not a
     * canonical Event is not thrown back: it becomes a dead letter of kind {@code invalid_input}
     * (transform null), like an event a transform failed on.
     *
     * @param where where the input comes from, for the dead letter's message (e.g. {@code events.jsonl:12}), or null
     */
    public Origin publish(String topic, byte[] json, String where) throws InterruptedException {
        checkTopic(topic);
        checkRunning();
        Origin origin = Origin.input(published.getAndIncrement());
        Event event;
        try {
            event = EventJson.fromJson(json);
        } catch (EventFormatException e) {
            invalidInputs.increment();
            deadLetter(new DeadLetter(null, topic, TransformError.Kind.INVALID_INPUT.wireName(),
                    (where == null ? "" : where + ": ") + "not a canonical Event: " + e.getMessage(), null,
                    new String(json, StandardCharsets.UTF_8), now(), origin));
            return origin;
        }
        route(topic, new Message(EventJson.toJson(event), event, origin));
        return origin;
    }

    /**
     * Accounts for an input the reader skipped unread because it is longer than the maximum event
     * size: like an input that is not an event, it is counted as published and becomes a dead letter
     * of kind {@code invalid_input} (transform null, event null) whose message names its size and
     * the maximum.
     *
     * @param where where the input comes from (e.g. {@code events.jsonl:12}), or null
     */
    public Origin publishOversized(String topic, long size, long maxBytes, String where) {
        checkTopic(topic);
        checkRunning();
        Origin origin = Origin.input(published.getAndIncrement());
        invalidInputs.increment();
        deadLetter(new DeadLetter(null, topic, TransformError.Kind.INVALID_INPUT.wireName(),
                (where == null ? "" : where + ": ") + "line of " + size + " bytes exceeds the maximum event size of "
                        + maxBytes + " bytes; skipped", null, null, now(), origin));
        return origin;
    }

    /**
     * Waits until every published event has gone through the graph.
     *
     * @return false if the timeout passed first
     * @throws PipelineStoppedException if a transform with {@code on_error: fail} failed
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (inFlight.get() == 0) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    /**
     * Stops every transform at once and releases the instances: events in flight are dropped. For a
     * graceful end, {@link #awaitIdle} first (or {@link #undeploy} each transform).
     */
    @Override
    public void close() {
        List<Deployment> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(deployments.values());
            if (reaper != null) {
                reaper.shutdownNow();
            }
        }
        for (Deployment d : all) {
            d.halt();
        }
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    // ---- internals used by deployments ----

    void route(String topic, Message m) throws InterruptedException {
        int delivered = 0;
        List<Deployment> rs = readers.get(topic);
        if (rs != null) {
            for (Deployment d : rs) {
                if (d.offer(m)) {
                    delivered++;
                }
            }
        }
        if (delivered == 0) {
            if (!halted()) {
                outputs.increment();
                output.accept(topic, m.origin, m.json);
            }
        } else {
            copies.add(delivered - 1);
        }
    }

    /** Why routing an event with {@code origin} to {@code topic} would loop, or null. */
    String loopProblem(String topic, Origin origin) {
        List<Deployment> rs = readers.get(topic);
        if (rs != null) {
            for (Deployment d : rs) {
                if (origin.passed(d.name)) {
                    return "route named topic \"" + topic + "\", which " + d.name + " reads: the event already went"
                            + " through " + d.name + " (" + String.join(" > ", origin.path()) + "), so it would loop";
                }
            }
        }
        return null;
    }

    void deadLetter(DeadLetter d) {
        deadLetters.accept(d);
    }

    void stop(PipelineStoppedException e) {
        synchronized (idle) {
            if (failure == null) {
                failure = e;
            }
            idle.notifyAll();
        }
        for (Deployment d : deployed()) {
            d.wake();
        }
    }

    boolean halted() {
        return failure != null || closed;
    }

    void admitted() {
        inFlight.incrementAndGet();
    }

    void emitted() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    void abandon() {
        abandoned.increment();
    }

    Instant now() {
        return clock.instant();
    }

    long idleNanos() {
        return idleNanos;
    }

    void probe(String transform, Message m, boolean entering) {
        if (probe != null) {
            probe.event(transform, m, entering);
        }
    }

    private synchronized List<Deployment> deployed() {
        return new ArrayList<>(deployments.values());
    }

    private synchronized List<TransformSpec> specs() {
        return deployments.values().stream().map(Deployment::spec).toList();
    }

    private synchronized Deployment deployment(String name) {
        Deployment d = deployments.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no transform named \"" + name + "\" is deployed");
        }
        return d;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the transform host is closed");
        }
    }

    private void checkRunning() {
        checkOpen();
        if (failure != null) {
            throw failure;
        }
    }

    private static void checkTopic(String topic) {
        String p = Names.topicProblem(topic);
        if (p != null) {
            throw new IllegalArgumentException("topic " + p);
        }
    }

    private synchronized void startReaper() {
        if (reaper != null) {
            return;
        }
        reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandpiper-instance-reaper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(idleNanos / 4, TimeUnit.SECONDS.toNanos(5)));
        reaper.scheduleWithFixedDelay(this::reclaimIdle, period, period, TimeUnit.NANOSECONDS);
    }

    private void reclaimIdle() {
        long now = System.nanoTime();
        for (Deployment d : deployed()) {
            for (Generation g : d.generations()) {
                g.pool.reclaim(now);
            }
        }
    }

    /** Configures a host. */
    public static final class Builder {
        private OutputSink output = (topic, origin, json) -> {};
        private Consumer<DeadLetter> deadLetters = d -> {};
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private int buffer = DEFAULT_BUFFER;
        private Probe probe;
        private Engine engine = WasmConfig.DEFAULT_ENGINE;
        private MemoryBudget memoryBudget = MemoryBudget.shared();

        private Builder() {}

        /**
         * The budget every instance of every transform reserves its linear memory and tables from
         * (default {@link MemoryBudget#shared()}, half the JVM's maximum heap): a grow it refuses
         * returns -1 to the guest (the event fails as {@code limit}), and a transform whose
         * instances' initial memories do not fit is refused at deploy.
         */
        public Builder memoryBudget(MemoryBudget budget) {
            if (budget == null) {
                throw new IllegalArgumentException("memory budget must not be null");
            }
            this.memoryBudget = budget;
            return this;
        }

        /**
         * What runs the transforms' modules, deployed or reloaded (default {@link Engine#AUTO}):
         * with {@link Engine#COMPILER} a module the JVM cannot compile is rejected at deploy.
         */
        public Builder engine(Engine e) {
            if (e == null) {
                throw new IllegalArgumentException("engine must not be null");
            }
            this.engine = e;
            return this;
        }

        /** Where events leaving the graph go (default: dropped). Must be thread-safe. */
        public Builder output(OutputSink sink) {
            this.output = sink;
            return this;
        }

        /** Where dead letters go (default: dropped, though counted). Must be thread-safe. */
        public Builder deadLetters(Consumer<DeadLetter> sink) {
            this.deadLetters = sink;
            return this;
        }

        /** How long an instance beyond a transform's first may stay idle before it is closed (default 30 s). */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idle timeout must not be negative");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** The clock of dead letters' {@code time} (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Events one transform admits before publishers wait (default 1024). */
        public Builder buffer(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("buffer must be at least 1");
            }
            this.buffer = events;
            return this;
        }

        Builder probe(Probe probe) {
            this.probe = probe;
            return this;
        }

        public TransformHost build() {
            return new TransformHost(this);
        }
    }
}
