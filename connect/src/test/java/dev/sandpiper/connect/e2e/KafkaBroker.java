package dev.sandpiper.connect.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one), in this JVM, on two free
 * ports of 127.0.0.1, its log folder formatted by Kafka's own StorageTool. {@link #close()} stops it
 * and deletes the folder.
 */
final class KafkaBroker implements AutoCloseable {
    private final KafkaRaftServer server;
    private final Path dir;
    final String bootstrap;

    private KafkaBroker(KafkaRaftServer server, Path dir, String bootstrap) {
        this.server = server;
        this.dir = dir;
        this.bootstrap = bootstrap;
    }

    static KafkaBroker start() throws Exception {
        Path dir = E2e.tempDir("kafka-");
        int port = E2e.freePort();
        int controllerPort = E2e.freePort();
        String bootstrap = "127.0.0.1:" + port;
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + bootstrap + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + bootstrap);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1000000");
        Path props = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(props)) {
            p.store(out, "sandpiper e2e broker");
        }

        ByteArrayOutputStream formatOut = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", props.toString()},
                new PrintStream(formatOut, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            E2e.deleteTree(dir);
            throw new IllegalStateException("kafka storage format failed (" + rc + "): " + formatOut);
        }

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
        KafkaBroker broker = new KafkaBroker(server, dir, bootstrap);
        try {
            server.startup();
            // The broker's startup resets the log levels set before (seen: UnifiedLog's WARN lines came back).
            E2e.quietLogs();
            // Ready when an admin client sees this node in the cluster.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                E2e.await("the Kafka broker on " + bootstrap, Duration.ofSeconds(60), () -> {
                    try {
                        return !admin.describeCluster().nodes().get().isEmpty();
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        } catch (Throwable t) {
            broker.close();
            throw t;
        }
        return broker;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("[e2e] Kafka broker shutdown: " + e);
        }
        E2e.deleteTree(dir);
    }
}
