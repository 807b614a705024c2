package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.InstanceTier;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TierSupport;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;

/**
 * One instance's entry into compiled code: takes the store's fuel and call depth, runs the
 * function, and leaves results and fuel where the interpreter would.
 */
final class BoundTier implements InstanceTier {
    private final ModuleCode code;
    private final Context ctx;
    private final boolean[] compiled;
    private final int[] resultSlots;

    BoundTier(ModuleCode code, Context ctx, boolean[] compiled, int[] resultSlots) {
        this.code = code;
        this.ctx = ctx;
        this.compiled = compiled;
        this.resultSlots = resultSlots;
    }

    @Override
    public boolean runs(int funcIndex) {
        return compiled[funcIndex];
    }

    @Override
    public void invoke(int funcIndex, Store store, int base) {
        ctx.maxDepth = TierSupport.maxCallDepth(store);
        int left = TierSupport.fuelLeft(store);
        int room = ctx.maxDepth - (TierSupport.depth(store) + 1);
        try {
            code.invoke(funcIndex, ctx, TierSupport.stack(store), base, room, left);
        } catch (StackOverflowError deep) {
            // WebAssembly recursion is JVM recursion here: the thread's stack can end before the
            // depth limit does. Spec 2.0 leaves the depth an implementation limit; same trap.
            ctx.tail = 0;
            throw new TrapException(TrapKind.CALL_STACK_EXHAUSTED, "the thread's stack is full");
        } catch (RuntimeException | Error trap) {
            // A pending tail call is consumed right after the return that leaves it, unless the
            // thread's stack ends at the trampoline's call: the trap abandons it, and the next
            // call must not find it (translate.TailCalls).
            ctx.tail = 0;
            throw trap;
        }
        TierSupport.fuelLeft(store, ctx.left);
        System.arraycopy(ctx.results, 0, TierSupport.stack(store), base, resultSlots[funcIndex]);
    }
}
