package dev.sandpiper.spectest.features;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one switch for the 3.0 report: the features the engine (and this runner) implement. A
 * command is skipped only for a feature it needs that is not in this set, so adding a feature here
 * when it lands turns its commands from skipped into run (and they must then pass).
 */
public final class EngineFeatures {
    /**
     * Add a feature here when the engine implements it: so far tail calls, extended constant
     * expressions (with constants reading defined globals) and multiple memories, those
     * dev.sandpiper.decoder.Features names.
     */
    private static final Set<Feature> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
            Feature.TAIL_CALLS, Feature.EXTENDED_CONST, Feature.DEFINED_GLOBALS_IN_CONSTANTS, Feature.MULTI_MEMORY));

    private EngineFeatures() {}

    /** The 3.0 features the engine implements. */
    public static Set<Feature> supported() {
        return SUPPORTED;
    }

    /** Of {@code needed}, those the engine does not implement (in declaration order). */
    public static Set<Feature> missing(Set<Feature> needed, Set<Feature> supported) {
        EnumSet<Feature> out = needed.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(needed);
        out.removeAll(supported);
        return out;
    }
}
