package dev.sandpiper.abi;

import dev.sandpiper.interpreter.MemoryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * N runtimes of one module, for parallel transforms: {@link #transform} may be called from any number
 * of threads; each call borrows an idle runtime (waiting when all are busy) and returns it after.
 * A runtime whose guest trapped or timed out replaces its instance before its next event
 * ({@link WasmRuntime}), so one bad event never poisons the pool. Metrics are summed over the
 * runtimes per name. Every runtime runs the module's one translated (and, per its engine, compiled)
 * code.
 */
public final class WasmRuntimePool implements AutoCloseable {
    private final WasmModule module;
    private final List<WasmRuntime> runtimes = new ArrayList<>();
    private final BlockingQueue<WasmRuntime> idle;
    private final MemoryBudget budget;

    /** {@code size} runtimes of {@code module}, their memory reserved from {@link MemoryBudget#shared()}. */
    public WasmRuntimePool(WasmModule module, int size) {
        this(module, size, MemoryBudget.shared());
    }

    /**
     * {@code size} runtimes of {@code module}, all reserving their memory from {@code budget}; check
     * first with {@link WasmModule#checkFits} that their initial memories fit.
     */
    public WasmRuntimePool(WasmModule module, int size, MemoryBudget budget) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, not " + size);
        }
        this.module = module;
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            WasmRuntime r = module.newRuntime(budget);
            runtimes.add(r);
            idle.add(r);
        }
    }

    public WasmModule module() {
        return module;
    }

    public int size() {
        return runtimes.size();
    }

    /** The budget every runtime of the pool reserves its memory from. */
    public MemoryBudget memoryBudget() {
        return budget;
    }

    /** Initialises every runtime now, so the first events do not pay for it. */
    public void init() throws TransformException {
        for (WasmRuntime r : runtimes) {
            r.init();
        }
    }

    public TransformResult transform(Event event) {
        WasmRuntime r = borrow();
        try {
            return r.transform(event);
        } finally {
            idle.add(r);
        }
    }

    public TransformResult transformJson(byte[] json) {
        return transformJson(json, 0, json.length);
    }

    public TransformResult transformJson(byte[] json, int offset, int length) {
        WasmRuntime r = borrow();
        try {
            return r.transformJson(json, offset, length);
        } finally {
            idle.add(r);
        }
    }

    /** {@link WasmRuntime#process}: filter, transform and (when {@code route}) route on one runtime. */
    public TransformResult process(byte[] json, int offset, int length, boolean route) {
        WasmRuntime r = borrow();
        try {
            return r.process(json, offset, length, route);
        } finally {
            idle.add(r);
        }
    }

    /** {@link WasmRuntime#filter}: only the guest's {@code filter} export, on one runtime. */
    public TransformResult filter(byte[] json, int offset, int length) {
        WasmRuntime r = borrow();
        try {
            return r.filter(json, offset, length);
        } finally {
            idle.add(r);
        }
    }

    private WasmRuntime borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a runtime of " + module.name());
        }
    }

    /** The guest metrics summed over all runtimes, by name. */
    public Map<String, Long> metrics() {
        Map<String, Long> sum = new TreeMap<>();
        for (WasmRuntime r : runtimes) {
            r.metrics().forEach((k, v) -> sum.merge(k, v, Long::sum));
        }
        return sum;
    }

    @Override
    public void close() {
        for (WasmRuntime r : runtimes) {
            r.close();
        }
    }
}
