package dev.sandpiper.interpreter;

import java.util.Arrays;

/**
 * What a second tier ({@link ModuleTier}) needs of a store's execution state, public only for the
 * {@code compiler} module's generated code and runtime; not an API for hosts.
 *
 * <p>Fuel. Compiled code keeps, in a local, the fuel left before the next poll: the store's fuel
 * minus its checkpoint ({@link #fuelLeft}). Charging a block subtracts its cost; when that goes
 * negative, {@link #charge} polls the guardrails exactly as the interpreter does at the same block.
 * Whenever a trap leaves a compiled frame, the store's fuel is exact up to that frame
 * ({@link #trapHere}, {@link #trapBelow}), so {@link Store#lastCallInstructions()} matches the
 * interpreter's count.
 */
public final class TierSupport {
    private TierSupport() {}

    /** The store's value stack (it may be replaced when it grows). */
    public static long[] stack(Store s) {
        return s.stack;
    }

    /** Nesting depth of the calls in progress (the outermost call's function is at depth 1). */
    public static int depth(Store s) {
        return s.depth;
    }

    /** The store's current call-depth limit. */
    public static int maxCallDepth(Store s) {
        return s.limits().maxCallDepth();
    }

    /**
     * Fuel left before the next poll: the store's fuel minus its checkpoint, at most {@link
     * Store#POLL_INTERVAL} between polls, so an {@code int}.
     */
    public static int fuelLeft(Store s) {
        return (int) Math.min(s.fuel - s.checkpoint, Integer.MAX_VALUE);
    }

    /** Sets the store's fuel from compiled code's fuel left before the next poll. */
    public static void fuelLeft(Store s, int left) {
        s.fuel = s.checkpoint + left;
    }

    /**
     * The fast path of compiled code's poll, small enough that HotSpot always inlines it (at most
     * {@code MaxInlineSize}, 35 bytes of bytecode): with fuel for a whole interval left, no deadline
     * and no interrupt pending, polling could only move the checkpoint on ({@link Store#poll}), so
     * this does that without a call; under a deadline it does so until {@link Store#CLOCK_SPAN}
     * instructions have run since the clock was last read. {@code left} is the fuel left after subtracting the block's
     * cost, and negative. Returns the new fuel left ({@link Store#POLL_INTERVAL}), or {@code left}
     * unchanged when the poll must go through {@link #charge}. The store's {@code fuel} is not
     * written: compiled code sets it from {@code left} whenever it leaves the frame.
     *
     * <p>Why it matters: a call on the poll's slow path sits inside every loop, and HotSpot's
     * register allocator then kept loop variables in stack slots for the whole loop; the sieve's
     * byte-counting loop ran at half speed. Without a limit near, the call is taken once per
     * {@code CLOCK_SPAN} instructions under a deadline and never without one, when HotSpot leaves it
     * out of the compiled loop altogether.
     */
    public static int refill(Store s, int left) {
        long after = s.checkpoint + left;
        if (after < s.quietFloor) {
            return left;
        }
        s.checkpoint = after - Store.POLL_INTERVAL;
        return (int) Store.POLL_INTERVAL;
    }

    /**
     * Slow path of charging a block of {@code cost} instructions: {@code left} is the fuel left
     * after subtracting the cost, and negative. Moves the checkpoint on as {@link #refill} does
     * when nothing else can change; otherwise polls the guardrails as the interpreter does ({@link
     * Store#poll}). Returns the new fuel left, or traps with the store's fuel as before the block.
     * Every compiled poll comes here, the loops' after their inlined {@code refill}, so all read the
     * clock as rarely.
     */
    public static int charge(Store s, int left, int cost) {
        int refilled = refill(s, left);
        if (refilled >= 0) {
            return refilled;
        }
        long before = s.checkpoint + left + cost;
        s.fuel = before;
        s.quietFloor = s.nextQuietFloor(before - cost); // before poll reads the interrupt flag
        long checkpoint = s.poll(before, cost, true);
        s.checkpoint = checkpoint;
        s.fuel = before - cost;
        return (int) (before - cost - checkpoint);
    }

    /**
     * A trap raised by an instruction of a compiled frame: sets the store's fuel from the frame's
     * {@code left}, adding back the {@code refund} instructions of its block charged but not
     * executed, and names the frame in the trap. Returns {@code t} for the frame to rethrow.
     */
    public static Throwable trapHere(Throwable t, Store s, int left, int refund, String frame) {
        s.fuel = s.checkpoint + left + refund;
        if (t instanceof TrapException trap) {
            trap.addFrame(frame);
        }
        return t;
    }

    /**
     * A trap passing through a compiled frame's call: the callee left the store's fuel exact, so
     * this only adds back the caller's {@code refund} and names the frame. A {@link
     * StackOverflowError} (a callee that could not even start: the thread's stack is full) becomes
     * "call stack exhausted", the fuel set from {@code left}, as if the callee had been refused at the
     * depth limit: the compiled frame passes the fuel its call started with, its refund already added
     * (and any refund of a frame below whose own handler ran out of stack before this call).
     */
    public static Throwable trapBelow(Throwable t, Store s, int left, int refund, String frame) {
        if (t instanceof StackOverflowError) {
            s.fuel = s.checkpoint + left;
            TrapException trap = new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "the thread's stack is full");
            trap.addFrame(frame);
            return trap;
        }
        if (t instanceof TrapException trap) {
            s.fuel += refund;
            trap.addFrame(frame);
        } else if (t instanceof ThrownException) {
            s.fuel += refund; // a WebAssembly exception leaves this frame as a trap does (3.0)
        }
        return t;
    }

    /** A call refused at the depth limit: the store's fuel is set from the refused callee's {@code left}. */
    public static TrapException callStackExhausted(Store s, int left) {
        s.fuel = s.checkpoint + left;
        return new TrapException(TrapKind.CALL_STACK_EXHAUSTED);
    }

    /**
     * Calls a function the tier does not run itself (a host function, a function of another
     * instance, or one left to the interpreter) from a compiled frame at depth {@code depth} with
     * fuel {@code left}; returns the results' bits. Afterwards {@link #fuelLeft(Store)} is the
     * caller's fuel.
     */
    public static long[] call(FunctionInstance f, long[] args, Instance caller, int depth, int left) {
        Store s = caller.store();
        s.fuel = s.checkpoint + left;
        int savedDepth = s.depth;
        int savedSp = s.sp;
        s.depth = depth;
        try {
            long[] st = s.ensureStack(savedSp + Math.max(args.length, f.type().resultSlots()));
            System.arraycopy(args, 0, st, savedSp, args.length);
            int top = Interpreter.callExternal(s, caller, f, savedSp + args.length);
            return Arrays.copyOfRange(s.stack, savedSp, top);
        } finally {
            s.sp = savedSp;
            s.depth = savedDepth;
        }
    }

    /** {@code call_indirect}'s lookup and checks (spec 2.0, exec/instructions.html#call-indirect). */
    public static FunctionInstance indirect(int index, Instance inst, int table, int typeId) {
        return inst.indirect(table, index, typeId);
    }

    /**
     * {@code call_ref}'s callee: the function {@code ref} names, or the interpreter's trap "null
     * function reference" (spec 3.0, Execution > Instructions > {@code call_ref}).
     */
    public static FunctionInstance referenced(long ref, Instance inst) {
        return inst.referenced(ref);
    }

    /** The module's functions, tables and globals of an instance, by index space. */
    public static FunctionInstance[] functions(Instance inst) {
        return inst.functions;
    }

    /** The memory index space (3.0: any number of memories), imports first. */
    public static Memory[] memories(Instance inst) {
        return inst.memories;
    }

    public static Global[] globals(Instance inst) {
        return inst.globals;
    }

    public static Table[] tables(Instance inst) {
        return inst.tables;
    }

    public static long global(Global g) {
        return g.value;
    }

    public static void global(long bits, Global g) {
        g.value = bits;
    }

    /** The high 64 bits of a v128 global (its low bits are {@link #global(Global)}). */
    public static long globalHigh(Global g) {
        return g.high;
    }

    /** Sets a v128 global. */
    public static void global(long low, long high, Global g) {
        g.setV128(low, high);
    }
}
