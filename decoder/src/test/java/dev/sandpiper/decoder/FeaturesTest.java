package dev.sandpiper.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.code.Feature;
import org.junit.jupiter.api.Test;

/** {@link Features}: the sets an embedder names, and the list the command line parses. */
class FeaturesTest {

    @Test
    void allEnablesEveryFeatureAnd20NoneOf30() {
        for (Feature f : Feature.values()) {
            assertTrue(Features.all().enabled(f), f.toString());
            assertEquals(f.inWasm20(), Features.wasm20().enabled(f), f.toString());
        }
        assertFalse(Features.wasm20().enabled(Feature.TAIL_CALL));
    }

    @Test
    void theMvpCannotBeTurnedOff() {
        assertTrue(Features.of().enabled(Feature.MVP));
        assertTrue(Features.all().without(Feature.MVP).enabled(Feature.MVP));
    }

    @Test
    void parseReadsEditionsNamesAndRemovals() {
        assertEquals(Features.wasm20(), Features.parse("2.0"));
        assertEquals(Features.all(), Features.parse("all"));
        assertEquals(Features.wasm20().with(Feature.TAIL_CALL), Features.parse("tail-call"));
        assertEquals(Features.all().without(Feature.MULTI_MEMORY), Features.parse("-multi-memory"));
        assertEquals(Features.all().without(Feature.SIMD).without(Feature.TAIL_CALL),
                Features.parse("all,-simd,-tail_call"));
    }

    @Test
    void parseNamesAnUnknownItem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.parse("2.0,no-such-proposal"));
        assertTrue(e.getMessage().contains("\"no-such-proposal\""), e.getMessage());
        assertTrue(e.getMessage().contains("multi-memory"), e.getMessage());
    }

    @Test
    void toStringListsProposalNames() {
        assertEquals("mvp,tail-call", Features.of(Feature.TAIL_CALL).toString());
    }
}
