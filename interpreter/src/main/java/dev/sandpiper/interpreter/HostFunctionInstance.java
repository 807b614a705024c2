package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.FuncType;

/** A host function with its type, ready to be imported ({@link Linker#defineFunction}). */
public final class HostFunctionInstance extends FunctionInstance {
    private final String name;
    final HostFunction impl;

    public HostFunctionInstance(String name, FuncType type, HostFunction impl) {
        super(type, dev.sandpiper.decoder.model.DefinedTypes.id(type));
        this.name = name;
        this.impl = impl;
    }

    public String name() {
        return name;
    }

    @Override
    public long[] call(long... args) {
        long[] results = new long[type().resultSlots()];
        impl.call(new HostContext(null), args.clone(), results);
        return results;
    }

    @Override
    public String toString() {
        return "host " + name;
    }
}
