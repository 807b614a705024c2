package dev.sandpiper.transforms;

/**
 * The state of one deployed transform.
 *
 * @param name the transform
 * @param state running or paused
 * @param spec the current spec
 * @param version 1 at deploy, one more per hot reload
 * @param instances live instances (over every version still draining)
 * @param maxInstances the spec's {@code instances}
 * @param queued events admitted and not yet emitted
 * @param draining versions replaced by a reload that still finish their events
 */
public record TransformStatus(String name, State state, TransformSpec spec, int version, int instances,
        int maxInstances, long queued, int draining) {

    /** Whether a transform takes events. */
    public enum State {
        /** Processing. */
        RUNNING,
        /** Admitting events (up to its buffer) but not processing them until resumed. */
        PAUSED
    }

    @Override
    public String toString() {
        return name + ": " + state.name().toLowerCase(java.util.Locale.ROOT) + ", version " + version + ", instances "
                + instances + "/" + maxInstances + ", queued " + queued + (draining > 0 ? ", draining " + draining : "")
                + ", " + spec.inputTopic() + " -> " + (spec.routed() ? "(routed)" : spec.outputTopic());
    }
}
