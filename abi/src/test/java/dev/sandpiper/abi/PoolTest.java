package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertOk;
import static dev.sandpiper.abi.Guests.assertOkBytes;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.example;
import static dev.sandpiper.abi.Guests.testGuest;
import static dev.sandpiper.abi.Guests.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link WasmRuntimePool} and the seed's shared-module entry point {@link WasmModule#transform}: per-name metric
 * sums over the pool's runtimes, lifecycle over all of them, and a failure in one not spoiling the pool.
 */
class PoolTest {

    @Test
    void metricsAreSummedPerNameOverThePoolsRuntimes() {
        // a pool hands its runtimes out in turn, so 40 events spread over all 3; the README's totals need the sum
        try (LogCapture quiet = LogCapture.transform("enrich");
                WasmRuntimePool pool = new WasmRuntimePool(Guests.load(Guests.relaxed(example("enrich"))), 3)) {
            for (Event e : Guests.sampleEvents()) {
                assertOk(pool.transform(e));
            }
            assertEquals(Map.of("events_enriched", 40L, "bytes_in", 17261L), pool.metrics());
            assertEquals(40, quiet.count());
        }
    }

    @Test
    void eachRuntimeOfThePoolHasItsOwnInstance() {
        try (WasmRuntimePool pool = new WasmRuntimePool(Guests.load(testGuest("probe")), 3)) {
            for (int i = 0; i < 9; i++) {
                assertOk(pool.transform(event(i)));
            }
            // every instance counted its own events; the pool sums the three counters (3 + 3 + 3)
            assertEquals(Map.of("alloc_calls", 12L, "count", 9L, "init_calls", 3L, "transforms", 9L), pool.metrics());
        }
    }

    @Test
    void initInitialisesEveryRuntimeAndCloseShutsEachDown() throws Exception {
        WasmRuntimePool pool = new WasmRuntimePool(Guests.load(testGuest("probe")), 4);
        assertEquals(4, pool.size());
        pool.init();
        assertEquals(4, pool.metrics().get("init_calls"));
        assertOk(pool.transform(event(1)));
        assertEquals(4, pool.metrics().get("init_calls"), "no runtime ran init twice");
        pool.close();
        assertEquals(4, pool.metrics().get("shutdown_calls"));
    }

    @Test
    void aPoolNeedsAtLeastOneRuntime() {
        WasmModule m = Guests.load(testGuest("probe"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WasmRuntimePool(m, 0));
        assertEquals("pool size must be at least 1, not 0", e.getMessage());
    }

    @Test
    void aTrapInOneRuntimeLeavesThePoolServingAndItsMetrics() {
        try (WasmRuntimePool pool = new WasmRuntimePool(Guests.load(testGuest("probe")), 2)) {
            assertOk(pool.transform(event(1)));
            assertOk(pool.transform(event(2)));
            assertFailed(TransformError.Kind.TRAP, pool.transformJson(utf8("!trap")));
            for (int i = 3; i < 7; i++) {
                assertEquals(event(i), assertOk(pool.transform(event(i))));
            }
            assertEquals(6, pool.metrics().get("transforms"));
            assertEquals(3, pool.metrics().get("init_calls"), "two runtimes, one of them re-initialised");
        }
    }

    @Test
    void transformJsonThroughThePoolPassesTheBytesUnchanged() {
        byte[] json = utf8(" " + Fixtures.withFields("'after':{'n':1E+2}") + " ");
        try (WasmRuntimePool pool = new WasmRuntimePool(Guests.load(testGuest("probe")), 2)) {
            assertArrayEquals(json, assertOkBytes(pool.transformJson(json)));
        }
    }

    @Test
    void theSeedsModuleTransformReturnsTheEventOrNothingAndThrowsOnFailure() throws Exception {
        WasmModule dropDeletes = Guests.load(Guests.relaxed(example("drop-deletes")));
        List<Event> sample = Guests.sampleEvents();
        int filtered = 0;
        for (Event e : sample) {
            Optional<Event> out = dropDeletes.transform(e);
            if (out.isEmpty()) {
                assertEquals(Op.DELETE, e.op());
                filtered++;
            } else {
                assertEquals(e, out.get());
            }
        }
        assertEquals(5, filtered);

        WasmModule minus7 = Guests.load(example("bad-returns-minus-7"));
        TransformException e = assertThrows(TransformException.class, () -> minus7.transform(sample.get(0)));
        assertEquals(new TransformError(TransformError.Kind.GUEST_FAILURE, "transform returned error code -7"),
                e.error());
    }
}
