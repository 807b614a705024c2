package dev.sandpiper.spectest.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The report's switch follows the engine: every feature the decoder's {@link Features#all()}
 * enables beyond 2.0 enables some report feature, so a feature landing in the engine without the
 * switch fails here rather than its commands being skipped; and a narrower {@link Features}
 * narrows what the report runs.
 */
class EngineFeaturesTest {
    @Test
    void everyFeatureTheEngineEnablesBeyond20IsInTheSwitch() {
        for (dev.sandpiper.decoder.code.Feature f : dev.sandpiper.decoder.code.Feature.values()) {
            if (!f.inWasm20() && Features.all().enabled(f)) {
                assertTrue(EngineFeatures.supported().stream().anyMatch(r -> EngineFeatures.engineFeature(r) == f),
                        "the engine implements " + f.proposalName() + ": which report feature is it?");
            }
        }
        assertEquals(EngineFeatures.supported(), EngineFeatures.supported(Features.all()));
    }

    @Test
    void theFeaturesSettingNarrowsTheSupportedSet() {
        assertEquals(EngineFeatures.reader(), EngineFeatures.supported(Features.wasm20()));
        assertEquals(EnumSet.of(Feature.EXTENDED_CONST, Feature.DEFINED_GLOBALS_IN_CONSTANTS),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.EXTENDED_CONST))));
        assertEquals(EnumSet.of(Feature.FUNCTION_REFERENCES),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.FUNCTION_REFERENCES))));
        assertEquals(EnumSet.of(Feature.EXCEPTIONS),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.EXCEPTIONS))));
        assertEquals(EnumSet.of(Feature.RELAXED_SIMD),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.RELAXED_SIMD))));
        assertEquals(EnumSet.of(Feature.TAIL_CALLS, Feature.EXTENDED_CONST, Feature.DEFINED_GLOBALS_IN_CONSTANTS,
                Feature.MULTI_MEMORY, Feature.FUNCTION_REFERENCES, Feature.RELAXED_SIMD, Feature.EXCEPTIONS,
                Feature.LEGACY_EXCEPTIONS, Feature.MEMORY64, Feature.GC), engine(EngineFeatures.supported()));
        assertEquals(EnumSet.of(Feature.MEMORY64),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.MEMORY64))));
        assertEquals(EnumSet.of(Feature.GC),
                engine(EngineFeatures.supported(Features.of(dev.sandpiper.decoder.code.Feature.GC))));
    }

    @Test
    void theReadersTextAndScriptFeaturesAreSupportedWhateverTheEngineFeatures() {
        assertTrue(EngineFeatures.supported(Features.wasm20()).containsAll(EngineFeatures.reader()));
        assertTrue(EngineFeatures.supported().contains(Feature.SCRIPT_3_0));
        assertEquals(null, EngineFeatures.engineFeature(Feature.SCRIPT_3_0));
    }

    /** The engine's features of a supported set: the reader's text and script features left out. */
    private static Set<Feature> engine(Set<Feature> supported) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        out.addAll(supported);
        out.removeAll(EngineFeatures.reader());
        return out;
    }

    @Test
    void missingIsWhatIsNeededLessWhatIsSupported() {
        Set<Feature> needed = EnumSet.of(Feature.GC, Feature.TAIL_CALLS, Feature.THREADS);
        assertEquals(EnumSet.of(Feature.THREADS), EngineFeatures.missing(needed, EngineFeatures.supported()));
        assertEquals(needed, EngineFeatures.missing(needed, Set.of()));
        assertEquals(Set.of(), EngineFeatures.missing(Set.of(), Set.of()));
    }
}
