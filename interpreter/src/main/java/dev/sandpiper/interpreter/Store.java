package dev.sandpiper.interpreter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where instances live and run: the execution stack they share, the guardrails of each call, and
 * the handles of function references. Instances of one store may import from each other; a store
 * and its instances belong to one thread at a time, while {@link #interrupt()} may be called from
 * any thread.
 *
 * <p>A call from the host into WebAssembly ({@link FunctionInstance#call}) is governed by the store's
 * {@link ExecutionLimits}: its instruction budget and timeout start when the outermost call starts
 * and cover every nested call (host functions calling back into WebAssembly). A caller that makes
 * several calls under one budget opens a {@linkplain #beginBudget budget} first.
 *
 * <p><b>GC references (3.0).</b> Structures, arrays and exceptions live in the store ({@link
 * GcHeap}) and are freed when the host's outermost call into the store returns and enough has been
 * allocated since the last collection; what the store's instances' globals, tables and element
 * segments still reach survives. A reference value the host gets from the store (a result of
 * {@link FunctionInstance#call} or {@link Instance#call}, an argument of a {@link HostFunction}, a
 * value in the payload of a {@link ThrownException} reaching the host, {@link Global#value()} of a
 * module's global, {@link Table#get} of a module's table) stays valid at least until the host's
 * next call into the store returns (a call from the host, not one a host function makes while a
 * call runs): the host may read it and pass it back in that call. To keep one longer, {@link
 * #pin} it, or store it in a global or table. Using a reference whose object was freed fails with
 * {@link TrapKind#STALE_REFERENCE}; it never designates another object.
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Store, {@code exec/runtime.html#store}.
 */
public final class Store implements AutoCloseable {
    /** Instructions between two polls of the deadline and the interrupt flag. */
    static final long POLL_INTERVAL = 10_000;
    /**
     * Instructions compiled code runs between two readings of the clock under a deadline (a
     * millisecond or so), polling the interrupt flag every {@link #POLL_INTERVAL} all the same.
     */
    static final long CLOCK_SPAN = 1 << 20;
    private static final long UNLIMITED_FUEL = Long.MAX_VALUE / 4;

    private ExecutionLimits limits;
    private final MemoryBudget budget;
    /** Reservations of the memories and tables of this store's instances. */
    private final List<MemoryBudget.Holding> holdings = new ArrayList<>();
    private final List<FunctionInstance> functions = new ArrayList<>();
    private final java.util.IdentityHashMap<FunctionInstance, Integer> handles = new java.util.IdentityHashMap<>();

    // Execution state, shared by nested calls.
    long[] stack = new long[4096];
    int sp;
    int[] frames = new int[3 * 64];
    int fsp;
    int depth;
    long fuel;
    long checkpoint;
    private long deadline;
    private volatile boolean interrupted;
    /**
     * The least fuel (after a block's charge) with which compiled code may move its checkpoint on
     * without polling ({@link TierSupport#refill}): {@link #POLL_INTERVAL} while the call has no
     * deadline, else {@link #CLOCK_SPAN} instructions below the fuel at the last poll, so that the
     * clock is read that often; {@code Long.MAX_VALUE} while an interrupt is pending. Written
     * before {@code interrupted} is read or cleared and after it is set, so a pending interrupt
     * always leaves it at the maximum.
     */
    volatile long quietFloor = Long.MAX_VALUE;
    private boolean running;

    // An open budget spanning several calls.
    private boolean budgetOpen;
    private long budgetStartFuel;

    private long lastInstructions;

    public Store() {
        this(ExecutionLimits.DEFAULT);
    }

    public Store(ExecutionLimits limits) {
        this(limits, MemoryBudget.shared());
    }

    /** A store whose instances' memories and tables reserve from {@code budget}. */
    public Store(ExecutionLimits limits, MemoryBudget budget) {
        this.limits = limits;
        this.budget = budget;
    }

    /** The budget this store's memories and tables reserve from. */
    public MemoryBudget budget() {
        return budget;
    }

    /** A reservation for one memory or table of an instance of this store. */
    MemoryBudget.Holding hold(Object owner) {
        MemoryBudget.Holding h = budget.open(owner);
        if (holdings.size() >= 64 && Integer.bitCount(holdings.size()) == 1) {
            holdings.removeIf(MemoryBudget.Holding::isClosed); // instances collected since
        }
        holdings.add(h);
        return h;
    }

    /**
     * Gives back to the budget everything this store's instances reserved; their memories and
     * tables refuse to grow afterwards. Unreachable stores give theirs back without this, once
     * collected.
     */
    @Override
    public void close() {
        for (MemoryBudget.Holding h : holdings) {
            h.close();
        }
        holdings.clear();
    }

    public ExecutionLimits limits() {
        return limits;
    }

    /** Replaces the limits; applies to calls that start afterwards. */
    public void limits(ExecutionLimits newLimits) {
        this.limits = newLimits;
    }

    /**
     * Stops the call in progress, which traps with {@link TrapKind#INTERRUPTED} within a few
     * thousand instructions. Safe from any thread; has no effect when no call is in progress.
     */
    public void interrupt() {
        interrupted = true;
        quietFloor = Long.MAX_VALUE;
    }

    /**
     * Instructions executed by the last completed (or trapped) outermost call, or by the last
     * budget. How they are counted: {@code interpreter/README.md}.
     */
    public long lastCallInstructions() {
        return lastInstructions;
    }

    /**
     * Opens a budget: until {@link #endBudget()}, every call draws from one instruction budget
     * ({@code fuel}, or {@link ExecutionLimits#UNLIMITED}) and runs under one deadline
     * ({@code deadlineNanos} as {@link System#nanoTime()}, or 0 for none), instead of the limits'
     * per-call ones.
     */
    public void beginBudget(long budgetFuel, long deadlineNanos) {
        if (running) {
            throw new IllegalStateException("cannot open a budget during a call");
        }
        budgetOpen = true;
        fuel = budgetFuel == ExecutionLimits.UNLIMITED ? UNLIMITED_FUEL : budgetFuel;
        budgetStartFuel = fuel;
        deadline = deadlineNanos;
        quietFloor = nextQuietFloor(fuel);
        interrupted = false;
        checkpoint = Math.max(0, fuel - POLL_INTERVAL);
    }

    /** Closes the budget; returns the instructions executed under it. */
    public long endBudget() {
        budgetOpen = false;
        lastInstructions = budgetStartFuel - fuel;
        return lastInstructions;
    }

    // ---- calls ----

    /** Calls {@code f} with raw argument bits; see {@link FunctionInstance#call}. */
    long[] invoke(FunctionInstance f, long[] args) {
        int paramSlots = f.paramSlots();
        if (args.length != paramSlots) {
            throw new IllegalArgumentException(f + " takes " + paramSlots + " argument slots " + f.type().params()
                    + ", not " + args.length);
        }
        RefSlots refs = f.refs;
        if (refs != null) {
            refuseStale(f, args, refs.internalParams(), "argument");
        }
        boolean outer = !running;
        long startFuel = 0;
        if (outer) {
            running = true;
            if (!budgetOpen) {
                fuel = limits.fuel() == ExecutionLimits.UNLIMITED ? UNLIMITED_FUEL : limits.fuel();
                long timeout = limits.timeout().toNanos();
                deadline = timeout == 0 ? 0 : System.nanoTime() + timeout;
                quietFloor = nextQuietFloor(fuel);
                interrupted = false;
                checkpoint = Math.max(0, fuel - POLL_INTERVAL);
            }
            startFuel = fuel;
            if (stack.length > limits.maxStackSlots()) {
                // The initial array (or one grown under earlier limits) may be larger than the limit;
                // growth is capped at the limit, so this keeps "slots > stack.length" the only check.
                stack = new long[limits.maxStackSlots()];
            }
        }
        int base = sp;
        int resultSlots = f.resultSlots();
        try {
            ensureStack(base + Math.max(paramSlots, resultSlots));
            System.arraycopy(args, 0, stack, base, paramSlots);
            sp = base + paramSlots;
            if (f instanceof WasmFunction w) {
                execute(w);
            } else {
                Interpreter.callHost(this, null, (HostFunctionInstance) f, base + paramSlots);
            }
            long[] results = Arrays.copyOfRange(stack, base, base + resultSlots);
            if (refs != null) {
                handOut(results, refs.results());
            }
            return results;
        } catch (ThrownException uncaught) {
            handOut(uncaught);
            throw uncaught;
        } finally {
            sp = base;
            if (outer) {
                running = false;
                depth = 0;
                fsp = 0;
                if (!budgetOpen) {
                    lastInstructions = startFuel - fuel;
                }
                if (f instanceof WasmFunction w && w.instance.module().tier() == null) {
                    w.instance.module().noteWork(startFuel - fuel + 1);
                }
                // The safe point: no WebAssembly frame of this store is active on either tier.
                GcHeap h = gcHeap;
                if (h != null && h.sinceCollection > h.threshold) {
                    collect(h);
                }
            }
        }
    }

    /**
     * Runs {@code w} with its arguments on top of the stack (at {@link #sp}), in the instance's
     * second tier when that runs it, else in the interpreter; on return the results start where the
     * arguments did and {@link #sp} is just past them.
     */
    void execute(WasmFunction w) {
        InstanceTier t = w.instance.tier();
        int index = w.code.funcIndex();
        if (t != null && t.runs(index)) {
            int base = sp - w.code.paramSlots();
            ensureStack(base + Math.max(w.code.paramSlots(), w.code.resultSlots()));
            t.invoke(index, this, base);
            sp = base + w.code.resultSlots();
        } else {
            Interpreter.execute(this, w.instance, w.code);
        }
    }

    /**
     * Polls the guardrails when the interpreter's fuel passes {@link #checkpoint}: traps when the
     * block of {@code cost} instructions about to run is a poll point (a function's entry or a loop
     * head) and would exhaust the fuel, when the deadline has passed or when interrupted; otherwise
     * returns the next checkpoint. Other blocks run on into negative fuel until the next poll point,
     * so a budget can be passed by at most one stretch of code without loops or calls, the same on
     * both tiers. {@code currentFuel} is the fuel before the block.
     */
    long poll(long currentFuel, int cost, boolean pollPoint) {
        long after = currentFuel - cost;
        if (after < 0 && pollPoint) {
            throw new TrapException(TrapKind.FUEL_EXHAUSTED);
        }
        if (interrupted) {
            interrupted = false;
            throw new TrapException(TrapKind.INTERRUPTED);
        }
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new TrapException(TrapKind.DEADLINE_EXCEEDED);
        }
        return Math.max(0, after - POLL_INTERVAL);
    }

    /**
     * Traps when the call has passed its deadline or was interrupted. For operations that take time
     * in proportion to their operands (memory growth, bulk memory and table operations), which the
     * instruction-count poll in {@link #poll} would not notice.
     */
    void checkDeadline() {
        if (interrupted) {
            interrupted = false;
            throw new TrapException(TrapKind.INTERRUPTED);
        }
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new TrapException(TrapKind.DEADLINE_EXCEEDED);
        }
    }

    /**
     * {@link #quietFloor} for compiled code polling with {@code after} fuel left: written by its
     * slow path before it polls the interrupt flag.
     */
    long nextQuietFloor(long after) {
        return deadline == 0 ? POLL_INTERVAL : Math.max(POLL_INTERVAL, after - CLOCK_SPAN);
    }

    /** Grows the value stack to hold {@code slots}; traps when that passes the limit. */
    long[] ensureStack(int slots) {
        if (slots > stack.length) {
            if (slots > limits.maxStackSlots()) {
                throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED,
                        "value stack would pass " + limits.maxStackSlots() + " slots");
            }
            int n = (int) Math.min(Math.max((long) slots, stack.length * 2L), limits.maxStackSlots());
            try {
                stack = Arrays.copyOf(stack, n);
            } catch (OutOfMemoryError heapFull) {
                throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "not enough heap for a deeper value stack");
            }
        }
        return stack;
    }

    int[] growFrames() {
        try {
            frames = Arrays.copyOf(frames, frames.length * 2);
        } catch (OutOfMemoryError heapFull) {
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "not enough heap for a deeper call stack");
        }
        return frames;
    }

    // ---- exceptions (3.0) ----

    /**
     * Most exceptions this store keeps as {@code exnref} values at once: a caught exception taken as
     * a reference is an object of the store's heap until collected, so this bounds the memory a loop
     * of throws and catches that keeps them can hold ({@link TrapKind#EXCEPTION_REFERENCES_EXHAUSTED}).
     */
    static final int MAX_EXCEPTION_REFERENCES = 1 << 20;
    /** Where {@link Exceptions#handle} found a handler: the frame to resume. */
    int handlerFp;
    dev.sandpiper.interpreter.code.FunctionCode handlerCode;

    /** The {@code exnref} handle of {@code e}: an object handle of this store's heap, given on its first use as a reference. */
    long exceptionHandle(ThrownException e) {
        GcHeap heap = gcHeap();
        long h = e.handle;
        if (heap.peek(h) == e) {
            return h;
        }
        if (heap.exceptions >= MAX_EXCEPTION_REFERENCES) {
            throw new TrapException(TrapKind.EXCEPTION_REFERENCES_EXHAUSTED,
                    "more than " + MAX_EXCEPTION_REFERENCES + " caught exceptions held as references");
        }
        h = heap.add(e);
        heap.exceptions++;
        e.handle = h;
        return h;
    }

    /** The exception an {@code exnref} handle designates; traps when the handle is stale. */
    ThrownException exception(long handle) {
        if (gcHeap().object(handle) instanceof ThrownException e) {
            return e;
        }
        throw new TrapException(TrapKind.CAST_FAILURE, "not an exception of this store: " + Long.toHexString(handle));
    }

    // ---- GC objects ----

    private GcHeap gcHeap;
    private final GcRoots gcRoots = new GcRoots();

    /** This store's GC objects, created with the first allocation. */
    GcHeap gcHeap() {
        if (gcHeap == null) {
            gcHeap = new GcHeap(this);
        }
        return gcHeap;
    }

    /** Makes the globals, tables and element segments of a new instance roots of collection. */
    void register(Instance inst) {
        gcRoots.register(inst);
    }

    /**
     * Frees the GC objects that nothing reachable refers to now (see the class comment), which the
     * store otherwise does by itself when a call returns after enough allocation. Only between
     * calls.
     *
     * @throws IllegalStateException during a call
     */
    public void collectGarbage() {
        if (running) {
            throw new IllegalStateException("cannot collect during a call");
        }
        if (gcHeap != null) {
            collect(gcHeap);
        }
    }

    private void collect(GcHeap h) {
        GcCollector.collect(h, gcRoots);
    }

    /**
     * Keeps the object {@code ref} designates (and what it reaches) alive, and {@code ref} valid,
     * until as many {@link #unpin} calls; does nothing for a value that is no object (null, i31, a
     * function or host reference).
     *
     * @throws TrapException ({@link TrapKind#STALE_REFERENCE}) if {@code ref}'s object was freed
     */
    public void pin(long ref) {
        if (gcHeap != null) {
            gcHeap.pin(ref);
        }
    }

    /** Undoes one {@link #pin} of {@code ref}. */
    public void unpin(long ref) {
        if (gcHeap != null) {
            gcHeap.host.unpin(ref);
        }
    }

    /** Notes the references among {@code values} (at {@code slots}) as handed to the host. */
    void handOut(long[] values, int[] slots) {
        GcHeap h = gcHeap;
        if (h != null) {
            h.handOut(values, slots);
        }
    }

    /** Notes a single value as handed to the host (a global or table read). */
    void handOut(long value) {
        GcHeap h = gcHeap;
        if (h != null) {
            h.handOut(value);
        }
    }

    /** Notes the references in the payload of an exception reaching the host. */
    void handOut(ThrownException e) {
        GcHeap h = gcHeap;
        if (h != null && e.tag() != null) {
            GcCollector.payloadReferences(e, h::handOut);
        }
    }

    /**
     * Refuses values coming from the host at {@code slots} of {@code values} that are handles of
     * freed objects, naming the function and the position ({@code what}: argument or result).
     */
    void refuseStale(FunctionInstance f, long[] values, int[] slots, String what) {
        GcHeap h = gcHeap;
        if (h != null) {
            h.refuseStale(f, values, slots, what);
        }
    }

    // ---- function references ----

    /** The handle of {@code f} as a function reference value in this store. */
    long handle(FunctionInstance f) {
        Integer h = handles.get(f);
        if (h == null) {
            h = functions.size();
            functions.add(f);
            handles.put(f, h);
        }
        return h;
    }

    /** The function a reference handle designates. */
    public FunctionInstance function(long handle) {
        return functions.get((int) handle);
    }
}
