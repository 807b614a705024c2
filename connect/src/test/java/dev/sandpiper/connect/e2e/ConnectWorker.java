package dev.sandpiper.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Kafka Connect worker (ConnectDistributed) in a child JVM, on a free REST port of 127.0.0.1.
 * Its class path is the test class path minus everything that is a plugin (Sandpiper, Debezium, the
 * PostgreSQL driver): those come only from {@code plugin.path}, through Connect's plugin isolation.
 * Logs go to a file at WARN; {@link #logTail(int)} shows them when a test fails.
 */
final class ConnectWorker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    final int restPort;

    private ConnectWorker(Process process, Path log, int restPort) {
        this.process = process;
        this.log = log;
        this.restPort = restPort;
    }

    /**
     * Starts a worker of group {@code sandpiper-e2e} (storage topics of one partition, replication 1,
     * offsets flushed every second) and waits until its REST API answers.
     */
    static ConnectWorker start(Path work, String bootstrap, String pluginPath, String name) throws IOException {
        int port = E2e.freePort();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "sandpiper-e2e");
        p.put("listeners", "http://127.0.0.1:" + port);
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("rest.advertised.port", Integer.toString(port));
        p.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("key.converter.schemas.enable", "false");
        p.put("value.converter.schemas.enable", "false");
        p.put("config.storage.topic", "e2e-connect-configs");
        p.put("offset.storage.topic", "e2e-connect-offsets");
        p.put("status.storage.topic", "e2e-connect-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("offset.flush.interval.ms", "1000");
        p.put("plugin.path", pluginPath);
        // ServiceLoader discovery: REST up in seconds instead of a full class scan (plugins list their
        // classes in META-INF/services).
        p.put("plugin.discovery", "service_load");
        // A killed worker's tasks go to the next worker at once, not after the 5 minute default delay.
        p.put("scheduled.rebalance.max.delay.ms", "0");
        p.put("session.timeout.ms", "6000");
        p.put("heartbeat.interval.ms", "2000");
        p.put("task.shutdown.graceful.timeout.ms", "10000");
        Path props = work.resolve(name + ".properties");
        try (OutputStream out = Files.newOutputStream(props)) {
            p.store(out, "sandpiper e2e worker");
        }
        Path log4j = work.resolve("worker-log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "status = error",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1} - %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                // the worker's own lifecycle lines help when a test fails
                "logger.worker.name = org.apache.kafka.connect.runtime",
                "logger.worker.level = info",
                ""), StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        cmd.add("-cp");
        cmd.add(workerClassPath());
        cmd.add("org.apache.kafka.connect.cli.ConnectDistributed");
        cmd.add(props.toString());
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ConnectWorker w = new ConnectWorker(process, log, port);
        // Should the test JVM itself be killed, the worker must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "e2e-kill-" + name));
        try {
            E2e.await("Connect worker " + name + " REST on port " + port, Duration.ofSeconds(120), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("worker " + name + " exited: " + w.logTail(80));
                }
                return w.get("/").statusCode() == 200;
            }, () -> w.logTail(60));
        } catch (Throwable t) {
            w.kill();
            throw t;
        }
        return w;
    }

    /** Test class path minus plugins: Kafka's jars and their dependencies only. */
    static String workerClassPath() {
        Path moduleTarget = E2e.MODULE_DIR.resolve("target");
        return E2e.testClassPath().stream()
                .filter(p -> !p.startsWith(moduleTarget))
                .filter(p -> !(p.startsWith(E2e.REPO_DIR) && p.toString().contains(File.separator + "target")))
                .filter(p -> {
                    String s = p.toString().replace('\\', '/');
                    return !(s.contains("/dev/sandpiper/") || s.contains("/io/debezium/")
                            || s.contains("/org/postgresql/")
                            || s.contains("/io/zonky/") || s.contains("/org/junit/") || s.contains("/net/jqwik/")
                            || s.contains("/org/opentest4j/") || s.contains("/surefire"));
                })
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, Object body) {
        try {
            String json = body == null ? "" : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + restPort + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    /** Creates a connector; fails with the worker's answer if it is refused. */
    void createConnector(String name, Map<String, String> config) {
        HttpResponse<String> r = post("/connectors", Map.of("name", name, "config", config));
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /connectors -> " + r.statusCode() + ": " + r.body());
        }
    }

    /** "RUNNING", "FAILED", …, or "" when the worker has no status for task 0 yet. */
    String taskState(String connector) {
        HttpResponse<String> r = get("/connectors/" + connector + "/status");
        if (r.statusCode() != 200) {
            return "";
        }
        JsonNode tasks = json(r).path("tasks");
        for (JsonNode t : tasks) {
            if (t.path("id").asInt(-1) == 0 && t.path("worker_id").asText().endsWith(":" + restPort)) {
                return t.path("state").asText("");
            }
        }
        return "";
    }

    String status(String connector) {
        return get("/connectors/" + connector + "/status").body();
    }

    /** Waits until task 0 of {@code connector} runs on this worker; fails at once if it FAILED. */
    void awaitTaskRunning(String connector, Duration timeout) {
        E2e.await("task 0 of " + connector + " RUNNING on port " + restPort, timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("worker exited: " + logTail(80));
            }
            String state = taskState(connector);
            if (state.equals("FAILED")) {
                throw new AssertionError("task FAILED: " + status(connector) + "\n" + logTail(80));
            }
            return state.equals("RUNNING");
        }, () -> status(connector) + "\n" + logTail(60));
    }

    /** The last {@code lines} lines of the worker's log. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- " + log.getFileName() + " (last " + lines + " lines) ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** kill -9: no graceful shutdown, no final offset commit. */
    void kill() {
        process.destroyForcibly();
        waitGone();
    }

    private void waitGone() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("[e2e] worker did not exit within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Graceful stop (SIGTERM, the worker's shutdown hook), then kill -9 if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
