package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FuncType;

/**
 * A function that can be called or imported: defined by a module ({@link WasmFunction}) or by the
 * host ({@link HostFunctionInstance}).
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Function Instances, {@code exec/runtime.html#function-instances}.
 */
public abstract sealed class FunctionInstance implements Extern permits WasmFunction, HostFunctionInstance {
    private final FuncType type;
    private final int typeId;
    private final int paramSlots;
    private final int resultSlots;
    /** Where the type's references are, or null when it has none (then nothing crossing needs a look). */
    final RefSlots refs;

    /**
     * @param typeId the closed id of {@code type} ({@link dev.sandpiper.decoder.model.DefinedTypes}),
     *     which {@code call_indirect} and import matching compare: for a module's function, that of
     *     its type index in its module, since a type index inside the type means that module's type
     */
    FunctionInstance(FuncType type, int typeId) {
        this.type = type;
        this.typeId = typeId;
        this.paramSlots = type.paramSlots();
        this.resultSlots = type.resultSlots();
        this.refs = RefSlots.of(type);
    }

    public FuncType type() {
        return type;
    }

    int typeId() {
        return typeId;
    }

    /** {@code type().paramSlots()}, kept: a host calls through here for every event. */
    int paramSlots() {
        return paramSlots;
    }

    /** {@code type().resultSlots()}, kept. */
    int resultSlots() {
        return resultSlots;
    }

    /**
     * Calls the function with the arguments' raw bits (a v128 takes two, low half first) and returns
     * the results' bits.
     *
     * <p>A GC reference among the results (or in the payload of a {@link ThrownException} this
     * throws) stays valid until the host's next call into the store returns, or while pinned
     * ({@link Store#pin}); see {@link Store}.
     *
     * @throws TrapException if execution traps
     */
    public abstract long[] call(long... args);
}
