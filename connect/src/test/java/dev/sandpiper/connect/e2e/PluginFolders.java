package dev.sandpiper.connect.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two Connect plugins of the worker test: Sandpiper's (as the connect module's build lays it out,
 * or assembled here from the test class path when that folder is missing or older than the compiled
 * classes) and Debezium's Postgres connector (its official tarball, unpacked by the build into
 * target/e2e-plugins).
 */
final class PluginFolders {
    private PluginFolders() {}

    /** Where the module's build lays out the Sandpiper plugin. */
    static final Path PACKAGED_ROOT = E2e.MODULE_DIR.resolve("target/plugin");

    /** Where the build unpacks io.debezium:debezium-connector-postgres:…:tar.gz:plugin. */
    static final Path DEBEZIUM_ROOT = E2e.MODULE_DIR.resolve("target/e2e-plugins");

    /** Jar names that belong to the worker and must never be inside a plugin folder of ours. */
    private static final List<String> KAFKA_JARS =
            List.of("kafka-clients", "connect-api", "connect-runtime", "connect-json", "connect-transforms", "kafka_");

    /** The Debezium plugin folder's parent (a {@code plugin.path} entry). */
    static Path debeziumPluginPath() {
        Path dir = DEBEZIUM_ROOT.resolve("debezium-connector-postgres");
        if (!Files.isDirectory(dir)) {
            fail("Debezium connector plugin not unpacked at " + dir + " (the build's maven-dependency-plugin"
                    + " unpack of debezium-connector-postgres:tar.gz:plugin runs in process-test-resources)");
        }
        return DEBEZIUM_ROOT;
    }

    /** A {@code plugin.path} entry holding Sandpiper's plugin folder; {@code scratch} is for assembling one. */
    static Path sandpiperPluginPath(Path scratch) {
        Optional<Path> packaged = packagedPluginDir();
        Path dir = scratch.resolve("sandpiper-connect");
        if (packaged.isPresent()) {
            // Copied, so that plugin.path names a folder whose only child is this plugin whatever the layout.
            copyFlat(packaged.get(), dir);
            System.out.println("[e2e] Sandpiper plugin: the build's folder "
                    + E2e.MODULE_DIR.relativize(packaged.get()));
        } else {
            assemble(dir);
            System.out.println("[e2e] Sandpiper plugin: assembled from the test class path (no up-to-date "
                    + E2e.MODULE_DIR.relativize(PACKAGED_ROOT) + ")");
        }
        checkNoKafkaJars(dir);
        return scratch;
    }

    private static void copyFlat(Path from, Path to) {
        try (Stream<Path> s = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The build's plugin folder: the folder under target/plugin holding a sandpiper-connect jar, used
     * only if that jar is at least as new as every compiled class (surefire runs before packaging, so
     * a folder left by an earlier build would test old code).
     */
    static Optional<Path> packagedPluginDir() {
        if (!Files.isDirectory(PACKAGED_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(PACKAGED_ROOT, 4)) {
            Optional<Path> jar = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("sandpiper-connect") && n.endsWith(".jar") && Files.isRegularFile(p);
            }).findFirst();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            FileTime jarTime = Files.getLastModifiedTime(jar.get());
            FileTime newestClass = newest(E2e.MODULE_DIR.resolve("target/classes"));
            if (newestClass != null && jarTime.compareTo(newestClass) < 0) {
                System.out.println("[e2e] ignoring " + jar.get() + ": older than target/classes");
                return Optional.empty();
            }
            return Optional.of(jar.get().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /**
     * Lays out a plugin folder the way a user installs one: a jar of the connect module's classes (and
     * resources, META-INF/services included), the other Sandpiper modules' jars, and Jackson. None of
     * Kafka's jars: the worker provides those.
     */
    static Path assemble(Path dir) {
        try {
            Files.createDirectories(dir);
            Path classes = E2e.MODULE_DIR.resolve("target/classes");
            jarUp(classes, dir.resolve("sandpiper-connect.jar"));
            List<Path> copied = new ArrayList<>();
            for (Path entry : E2e.testClassPath()) {
                String s = entry.toString().replace('\\', '/');
                boolean sandpiper = s.contains("/dev/sandpiper/") || isSiblingModuleClasses(entry);
                boolean jackson = s.contains("/com/fasterxml/jackson/core/");
                if (entry.equals(classes) || !(sandpiper || jackson)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    // A reactor build hands sibling modules over as target/classes folders.
                    Path module = entry.getParent().getParent().getFileName();
                    Path target = dir.resolve("sandpiper-" + module + ".jar");
                    jarUp(entry, target);
                    copied.add(target);
                } else if (entry.toString().endsWith(".jar")) {
                    Path target = dir.resolve(entry.getFileName());
                    Files.copy(entry, target);
                    copied.add(target);
                }
            }
            if (copied.stream().noneMatch(p -> p.getFileName().toString().startsWith("sandpiper-abi"))) {
                fail("sandpiper-abi not found on the test class path; copied " + copied);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSiblingModuleClasses(Path entry) {
        Path p = entry.normalize();
        return p.getFileName() != null && p.getFileName().toString().equals("classes")
                && p.getParent() != null && p.getParent().getFileName().toString().equals("target")
                && p.getParent().getParent() != null
                && E2e.REPO_DIR.equals(p.getParent().getParent().getParent());
    }

    private static void jarUp(Path classesDir, Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream fo = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(fo, mf);
                Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                String name = classesDir.relativize(f).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void checkNoKafkaJars(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> kafka = s.map(p -> p.getFileName().toString())
                    .filter(n -> KAFKA_JARS.stream().anyMatch(n::startsWith)).collect(Collectors.toList());
            if (!kafka.isEmpty()) {
                fail("the Sandpiper plugin folder " + dir + " must not hold Kafka's jars: " + kafka);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
