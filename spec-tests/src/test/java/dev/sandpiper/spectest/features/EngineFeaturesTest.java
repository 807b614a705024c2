package dev.sandpiper.spectest.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sandpiper.decoder.Features;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report's switch follows the engine: the 3.0 features it counts as implemented are exactly
 * those the decoder's {@link Features#all()} enables beyond 2.0, so a feature landing in the engine
 * without the switch (or the other way round) fails here rather than skipping or failing commands.
 */
class EngineFeaturesTest {
    /** The report's features each engine feature covers. */
    private static final Map<dev.sandpiper.decoder.code.Feature, Set<Feature>> COVERS = Map.of(
            dev.sandpiper.decoder.code.Feature.TAIL_CALL, EnumSet.of(Feature.TAIL_CALLS),
            // the engine's extended-const also lets constant expressions read defined globals
            dev.sandpiper.decoder.code.Feature.EXTENDED_CONST,
                    EnumSet.of(Feature.EXTENDED_CONST, Feature.DEFINED_GLOBALS_IN_CONSTANTS),
            dev.sandpiper.decoder.code.Feature.MULTI_MEMORY, EnumSet.of(Feature.MULTI_MEMORY));

    @Test
    void theSupportedSetIsWhatTheEngineEnablesBeyond20() {
        Set<Feature> expected = EnumSet.noneOf(Feature.class);
        for (dev.sandpiper.decoder.code.Feature f : dev.sandpiper.decoder.code.Feature.values()) {
            if (!f.inWasm20() && Features.all().enabled(f)) {
                Set<Feature> covered = COVERS.get(f);
                assertNotNull(covered, "the engine implements " + f.proposalName() + ": which report features is it?");
                expected.addAll(covered);
            }
        }
        assertEquals(expected, EngineFeatures.supported());
    }

    @Test
    void missingIsWhatIsNeededLessWhatIsSupported() {
        Set<Feature> needed = EnumSet.of(Feature.GC, Feature.TAIL_CALLS, Feature.MEMORY64);
        assertEquals(EnumSet.of(Feature.MEMORY64, Feature.GC), EngineFeatures.missing(needed, EngineFeatures.supported()));
        assertEquals(needed, EngineFeatures.missing(needed, Set.of()));
        assertFalse(EngineFeatures.missing(Set.of(), Set.of()).iterator().hasNext());
    }
}
