package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.FunctionInstance;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.MemoryBudget;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.UninstantiableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One instance of a transform module, run per the contract ({@code shared/abi/contract.md},
 * "Lifecycle"). Calls are serialised: only one event is transformed at a time, so share a runtime
 * between threads only knowing that; for parallelism use one runtime per thread or a
 * {@link WasmRuntimePool}.
 *
 * <p><b>What a transform can assume about guest state.</b> Between events on one runtime the guest's
 * memory and globals persist (a counter keeps counting). After a trap, timeout or guardrail stop the
 * runtime discards the instance and, before the next event, instantiates the module afresh and runs
 * {@code init} again with the same configuration: a half-updated heap is never reused. Metrics the
 * guest recorded survive the replacement. In a pool, consecutive events may run on different
 * instances. So guest state is a cache, never a source of truth.
 *
 * <p><b>Guardrails.</b> The guest calls of one transform ({@code alloc}, {@code transform},
 * {@code output_len}) run under one deadline of {@code timeout_ms} and, if configured, one
 * instruction budget; {@code init} and {@code shutdown} get their own. The guest's memory can never
 * grow past {@code memory_limit_mb}: {@code memory.grow} returns -1 to it. Host-side JSON work is
 * outside the deadline.
 */
public final class WasmRuntime implements AutoCloseable {
    private static final ObjectMapper CONFIG_JSON = new ObjectMapper();

    private final WasmModule module;
    private final WasmConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final MemoryBudget budget;
    /** The store of the current instance: a discarded instance's store is not reused (see {@link #instantiate}). */
    private Store store;
    private Linker linker;
    private boolean storeUsed;
    private final GuestMetrics metrics = new GuestMetrics();
    private final byte[] initConfigJson;
    private final long timeoutNanos;

    private Instance instance;
    private Memory memory;
    private FunctionInstance alloc;
    private FunctionInstance transform;
    private FunctionInstance outputLen;
    private FunctionInstance init;
    private FunctionInstance shutdown;
    private FunctionInstance filter;
    private FunctionInstance route;
    private boolean initialized;
    private boolean closed;
    private long lastInstructions;
    /** The budget's refusals when the current guest call started. */
    private long budgetRefusalsAtStart;
    /** The size of the last discarded instance's memory, for {@link #memoryPages()} until the next instance. */
    private int lastPages;

    /** The seed's {@code WasmRuntime::new(path)}: loads the module with default configuration. */
    public static WasmRuntime create(java.nio.file.Path modulePath) throws WasmLoadException {
        return WasmModule.load(WasmConfig.of(modulePath)).newRuntime();
    }

    WasmRuntime(WasmModule module, MemoryBudget budget) {
        this.module = module;
        this.config = module.config();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.timeoutMs());
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
        this.initConfigJson = initConfig(config);
        newStore();
    }

    /** A fresh store and linker for the next instance, its memory reserved from the budget. */
    private void newStore() {
        store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(config.memoryLimitPages()), budget);
        linker = new Linker(store);
        HostImports.define(linker, config.name(), metrics);
        storeUsed = false;
    }

    /** The JSON object {@code init} receives: the user's config plus the host's limits, which win on a clash. */
    private static byte[] initConfig(WasmConfig config) {
        Map<String, Object> merged = new LinkedHashMap<>(config.initConfig());
        merged.put("timeout_ms", config.timeoutMs());
        merged.put("memory_limit_mb", config.memoryLimitMb());
        try {
            return CONFIG_JSON.writeValueAsBytes(merged);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("init config cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    public WasmModule module() {
        return module;
    }

    /** The budget this runtime's instances reserve their memory from. */
    public MemoryBudget memoryBudget() {
        return budget;
    }

    /**
     * Runs the guest's {@code init} now (otherwise it runs before the first transform).
     *
     * @throws TransformException if {@code init} returns non-zero, traps or times out
     */
    public void init() throws TransformException {
        lock.lock();
        try {
            TransformError e = ensureInitialized();
            if (e != null) {
                throw new TransformException(e);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Transforms one event: serialises it canonically, runs the guest, parses its output. */
    public TransformResult transform(Event event) {
        byte[] json = EventJson.toJson(event);
        return run(json, 0, json.length, true);
    }

    /**
     * Transforms an event the caller already holds as canonical Event JSON (a Kafka record, a line of
     * a file): the bytes go to the guest unchanged, without host-side parsing or serialisation. The
     * guest's output is still checked to be a canonical Event.
     */
    public TransformResult transformJson(byte[] json) {
        return transformJson(json, 0, json.length);
    }

    public TransformResult transformJson(byte[] json, int offset, int length) {
        return run(json, offset, length, false, false, false);
    }

    /**
     * Transforms with the optional exports of the transform runtime (seed 001): the guest's
     * {@code filter}, when exported, runs first and 0 drops the event; then {@code transform}; then,
     * when {@code route} is true, the guest's {@code route} names the output topic
     * ({@link TransformResult.Ok#topic()}). All guest calls share one deadline and budget.
     *
     * @throws IllegalStateException if {@code route} is true and the module exports no {@code route}
     */
    public TransformResult process(byte[] json, int offset, int length, boolean route) {
        if (route && !module.exports("route")) {
            throw new IllegalStateException(module.name() + " exports no route function");
        }
        return run(json, offset, length, false, true, route);
    }

    /**
     * Runs only the guest's optional {@code filter} export on an event held as canonical Event JSON (a
     * predicate's question: does the guest keep this event?). Under the same deadline, fuel and memory
     * limit as a transform; a trap, timeout or limit fails it the same way.
     *
     * @return {@link TransformResult.Ok} holding the input bytes when {@code filter} returned non-zero (kept),
     *     {@link TransformResult.Filtered} when it returned 0, or the error
     * @throws IllegalStateException if the module exports no {@code filter} function
     */
    public TransformResult filter(byte[] json, int offset, int length) {
        if (!module.exports("filter")) {
            throw new IllegalStateException(module.name() + " exports no filter function");
        }
        GuestCall call = locked(() -> invokeFilter(json, offset, length));
        if (call.error != null) {
            return new TransformResult.Failed(call.error);
        }
        return call.output == null ? TransformResult.FILTERED : new TransformResult.Ok(call.output, null, null);
    }

    /**
     * Runs {@code invocation} under the runtime's lock, once the guest is initialised (its {@code init}
     * failure is the call's error); throws when the runtime is closed.
     */
    private GuestCall locked(java.util.function.Supplier<GuestCall> invocation) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("runtime is closed");
            }
            TransformError initError = ensureInitialized();
            return initError != null ? new GuestCall(null, null, initError) : invocation.get();
        } finally {
            lock.unlock();
        }
    }

    private GuestCall tooLarge(int length) {
        return failed(TransformError.Kind.INVALID_INPUT, "event of " + length + " bytes exceeds memory_limit_mb "
                + config.memoryLimitMb());
    }

    /** Starts a guest call under the fuel budget and deadline; returns the memory's refusals so far. */
    private int beginCall() {
        int deniedBefore = startCall();
        store.beginBudget(config.hasFuelLimit() ? config.fuel() : ExecutionLimits.UNLIMITED,
                System.nanoTime() + timeoutNanos);
        return deniedBefore;
    }

    private GuestCall invokeFilter(byte[] json, int offset, int length) {
        if ((long) length > (long) config.memoryLimitMb() << 20) {
            return tooLarge(length);
        }
        int deniedBefore = beginCall();
        try {
            long ptr = writeInput(json, offset, length);
            if (ptr < 0) {
                return new GuestCall(null, null, guestFailure(allocProblem(length, ptr), deniedBefore, "filter"));
            }
            if ((int) filter.call((int) ptr, length)[0] == 0) {
                return FILTERED;
            }
            return new GuestCall(java.util.Arrays.copyOfRange(json, offset, offset + length), null, null);
        } catch (TrapException trap) {
            return new GuestCall(null, null, trapped(trap, "filter", deniedBefore));
        } catch (RuntimeException engineFailure) {
            return new GuestCall(null, null, engineError(engineFailure, "filter"));
        } finally {
            lastInstructions = store.endBudget();
        }
    }

    private TransformResult run(byte[] json, int offset, int length, boolean parse) {
        return run(json, offset, length, parse, false, false);
    }

    private TransformResult run(byte[] json, int offset, int length, boolean parse, boolean useFilter,
            boolean useRoute) {
        GuestCall call = locked(() -> invokeTransform(json, offset, length, useFilter, useRoute));
        if (call.error != null) {
            return new TransformResult.Failed(call.error);
        }
        if (call.output == null) {
            return TransformResult.FILTERED;
        }
        try {
            if (parse) {
                return new TransformResult.Ok(call.output, EventJson.fromJson(call.output), call.topic);
            }
            EventJson.validate(call.output);
            return new TransformResult.Ok(call.output, null, call.topic);
        } catch (EventFormatException e) {
            return new TransformResult.Failed(new TransformError(TransformError.Kind.INVALID_OUTPUT,
                    "output is not canonical Event JSON: " + e.getMessage()));
        }
    }

    /** What the guest calls of one event produced: output bytes (and topic), nothing (filtered), or an error. */
    private record GuestCall(byte[] output, String topic, TransformError error) {}

    private static final GuestCall FILTERED = new GuestCall(null, null, null);

    private GuestCall invokeTransform(byte[] json, int offset, int length, boolean useFilter, boolean useRoute) {
        if ((long) length > (long) config.memoryLimitMb() << 20) {
            return tooLarge(length);
        }
        int deniedBefore = beginCall();
        try {
            if (useFilter && filter != null) {
                long fptr = writeInput(json, offset, length);
                if (fptr < 0) {
                    return guestFailed(deniedBefore, allocProblem(length, fptr));
                }
                if ((int) filter.call((int) fptr, length)[0] == 0) {
                    return FILTERED;
                }
            }
            long ptr = writeInput(json, offset, length);
            if (ptr < 0) {
                return guestFailed(deniedBefore, allocProblem(length, ptr));
            }
            int r = (int) transform.call((int) ptr, length)[0];
            if (r == -1) {
                return FILTERED;
            }
            if (r < -1) {
                return guestFailed(deniedBefore, "transform returned error code " + r);
            }
            int n = (int) outputLen.call()[0];
            if (n < 0) {
                return guestFailed(deniedBefore, "output_len returned " + n);
            }
            if (n == 0) {
                return FILTERED;
            }
            long end = Integer.toUnsignedLong(r) + n;
            if (end > memory.byteSize()) {
                return failed(TransformError.Kind.INVALID_OUTPUT, "output [" + Integer.toUnsignedLong(r) + ", " + end
                        + ") lies outside guest memory of " + memory.byteSize() + " bytes");
            }
            byte[] output = memory.readBytes(r, n);
            return useRoute ? routed(output, deniedBefore) : new GuestCall(output, null, null);
        } catch (TrapException trap) {
            return new GuestCall(null, null, trapped(trap, "transform", deniedBefore));
        } catch (RuntimeException engineFailure) {
            // Not the guest's doing: an engine defect. Never let it escape or reuse the instance.
            return new GuestCall(null, null, engineError(engineFailure, "transform"));
        } finally {
            lastInstructions = store.endBudget();
        }
    }

    private static GuestCall failed(TransformError.Kind kind, String message) {
        return new GuestCall(null, null, new TransformError(kind, message));
    }

    private GuestCall guestFailed(int deniedBefore, String message) {
        return new GuestCall(null, null, guestFailure(message, deniedBefore, "transform"));
    }

    /**
     * A guest's own failure ({@code alloc} or a status reporting one), or {@link TransformError.Kind#LIMIT}
     * when a {@code memory.grow} the shared memory budget refused during the call explains it.
     */
    private TransformError guestFailure(String message, int deniedBefore, String during) {
        if (memory != null && memory.deniedGrows() > deniedBefore) {
            String refusal = budgetRefusal(during);
            if (refusal != null) {
                return new TransformError(TransformError.Kind.LIMIT, refusal + ", then " + message);
            }
        }
        return new TransformError(TransformError.Kind.GUEST_FAILURE, message);
    }

    /** {@link #writeInput}'s answer when alloc's pointer cannot hold the bytes (no i32 alloc result is this). */
    private static final long DOES_NOT_FIT = Long.MIN_VALUE;

    /**
     * Copies {@code json[offset, offset+length)} into guest memory at a fresh {@code alloc}: the
     * pointer, alloc's own negative result when it failed, or {@link #DOES_NOT_FIT}.
     */
    private long writeInput(byte[] json, int offset, int length) {
        int ptr = (int) alloc.call(length)[0];
        if (ptr < 0) {
            return ptr;
        }
        if (Integer.toUnsignedLong(ptr) + length > memory.byteSize()) {
            return DOES_NOT_FIT;
        }
        memory.write(ptr, json, offset, length);
        return ptr;
    }

    private String allocProblem(int length, long result) {
        return result == DOES_NOT_FIT ? "alloc(" + length + ") returned a pointer where the event does not fit in guest "
                + "memory of " + memory.byteSize() + " bytes"
                : "alloc(" + length + ") returned " + result;
    }

    /** Asks the guest's {@code route} for the output topic of {@code output}. */
    private GuestCall routed(byte[] output, int deniedBefore) {
        long ptr = writeInput(output, 0, output.length);
        if (ptr < 0) {
            return guestFailed(deniedBefore, allocProblem(output.length, ptr));
        }
        int p = (int) route.call((int) ptr, output.length)[0];
        if (p < 0) {
            return guestFailed(deniedBefore, "route returned error code " + p);
        }
        int n = (int) outputLen.call()[0];
        if (n <= 0) {
            return guestFailed(deniedBefore, "route named no topic (output_len " + n + ")");
        }
        long end = Integer.toUnsignedLong(p) + n;
        if (end > memory.byteSize()) {
            return failed(TransformError.Kind.INVALID_OUTPUT, "route's topic name [" + Integer.toUnsignedLong(p) + ", "
                    + end + ") lies outside guest memory of " + memory.byteSize() + " bytes");
        }
        return new GuestCall(output, memory.readString(p, n), null);
    }

    /** Classifies a trap, and discards the instance: its state is no longer trustworthy. */
    private TransformError trapped(TrapException trap, String during, int deniedBefore) {
        boolean memoryRefused = memory != null && memory.deniedGrows() > deniedBefore;
        String budgetRefused = memoryRefused ? budgetRefusal(during) : null;
        discardInstance();
        return switch (trap.kind()) {
            case DEADLINE_EXCEEDED, INTERRUPTED -> new TransformError(TransformError.Kind.TIMEOUT,
                    during + " exceeded timeout_ms " + config.timeoutMs() + " (" + trap.getMessage() + ")");
            case FUEL_EXHAUSTED -> new TransformError(TransformError.Kind.LIMIT,
                    during + " exhausted its fuel of " + config.fuel() + " instructions (" + trap.getMessage() + ")");
            case CALL_STACK_EXHAUSTED -> new TransformError(TransformError.Kind.LIMIT,
                    during + " exhausted the call stack (" + trap.getMessage() + ")");
            default -> budgetRefused != null
                    ? new TransformError(TransformError.Kind.LIMIT, budgetRefused + ", then trapped: " + trap.getMessage())
                    : memoryRefused
                    ? new TransformError(TransformError.Kind.LIMIT, during + " reached memory_limit_mb "
                            + config.memoryLimitMb() + " (memory.grow refused), then trapped: " + trap.getMessage())
                    : new TransformError(TransformError.Kind.TRAP, during + " trapped: " + trap.getMessage());
        };
    }

    /** Notes where the budget's refusals stand as a guest call starts; returns the memory's refused grows. */
    private int startCall() {
        budgetRefusalsAtStart = budget.refusals();
        return memory.deniedGrows();
    }

    /**
     * When a refused {@code memory.grow} was the shared budget's doing rather than
     * {@code memory_limit_mb}'s (the budget refused a reservation during the call and the memory is
     * below its limit), says so; else null.
     */
    private String budgetRefusal(String during) {
        if (budget.refusals() == budgetRefusalsAtStart || memory.pages() >= config.memoryLimitPages()) {
            return null;
        }
        return during + "'s memory.grow was refused at " + MemoryBudget.mib(memory.byteSize())
                + " MiB by the memory budget (" + budget.describe() + "; memory_limit_mb " + config.memoryLimitMb() + ")";
    }

    /** An exception from the engine that is not a trap: logged, the instance discarded, reported as a trap. */
    private TransformError engineError(RuntimeException e, String during) {
        discardInstance();
        if (e instanceof dev.sandpiper.interpreter.ThrownException uncaught) {
            // The guest's own doing (3.0 exception handling): an exception none of its handlers caught.
            return new TransformError(TransformError.Kind.GUEST_FAILURE, during + " ended in an " + uncaught.getMessage());
        }
        System.getLogger("sandpiper.transform." + config.name()).log(System.Logger.Level.ERROR,
                "internal engine error during " + during + "; the instance is discarded", e);
        return new TransformError(TransformError.Kind.TRAP, during + " failed in the engine: " + e);
    }

    // ---- lifecycle ----

    private TransformError ensureInitialized() {
        if (initialized) {
            return null;
        }
        if (instance == null) {
            TransformError e = instantiate();
            if (e != null) {
                return e;
            }
        }
        if (init != null) {
            int deniedBefore = startCall();
            store.beginBudget(config.hasFuelLimit() ? config.fuel() : ExecutionLimits.UNLIMITED,
                    System.nanoTime() + timeoutNanos);
            try {
                int ptr = (int) alloc.call(initConfigJson.length)[0];
                if (ptr < 0 || Integer.toUnsignedLong(ptr) + initConfigJson.length > memory.byteSize()) {
                    return guestFailure("alloc(" + initConfigJson.length + ") for the init config returned " + ptr,
                            deniedBefore, "init");
                }
                memory.write(ptr, initConfigJson);
                int status = (int) init.call(ptr, initConfigJson.length)[0];
                if (status != 0) {
                    return guestFailure("init returned " + status + ": the transform rejected its configuration "
                            + new String(initConfigJson, java.nio.charset.StandardCharsets.UTF_8), deniedBefore, "init");
                }
            } catch (TrapException trap) {
                return trapped(trap, "init", deniedBefore);
            } catch (RuntimeException engineFailure) {
                return engineError(engineFailure, "init");
            } finally {
                store.endBudget();
            }
        }
        initialized = true;
        return null;
    }

    private TransformError instantiate() {
        if (storeUsed) {
            // A store keeps the functions its instances hand out as references (a table's elements), and
            // with them the instances and their memories: a replaced instance's store goes with it.
            store.close();
            newStore();
        }
        storeUsed = true;
        try {
            Instance inst = linker.instantiate(module.compiled());
            memory = (Memory) inst.export("memory");
            alloc = inst.function("alloc");
            transform = inst.function("transform");
            outputLen = inst.function("output_len");
            init = module.exports("init") ? inst.function("init") : null;
            shutdown = module.exports("shutdown") ? inst.function("shutdown") : null;
            filter = module.exports("filter") ? inst.function("filter") : null;
            route = module.exports("route") ? inst.function("route") : null;
            instance = inst;
            return null;
        } catch (UninstantiableException e) {
            // A memory the budget (or the heap) cannot hold now is a resource limit, like a refused grow.
            boolean refused = e.getMessage() != null && e.getMessage().contains("cannot be allocated")
                    || module.initialMemoryBytes() > budget.capacity() - budget.used();
            return new TransformError(refused ? TransformError.Kind.LIMIT : TransformError.Kind.TRAP,
                    "instantiation failed: " + e.getMessage());
        }
    }

    private void discardInstance() {
        if (instance != null) {
            instance.discard(); // its memory goes back to the shared budget now, not when collected
        }
        if (memory != null) {
            lastPages = memory.pages();
        }
        // Drop every reference into the instance, so its memory (no longer in the budget) can be
        // collected now rather than when the next instance replaces it.
        instance = null;
        memory = null;
        alloc = null;
        transform = null;
        outputLen = null;
        init = null;
        shutdown = null;
        filter = null;
        route = null;
        initialized = false;
    }

    /**
     * Runs the guest's {@code shutdown} if it was initialised; the next transform runs {@code init}
     * again first.
     *
     * @throws TransformException if {@code shutdown} returns non-zero, traps or times out
     */
    public void shutdown() throws TransformException {
        lock.lock();
        try {
            if (!initialized) {
                return;
            }
            initialized = false;
            if (shutdown == null) {
                return;
            }
            int deniedBefore = startCall();
            store.beginBudget(config.hasFuelLimit() ? config.fuel() : ExecutionLimits.UNLIMITED,
                    System.nanoTime() + timeoutNanos);
            try {
                int status = (int) shutdown.call()[0];
                if (status != 0) {
                    throw new TransformException(new TransformError(TransformError.Kind.GUEST_FAILURE,
                            "shutdown returned " + status));
                }
            } catch (TrapException trap) {
                throw new TransformException(trapped(trap, "shutdown", deniedBefore));
            } finally {
                store.endBudget();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shuts the guest down (logging a failure instead of throwing) and releases the instance. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                shutdown();
            } catch (TransformException e) {
                System.getLogger("sandpiper.transform." + config.name())
                        .log(System.Logger.Level.WARNING, "shutdown failed on close: " + e.getMessage());
            }
            discardInstance();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    // ---- observation ----

    /** The metrics the guest recorded, by name (sorted). */
    public Map<String, Long> metrics() {
        return metrics.snapshot();
    }

    /** Pages of the guest's linear memory (of the current or last instance; 0 before the first). */
    public int memoryPages() {
        return memory == null ? lastPages : memory.pages();
    }

    /** Bytes of the guest's linear memory (of the current or last instance; 0 before the first). */
    public long memoryBytes() {
        return memory == null ? (long) lastPages << 16 : memory.byteSize();
    }

    /** Instructions the guest executed in the last transform (alloc, transform and output_len). */
    public long lastInstructions() {
        return lastInstructions;
    }

    /** Whether the guest's memory limit has refused a {@code memory.grow} since the current instance was made. */
    int deniedGrows() {
        return memory == null ? 0 : memory.deniedGrows();
    }
}
