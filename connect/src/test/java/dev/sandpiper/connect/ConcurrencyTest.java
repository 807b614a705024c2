package dev.sandpiper.connect;

import static dev.sandpiper.connect.Fixtures.change;
import static dev.sandpiper.connect.Fixtures.guest;
import static dev.sandpiper.connect.Fixtures.transform;
import static dev.sandpiper.connect.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** One transform instance used from several threads: each record gets its own answer. */
class ConcurrencyTest {

    @Test
    void threadsShareOnePool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (WasmTransform<SourceRecord> t = transform(guest("enrich"), "instances", "2")) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int base = thread * 1000;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        int id = base + i;
                        SourceRecord out = t.apply(change("c", null, user(id, "user" + id, id + "@example.com")));
                        Struct after = ((Struct) out.value()).getStruct("after");
                        assertEquals(id, after.getInt32("id"));
                        assertEquals(id + "@example.com", after.getString("email"));
                        assertEquals("enriched", after.getString("_tag"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(160, t.stats().outputCount());
            assertEquals(160L, t.stats().guestMetrics().get("events_enriched"));
        } finally {
            pool.shutdownNow();
        }
    }
}
