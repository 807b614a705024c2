package dev.sandpiper.abi;

import static dev.sandpiper.abi.Guests.assertFailed;
import static dev.sandpiper.abi.Guests.assertFiltered;
import static dev.sandpiper.abi.Guests.event;
import static dev.sandpiper.abi.Guests.testGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * contract.md, "Defaults and limits" and decision 1: the guest's linear memory can never exceed memory_limit_mb;
 * memory.grow past it returns -1 to the guest, whatever maximum the module declares. The {@code grow} guest (declared
 * maximum 4 GiB) grows one page at a time until refused and publishes memory.size as metric "pages".
 */
class MemoryLimitTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 16})
    void growingStopsExactlyAtTheLimitWhateverTheDeclaredMaximum(int limitMb) {
        try (WasmRuntime r = Guests.load(Guests.relaxed(testGuest("grow")).memoryLimitMb(limitMb)).newRuntime()) {
            assertFiltered(r.transform(event(1))); // the guest wrote its last byte and filtered the event
            int cap = limitMb * 16;
            assertEquals(cap, r.metrics().get("pages"), "memory.size seen by the guest");
            assertEquals(-1, r.metrics().get("big_grow"), "a larger grow is refused too");
            assertEquals(cap, r.memoryPages());
            assertEquals((long) limitMb << 20, r.memoryBytes());
        }
    }

    @Test
    void theMemoryHogStopsWithinOneBlockOfTheDefaultLimit() {
        try (WasmRuntime r = Guests.load(Guests.relaxed(Guests.example("bad-memory-hog"))).newRuntime()) {
            TransformError e = assertFailed(TransformError.Kind.LIMIT, r.transform(event(1)));
            Guests.assertStartsWith("transform reached memory_limit_mb 16 (memory.grow refused), then trapped: "
                    + "unreachable", e.message());
            int pages = r.memoryPages();
            assertTrue(pages <= 256 && pages > 256 - 16, "pages: " + pages);
            assertTrue(r.memoryBytes() <= 16 << 20);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void theMemoryHogStopsAtASmallerLimit(int limitMb) {
        try (WasmRuntime r = Guests.load(Guests.relaxed(Guests.example("bad-memory-hog")).memoryLimitMb(limitMb))
                .newRuntime()) {
            assertFailed(TransformError.Kind.LIMIT, r.transform(event(1)));
            int pages = r.memoryPages();
            assertTrue(pages <= limitMb * 16 && pages > limitMb * 16 - 16, "pages: " + pages);
        }
    }

    @Test
    void afterTheHogTheRuntimeStartsAFreshInstanceAtTheModulesInitialSize() throws Exception {
        WasmModule hog = Guests.load(Guests.relaxed(Guests.example("bad-memory-hog")));
        try (WasmRuntime r = hog.newRuntime(); WasmRuntime untouched = hog.newRuntime()) {
            untouched.init();
            int initialised = untouched.memoryPages(); // 17 pages, plus what init's alloc grew
            assertTrue(initialised >= 17 && initialised < 20, "pages: " + initialised);

            assertFailed(TransformError.Kind.LIMIT, r.transform(event(1)));
            r.init(); // instantiates afresh and runs init, which works in this guest
            assertEquals(initialised, r.memoryPages());
            assertFailed(TransformError.Kind.LIMIT, r.transform(event(2)));
            assertTrue(r.memoryPages() <= 256);
        }
    }
}
