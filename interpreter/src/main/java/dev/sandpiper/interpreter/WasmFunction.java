package dev.sandpiper.interpreter;

import dev.sandpiper.interpreter.code.FunctionCode;

/** A function defined by a module, bound to the instance it belongs to. */
public final class WasmFunction extends FunctionInstance {
    final Instance instance;
    final FunctionCode code;

    WasmFunction(Instance instance, FunctionCode code, dev.sandpiper.decoder.model.FuncType type, int typeId) {
        super(type, typeId);
        this.instance = instance;
        this.code = code;
    }

    public Instance instance() {
        return instance;
    }

    /** Index in its module's function index space. */
    public int index() {
        return code.funcIndex();
    }

    @Override
    public long[] call(long... args) {
        return instance.store().invoke(this, args);
    }

    @Override
    public String toString() {
        return code.describe();
    }
}
