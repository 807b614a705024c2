package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.FunctionInstance;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.Table;
import dev.sandpiper.interpreter.TierSupport;

/**
 * What compiled code of one instance reads at run time: its memory, globals, tables and functions,
 * and two exchange fields. Every generated function takes it as a parameter after the WebAssembly
 * ones. The generated class lives in this package and reads the fields directly; hosts never see it.
 */
public final class Context {
    final Instance instance;
    final Store store;
    final Memory memory;
    /** The memory index space (3.0): memories other than memory 0 are read from here per access. */
    final Memory[] memories;
    final Global[] globals;
    final Table[] tables;
    final FunctionInstance[] functions;
    /** By function index: compiled code of this module (not a bridge to the interpreter). */
    final boolean[] compiled;
    /**
     * Results of a call returning more than one value, in order (a v128 as two entries, low half
     * first); also the arguments of a pending tail call, in the same layout.
     */
    final long[] results;
    /**
     * The high half of a v128 that a call returned: a generated function returning one v128, or a
     * {@link V128} helper, returns the low half and leaves the high half here, which the caller
     * reads right after the call. No allocation per value; the context belongs to the instance's
     * thread, like the value stack.
     */
    long high;
    /** The function a {@code call_indirect} reached when it is not compiled code of this instance. */
    FunctionInstance target;
    /** Fuel left before the next poll, handed back by a returning compiled function with one result (the others return it). */
    int left;
    /**
     * A pending tail call ({@code translate.TailCalls}): the callee's function index plus one, or 0.
     * Its arguments are in {@link #results} and the fuel left in {@link #left}.
     */
    int tail;
    /** The operands of a {@code struct.new} or {@code array.new_fixed} on their way to the helper ({@link Gc#values}). */
    long[] values = new long[8];
    /** The call-depth limit of the call in progress. */
    int maxDepth;

    Context(Instance instance, boolean[] compiled, int maxResults) {
        this.compiled = compiled;
        this.instance = instance;
        this.store = instance.store();
        this.memory = instance.memory();
        this.memories = TierSupport.memories(instance);
        this.globals = TierSupport.globals(instance);
        this.tables = TierSupport.tables(instance);
        this.functions = TierSupport.functions(instance);
        this.results = new long[Math.max(1, maxResults)];
    }
}
