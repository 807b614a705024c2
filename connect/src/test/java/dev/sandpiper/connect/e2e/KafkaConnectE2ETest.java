package dev.sandpiper.connect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (b) PostgreSQL → Debezium Postgres connector in a real Kafka Connect worker → Sandpiper's
 * WasmTransform (mask-pii, drop-deletes) → a topic of a real KRaft broker → a KafkaConsumer.
 *
 * <p>The worker (a child JVM, ConnectDistributed) finds both plugins only through plugin.path:
 * Sandpiper's folder as the build lays it out (run by failsafe after {@code package}: exactly
 * target/plugin/sandpiper-connect, see {@link PluginFolders}), and Debezium's official plugin tarball. Mid-stream, while
 * rows keep being inserted, the connector's task is restarted through REST and then the worker is
 * killed (kill -9) and replaced; every inserted row must still arrive, masked (at least once).
 */
class KafkaConnectE2ETest {
    private static final String CONNECTOR = "pg-users";
    private static final String TOPIC = "e2e.public.users";
    private static final int SNAPSHOT_ROWS = 5;
    /** Rows inserted while streaming get ids from here on, one per transaction. */
    private static final int FIRST_STREAMED = 1000;
    /** After the disruptions: rows FIRST_STREAMED..+9 are deleted (every delete must be dropped). */
    private static final int DELETED = 10;
    private static final int MARKER_ID = 999_999;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void quiet() {
        E2e.quietLogs();
    }

    @AfterEach
    void tearDown() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            try {
                cleanup.get(i).close();
            } catch (Exception e) {
                System.err.println("[e2e] teardown: " + e);
            }
        }
        cleanup.clear();
    }

    @Test
    void postgresToConnectWorkerToTopicAtLeastOnceAcrossTaskRestartAndWorkerKill() throws Exception {
        long start = System.nanoTime();
        try {
            run();
        } finally {
            E2e.printElapsed("KafkaConnectE2ETest (PostgreSQL -> Connect worker + mask,drop -> Kafka topic)", start);
        }
    }

    private void run() throws Exception {
        Path work = E2e.tempDir("connect-");
        cleanup.add(() -> E2e.deleteTree(work));
        // First: a missing or stale plugin folder fails before anything is started.
        String pluginPath = PluginFolders.sandpiperPluginPath(work.resolve("plugins")) + ","
                + PluginFolders.debeziumPluginPath();

        Postgres pg = Postgres.start();
        cleanup.add(pg);
        pg.createUsersTable(true);
        try (Connection c = pg.connect()) {
            for (int id = 1; id <= SNAPSHOT_ROWS; id++) {
                pg.insertUser(c, id, "bio " + id);
            }
        }

        KafkaBroker broker = KafkaBroker.start();
        cleanup.add(broker);

        AtomicReference<ConnectWorker> worker = new AtomicReference<>();
        cleanup.add(() -> {
            ConnectWorker w = worker.get();
            if (w != null) {
                w.close();
            }
        });
        worker.set(ConnectWorker.start(work, broker.bootstrap, pluginPath, "worker-1"));
        checkPluginsListed(worker.get());

        Map<String, String> config = new LinkedHashMap<>(Pipelines.debeziumPostgres(pg, "e2e_connect", "e2e"));
        config.put("tasks.max", "1");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.putAll(Pipelines.maskAndDrop("fail", "e2e-connect"));
        worker.get().createConnector(CONNECTOR, config);
        worker.get().awaitTaskRunning(CONNECTOR, Duration.ofSeconds(90));

        Consumed consumed = new Consumed(broker.bootstrap);
        cleanup.add(consumed);
        consumed.start();
        E2e.await("the " + SNAPSHOT_ROWS + " snapshot rows on " + TOPIC, Duration.ofSeconds(90),
                () -> consumed.ids("read").size() >= SNAPSHOT_ROWS,
                () -> consumed.describe() + worker.get().logTail(40));

        // ---- Insert continuously while the task is restarted and the worker is killed and replaced.
        Inserter inserter = new Inserter(pg);
        cleanup.add(inserter);
        inserter.start();
        awaitProgress(consumed, inserter, 20, "before the task restart", worker.get());

        long t0 = System.nanoTime();
        int before = inserter.next.get();
        var restart = worker.get().post("/connectors/" + CONNECTOR + "/tasks/0/restart", null);
        assertTrue(restart.statusCode() / 100 == 2,
                () -> "task restart -> " + restart.statusCode() + " " + restart.body());
        worker.get().awaitTaskRunning(CONNECTOR, Duration.ofSeconds(90));
        int after = inserter.next.get();
        awaitProgress(consumed, inserter, 20, "after the task restart", worker.get());
        System.out.printf("[e2e] connect: task 0 restarted through REST: rows %d..%d inserted until it ran again;"
                + " rows flowing again after %.1f s%n", before, after - 1, (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        before = inserter.next.get();
        worker.get().kill();
        worker.set(ConnectWorker.start(work, broker.bootstrap, pluginPath, "worker-2"));
        worker.get().awaitTaskRunning(CONNECTOR, Duration.ofSeconds(120));
        after = inserter.next.get();
        awaitProgress(consumed, inserter, 20, "after the worker kill", worker.get());
        System.out.printf("[e2e] connect: worker killed (-9) and replaced: rows %d..%d inserted with no task running;"
                + " rows flowing again after %.1f s%n", before, after - 1, (System.nanoTime() - t0) / 1e9);
        inserter.close();

        // ---- Updates and deletes, then a marker row: once it arrives everything before it went through.
        pg.exec("UPDATE users SET name = name || ' v2', email = 'new.' || email WHERE id <= " + SNAPSHOT_ROWS);
        pg.exec("DELETE FROM users WHERE id >= " + FIRST_STREAMED + " AND id < " + (FIRST_STREAMED + DELETED));
        try (Connection c = pg.connect()) {
            pg.insertUser(c, MARKER_ID, "marker");
        }
        Set<Integer> inserted = inserter.committed();
        E2e.await("every inserted row and the marker on " + TOPIC, Duration.ofSeconds(120), () -> {
            Set<Integer> got = consumed.ids("insert");
            return got.contains(MARKER_ID) && got.containsAll(inserted);
        }, () -> "missing: " + missing(inserted, consumed.ids("insert")) + "\n" + worker.get().logTail(40));

        // ---- Assertions.
        List<Change> all = consumed.changes();
        all.forEach(ch -> assertEquals(null, ch.maskingProblem(), () -> "unmasked change on the topic: " + ch));
        assertEquals(ids(1, SNAPSHOT_ROWS), consumed.ids("read"), "snapshot rows");
        Set<Integer> expectedInserts = new TreeSet<>(inserted);
        expectedInserts.add(MARKER_ID);
        assertEquals(expectedInserts, consumed.ids("insert"), "inserted rows: all of them, nothing else");
        E2e.await("the " + SNAPSHOT_ROWS + " updates", Duration.ofSeconds(30),
                () -> consumed.ids("update").equals(ids(1, SNAPSHOT_ROWS)), consumed::describe);
        assertEquals(Set.of(), consumed.ids("delete"), "deletes must be dropped by drop-deletes");
        assertEquals(0, consumed.tombstones.get(), "no tombstones (tombstones.on.delete=false)");
        int duplicates = all.size() - (int) all.stream().map(ch -> ch.op() + ch.id()).distinct().count();
        System.out.printf("[e2e] connect: %d rows inserted while disrupting, %d records consumed (%d reads, %d"
                        + " updates), %d redelivered (at-least-once), %d deletes dropped%n",
                inserted.size(), all.size(), SNAPSHOT_ROWS, SNAPSHOT_ROWS, duplicates, DELETED);
    }

    private static void checkPluginsListed(ConnectWorker w) {
        var r = w.get("/connector-plugins?connectorsOnly=false");
        assertEquals(200, r.statusCode(), r::body);
        Set<String> classes = new TreeSet<>();
        for (JsonNode p : ConnectWorker.json(r)) {
            classes.add(p.path("class").asText());
        }
        assertTrue(classes.contains("io.debezium.connector.postgresql.PostgresConnector"),
                () -> "Debezium's connector not found through plugin.path: " + classes);
        if (!E2e.KAFKA_SMTS) {
            assertTrue(classes.contains(E2e.WASM_TRANSFORM),
                    () -> "Sandpiper's WasmTransform not found through plugin.path (plugin.discovery=service_load needs"
                            + " META-INF/services/org.apache.kafka.connect.transforms.Transformation in its jar): "
                            + classes);
            assertTrue(classes.contains("dev.sandpiper.connect.WasmPredicate"),
                    () -> "Sandpiper's WasmPredicate not found through plugin.path (needs META-INF/services/"
                            + "org.apache.kafka.connect.transforms.predicates.Predicate): " + classes);
        }
    }

    /** Waits until {@code n} more rows inserted from now on have arrived on the topic. */
    private static void awaitProgress(Consumed consumed, Inserter inserter, int n, String when, ConnectWorker w) {
        int from = inserter.next.get();
        E2e.await(n + " newly inserted rows on the topic " + when, Duration.ofSeconds(120),
                () -> consumed.ids("insert").stream().filter(id -> id >= from && id != MARKER_ID).count() >= n,
                () -> consumed.describe() + "\n" + w.status(CONNECTOR) + "\n" + w.logTail(40));
    }

    private static TreeSet<Integer> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static String missing(Set<Integer> want, Set<Integer> got) {
        TreeSet<Integer> m = new TreeSet<>(want);
        m.removeAll(got);
        return m.size() + " " + (m.size() > 30 ? m.headSet(m.first() + 30) + "…" : m.toString());
    }

    /** Inserts users rows FIRST_STREAMED, +1, … one transaction each, every 10 ms, until closed. */
    static final class Inserter implements AutoCloseable {
        final AtomicInteger next = new AtomicInteger(FIRST_STREAMED);
        private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final Postgres pg;
        private Thread thread;

        Inserter(Postgres pg) {
            this.pg = pg;
        }

        void start() {
            thread = new Thread(() -> {
                try (Connection c = pg.connect()) {
                    while (!stop.get()) {
                        int id = next.get();
                        pg.insertUser(c, id, "bio " + id);
                        committed.add(id);
                        next.incrementAndGet();
                        Thread.sleep(10);
                    }
                } catch (SQLException | RuntimeException e) {
                    error.set(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "e2e-inserter");
            thread.setDaemon(true);
            thread.start();
        }

        /** The ids whose insert committed (read after {@link #close()}). */
        Set<Integer> committed() {
            if (error.get() != null) {
                throw new AssertionError("inserter failed", error.get());
            }
            return new TreeSet<>(committed);
        }

        @Override
        public void close() {
            stop.set(true);
            E2e.join(thread);
        }
    }

    /** A KafkaConsumer thread reading the topic from the beginning into {@link Change}s. */
    static final class Consumed implements AutoCloseable {
        final List<Change> changes = new CopyOnWriteArrayList<>();
        final AtomicInteger tombstones = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final String bootstrap;
        private Thread thread;

        Consumed(String bootstrap) {
            this.bootstrap = bootstrap;
        }

        void start() {
            // The connector creates the topic; subscribe once it exists.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                E2e.await("topic " + TOPIC, Duration.ofSeconds(90), () -> {
                    try {
                        return admin.listTopics().names().get().contains(TOPIC);
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
            Map<String, Object> props = Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "e2e-check-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            thread = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(List.of(TOPIC));
                    while (!stop.get()) {
                        for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                            if (rec.value() == null) {
                                tombstones.incrementAndGet();
                            } else {
                                changes.add(Change.ofJson(rec.value()));
                            }
                        }
                    }
                } catch (Throwable t) {
                    error.set(t);
                }
            }, "e2e-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        List<Change> changes() {
            if (error.get() != null) {
                throw new AssertionError("consumer failed", error.get());
            }
            return List.copyOf(changes);
        }

        Set<Integer> ids(String op) {
            return changes().stream().filter(ch -> ch.op().equals(op)).map(Change::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        String describe() {
            List<Change> all = List.copyOf(changes);
            return "consumed " + all.size() + " records; last: "
                    + all.subList(Math.max(0, all.size() - 5), all.size());
        }

        @Override
        public void close() {
            stop.set(true);
            E2e.join(thread);
        }
    }
}
