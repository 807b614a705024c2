package dev.sandpiper.spectest.features;

import dev.sandpiper.decoder.Features;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one switch for the 3.0 report: the features the engine (and this runner) implement. A
 * command is skipped only for a feature it needs that is not in this set, so adding a feature here
 * when it lands turns its commands from skipped into run (and they must then pass).
 */
public final class EngineFeatures {
    /**
     * Add a feature here when the engine implements it, with the engine's feature
     * ({@link Features}) that enables it: so far tail calls, extended constant expressions (which
     * in the engine also let constants read defined globals), multiple memories, typed function
     * references, relaxed SIMD, exception handling with its legacy instructions, 64-bit
     * memories and tables, and GC.
     */
    private static final Map<Feature, dev.sandpiper.decoder.code.Feature> IMPLEMENTED = new EnumMap<>(Map.ofEntries(
            Map.entry(Feature.TAIL_CALLS, dev.sandpiper.decoder.code.Feature.TAIL_CALL),
            Map.entry(Feature.EXTENDED_CONST, dev.sandpiper.decoder.code.Feature.EXTENDED_CONST),
            Map.entry(Feature.DEFINED_GLOBALS_IN_CONSTANTS, dev.sandpiper.decoder.code.Feature.EXTENDED_CONST),
            Map.entry(Feature.MULTI_MEMORY, dev.sandpiper.decoder.code.Feature.MULTI_MEMORY),
            Map.entry(Feature.FUNCTION_REFERENCES, dev.sandpiper.decoder.code.Feature.FUNCTION_REFERENCES),
            Map.entry(Feature.RELAXED_SIMD, dev.sandpiper.decoder.code.Feature.RELAXED_SIMD),
            Map.entry(Feature.EXCEPTIONS, dev.sandpiper.decoder.code.Feature.EXCEPTIONS),
            Map.entry(Feature.LEGACY_EXCEPTIONS, dev.sandpiper.decoder.code.Feature.LEGACY_EXCEPTIONS),
            Map.entry(Feature.MEMORY64, dev.sandpiper.decoder.code.Feature.MEMORY64),
            Map.entry(Feature.GC, dev.sandpiper.decoder.code.Feature.GC)));
    /**
     * Features of the text format and the script language rather than of the engine: the text
     * module and this runner read them whatever the engine's features, so no engine switch turns
     * them off.
     */
    private static final Set<Feature> READER = Collections.unmodifiableSet(EnumSet.of(Feature.ANNOTATIONS, Feature.TEXT_3_0, Feature.SCRIPT_3_0));
    private static final Set<Feature> SUPPORTED;

    static {
        EnumSet<Feature> all = EnumSet.copyOf(IMPLEMENTED.keySet());
        all.addAll(READER);
        SUPPORTED = Collections.unmodifiableSet(all);
    }

    private EngineFeatures() {}

    /** The 3.0 text and script features the reader implements (engine features apart). */
    public static Set<Feature> reader() {
        return READER;
    }

    /** The 3.0 features the engine (and the reader) implement. */
    public static Set<Feature> supported() {
        return SUPPORTED;
    }

    /**
     * Of the 3.0 features the engine implements, those {@code enabled} lets a module use, and the
     * reader's text and script features (always).
     */
    public static Set<Feature> supported(Features enabled) {
        EnumSet<Feature> out = EnumSet.copyOf(READER);
        IMPLEMENTED.forEach((f, engine) -> {
            if (enabled.enabled(engine)) {
                out.add(f);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** The engine's feature that enables {@code f}, or null when the engine does not implement it. */
    public static dev.sandpiper.decoder.code.Feature engineFeature(Feature f) {
        return IMPLEMENTED.get(f);
    }

    /** Of {@code needed}, those the engine does not implement (in declaration order). */
    public static Set<Feature> missing(Set<Feature> needed, Set<Feature> supported) {
        EnumSet<Feature> out = needed.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(needed);
        out.removeAll(supported);
        return out;
    }
}
