package dev.sandpiper.validator;

import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.List;

/**
 * A module that passed validation, with the analysis of each defined function (in the order of the
 * code section). Immutable and safe to share between threads.
 */
public final class ValidatedModule {
    private final Module module;
    private final List<FunctionAnalysis> analyses;

    ValidatedModule(Module module, List<FunctionAnalysis> analyses) {
        this.module = module;
        this.analyses = List.copyOf(analyses);
    }

    public Module module() {
        return module;
    }

    /** The analysis of defined function {@code definedIndex} (imports not counted). */
    public FunctionAnalysis analysis(int definedIndex) {
        return analyses.get(definedIndex);
    }
}
