package dev.sandpiper.connect.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Shared helpers of the end-to-end tests: paths, ports, polling waits, temp folders, quiet logs. */
final class E2e {
    private E2e() {}

    /** The connect module's folder (failsafe and surefire run tests there and also set {@code basedir}). */
    static final Path MODULE_DIR =
            Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();

    /** The repository root (parent of the connect module). */
    static final Path REPO_DIR = MODULE_DIR.getParent();

    /** Class name of Sandpiper's transform, as the tests configure it (a string, so the tests compile alone). */
    static final String WASM_TRANSFORM = "dev.sandpiper.connect.WasmTransform";

    /** What mask-pii writes in place of a masked string. */
    static final String REDACTED = "***REDACTED***";

    /** mask-pii's config for the {@code users} table of the tests. */
    static final String MASK_CONFIG = "{\"fields_to_mask\":[\"email\",\"phone\",\"ssn\"]}";

    /**
     * With {@code -Dsandpiper.e2e.kafkaSmts=true} the tests run their pipelines with Kafka's and
     * Debezium's own SMTs (ExtractNewRecordState + MaskField$Value) instead of Sandpiper's: that proves
     * the harness alone, e.g. while WasmTransform does not exist yet. Wasm-specific checks are skipped.
     */
    static final boolean KAFKA_SMTS = Boolean.getBoolean("sandpiper.e2e.kafkaSmts");

    /** A committed example guest: {@code examples/transforms/NAME/NAME.wasm}. */
    static Path guest(String name) {
        Path p = REPO_DIR.resolve("examples/transforms").resolve(name).resolve(name + ".wasm");
        if (!Files.isRegularFile(p)) {
            fail("guest module not found: " + p);
        }
        return p;
    }

    /** A free TCP port on 127.0.0.1 (closed again before it is returned). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code timeout} with {@code what}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    /** As {@link #await(String, Duration, BooleanSupplier)}; {@code detail} is appended to the failure. */
    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what, e);
                }
            }
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what + detailOf(detail));
            }
            sleep(100);
        }
    }

    private static String detailOf(Supplier<String> detail) {
        String d = detail.get();
        return d == null || d.isEmpty() ? "" : "\n" + d;
    }

    /** Waits (bounded) for a helper thread to end; {@code null} is fine. */
    static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A fresh folder under {@code target/e2e-tmp} (so a killed run leaves litter only under target). */
    static Path tempDir(String prefix) {
        try {
            Path root = MODULE_DIR.resolve("target/e2e-tmp");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder tree; missing is fine; errors are reported, not thrown (teardown must go on). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[e2e] could not delete " + dir + ": " + e);
        }
    }

    /** Kafka's, Debezium's and the embedded PostgreSQL's logs in this JVM at WARN (noisy INFO otherwise). */
    static void quietLogs() {
        Configurator.setRootLevel(Level.WARN);
        // Expected, harmless warnings of a one-node test cluster and of deliberately killed workers.
        Configurator.setLevel("org.apache.kafka.clients.NetworkClient", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.clients.admin.internals", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.clients.consumer.internals", Level.ERROR);
        Configurator.setLevel("kafka.server", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.server", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.raft", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.metadata", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.controller", Level.ERROR);
        Configurator.setLevel("io.zonky", Level.ERROR);
        Configurator.setLevel("org.apache.kafka.storage", Level.ERROR);
        Configurator.setLevel("kafka.log", Level.ERROR);
        Configurator.setLevel("io.debezium.embedded", Level.WARN);
        Configurator.setLevel("io.debezium.connector.common.BaseSourceTask", Level.WARN);
    }

    /** Turns loggers off for a failure the test provokes on purpose (restored by the next {@link #quietLogs()}). */
    static void silence(String... loggers) {
        for (String l : loggers) {
            Configurator.setLevel(l, Level.OFF);
        }
    }

    /** The test JVM's real class path (failsafe and surefire hide it behind a manifest-only jar). */
    static List<Path> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<Path> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                out.add(Path.of(e).toAbsolutePath().normalize());
            }
        }
        return out;
    }

    /** Prints one test's elapsed time (the brief asks every run to show it). */
    static void printElapsed(String test, long startNanos) {
        System.out.printf("[e2e] %s took %.1f s%n", test, (System.nanoTime() - startNanos) / 1e9);
    }
}
