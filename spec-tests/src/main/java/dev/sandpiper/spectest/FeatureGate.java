package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.EngineFeatures;
import dev.sandpiper.spectest.features.Feature;
import java.util.List;
import java.util.Set;

/**
 * Runs a script's commands, skipping those that need a 3.0 feature outside {@code supported}
 * (which features a command needs is decided from its text by {@link ScriptFeatures}, before
 * anything runs, never from how it fared). Every other command runs on the {@link SpecRunner} and
 * is judged as usual. A skipped module is not loaded, so the runner's current module stays as it
 * was; the commands that use the skipped module are skipped with it.
 */
public final class FeatureGate {
    private final SpecRunner runner;
    private final List<Set<Feature>> needs;
    private final Set<Feature> supported;

    /** Gates {@code runner}'s script by the features the engine implements ({@link EngineFeatures#supported()}). */
    public FeatureGate(SpecRunner runner) {
        this(runner, EngineFeatures.supported());
    }

    public FeatureGate(SpecRunner runner, Set<Feature> supported) {
        this.runner = runner;
        this.needs = ScriptFeatures.of(runner.script());
        this.supported = Set.copyOf(supported);
    }

    /** The features command {@code index} of the script needs, whether supported or not. */
    public Set<Feature> needs(int index) {
        return needs.get(index);
    }

    /** Runs command {@code index} of the script, or skips it naming the features it lacks. */
    public Outcome run(int index) {
        Set<Feature> missing = EngineFeatures.missing(needs.get(index), supported);
        return missing.isEmpty() ? runner.run(runner.script().commands().get(index)) : Outcome.needs(missing);
    }
}
