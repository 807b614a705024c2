package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.InstanceTier;
import dev.sandpiper.interpreter.ModuleTier;

/**
 * A module's generated class as the interpreter's second tier: immutable and shared by every
 * instance and thread of the module; {@link #bind} gives each instance its {@link Context}.
 */
public final class CompiledTier implements ModuleTier {
    private final ModuleCode code;
    private final boolean[] compiled;
    private final int maxResults;
    private final int[] resultSlots;

    /** {@code resultSlots}: by function index, the slots of its results. */
    public CompiledTier(ModuleCode code, boolean[] compiled, int maxResults, int[] resultSlots) {
        this.code = code;
        this.compiled = compiled.clone();
        this.maxResults = maxResults;
        this.resultSlots = resultSlots.clone();
    }

    @Override
    public InstanceTier bind(Instance instance) {
        return new BoundTier(code, new Context(instance, compiled, maxResults), compiled, resultSlots);
    }

    @Override
    public String name() {
        return "compiled";
    }

    /** Whether function {@code funcIndex} runs as compiled code. */
    public boolean compiles(int funcIndex) {
        return compiled[funcIndex];
    }
}
