package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.FunctionInstance;
import dev.sandpiper.interpreter.Table;
import dev.sandpiper.interpreter.TierSupport;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import dev.sandpiper.interpreter.WasmFunction;

/** Helpers generated code calls that need the {@link Context}. */
public final class Runtime {
    private Runtime() {}

    /**
     * Charges a basic block of {@code cost} instructions against {@code left}, the fuel left before
     * the next poll, polling when it runs out ({@link TierSupport#charge}); the compact form of a
     * block's charge, for functions whose inline checks would pass HotSpot's compile limit.
     */
    public static int charge(int left, int cost, Context ctx) {
        int l = left - cost;
        return l >= 0 ? l : TierSupport.charge(ctx.store, l, cost);
    }

    /**
     * The compact poll of a block of {@code cost} instructions already charged on the edge into it,
     * where {@code left - phi} is the fuel left ({@code FuelPlan}): polls when that is negative.
     */
    public static int poll(int left, int phi, int cost, Context ctx) {
        return left >= phi ? left : TierSupport.charge(ctx.store, left - phi, cost) + phi;
    }

    /** Spec 2.0, 4.4.8: {@code unreachable} traps. Declared to return so generated code can {@code athrow}. */
    public static TrapException unreachable() {
        throw new TrapException(TrapKind.UNREACHABLE);
    }

    /**
     * {@code call_indirect}'s lookup (checks and traps as the interpreter's): the function index
     * when the target is compiled code of this instance, to be called through the dispatcher's
     * switch; otherwise -1, with the target left in {@link Context#target} for the bridge.
     */
    /**
     * {@code return_call_indirect}'s lookup (the same checks and traps): the function index when the
     * target is a function of this instance, compiled or not (each has a method the trampoline
     * calls, at the depth of the frame it replaces, as the interpreter does); otherwise -1, with the
     * target left in {@link Context#target}, to be called and returned from (spec 3.0: a host
     * function's or another instance's result is the tail call's).
     */
    public static int tailIndirect(int index, Context ctx, int table, int typeId) {
        FunctionInstance f = TierSupport.indirect(index, ctx.instance, table, typeId);
        if (f instanceof WasmFunction w && w.instance() == ctx.instance) {
            return w.index();
        }
        ctx.target = f;
        return -1;
    }

    public static int indirect(int index, Context ctx, int table, int typeId) {
        return dispatch(TierSupport.indirect(index, ctx.instance, table, typeId), ctx);
    }

    /**
     * Where a looked-up callee {@code f} is called: its index when it is compiled code of this
     * instance (the dispatcher's switch), else -1 with {@code f} in {@link Context#target} (the bridge).
     */
    private static int dispatch(FunctionInstance f, Context ctx) {
        if (f instanceof WasmFunction w && w.instance() == ctx.instance) {
            int i = w.index();
            if (ctx.compiled[i]) {
                return i;
            }
        }
        ctx.target = f;
        return -1;
    }

    /**
     * {@code call_ref}'s lookup (spec 3.0, Execution > Instructions > {@code call_ref}; a null
     * reference traps as in the interpreter): the function index when the callee is compiled code
     * of this instance, to be called through the dispatcher's switch; otherwise -1, with the callee
     * left in {@link Context#target} for the bridge. Validation has matched the callee's type.
     */
    public static int reference(long ref, Context ctx) {
        return dispatch(TierSupport.referenced(ref, ctx.instance), ctx);
    }

    /** {@code return_call_ref}'s lookup: as {@link #tailIndirect}, the callee named by {@code ref}. */
    public static int tailReference(long ref, Context ctx) {
        FunctionInstance f = TierSupport.referenced(ref, ctx.instance);
        if (f instanceof WasmFunction w && w.instance() == ctx.instance) {
            return w.index();
        }
        ctx.target = f;
        return -1;
    }

    /** {@code ref.as_non_null} (spec 3.0): {@code ref}, or the interpreter's trap "null reference". */
    public static long nonNull(long ref) {
        if (ref == Table.NULL) {
            throw new TrapException(TrapKind.NULL_REFERENCE);
        }
        return ref;
    }
}
