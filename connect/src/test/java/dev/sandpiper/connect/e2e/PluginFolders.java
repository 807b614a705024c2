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
 * The two Connect plugins of the worker test: Sandpiper's and Debezium's Postgres connector (its official
 * tarball, unpacked by the build into target/e2e-plugins).
 *
 * <p>Sandpiper's plugin is the folder the build lays out in {@code package}. Under failsafe (the build's
 * {@code integration-test} phase) the system property {@value #PLUGIN_DIR_PROPERTY} names it, and it must be
 * there: a missing or stale folder fails the test instead of being replaced by another. Run without that
 * property (an IDE, {@code mvn test -Dtest=...}), the test uses the build's folder when it is up to date
 * and otherwise assembles one from the test class path.
 */
final class PluginFolders {
    private PluginFolders() {}

    /** Where the module's build lays out the Sandpiper plugin. */
    static final Path PACKAGED_ROOT = E2e.MODULE_DIR.resolve("target/plugin");

    /**
     * System property naming the packaged plugin folder the test must use (failsafe sets it to
     * target/plugin/sandpiper-connect, which {@code package} has just built).
     */
    static final String PLUGIN_DIR_PROPERTY = "sandpiper.e2e.pluginDir";

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

    /**
     * A {@code plugin.path} entry holding Sandpiper's plugin folder: with {@value #PLUGIN_DIR_PROPERTY} set, the
     * parent of the folder it names (that very folder, as a user installs it); otherwise the build's folder when
     * up to date, else one assembled under {@code scratch}.
     */
    static Path sandpiperPluginPath(Path scratch) {
        String required = System.getProperty(PLUGIN_DIR_PROPERTY, "").trim();
        if (!required.isEmpty()) {
            return requiredPluginPath(Path.of(required).toAbsolutePath().normalize(), scratch);
        }
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

    /**
     * The packaged plugin folder {@code dir}, checked: it exists, holds the sandpiper-connect jar (no older than
     * target/classes) and the sandpiper-abi jar, and none of Kafka's. Returns its parent when that holds nothing
     * else (so plugin.path names exactly what the build made), else a copy's parent under {@code scratch}.
     */
    private static Path requiredPluginPath(Path dir, Path scratch) {
        String how = " (" + PLUGIN_DIR_PROPERTY + "; `mvn -pl connect -am package` lays the folder out, and"
                + " failsafe runs this test after package)";
        if (!Files.isDirectory(dir)) {
            fail("the packaged Sandpiper plugin folder " + dir + " does not exist" + how);
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<String> jar = names.stream()
                .filter(n -> n.startsWith("sandpiper-connect") && n.endsWith(".jar")).findFirst();
        if (jar.isEmpty()) {
            fail("the packaged Sandpiper plugin folder " + dir + " holds no sandpiper-connect jar: " + names + how);
        }
        if (names.stream().noneMatch(n -> n.startsWith("sandpiper-abi") && n.endsWith(".jar"))) {
            fail("the packaged Sandpiper plugin folder " + dir + " holds no sandpiper-abi jar: " + names + how);
        }
        try {
            FileTime jarTime = Files.getLastModifiedTime(dir.resolve(jar.get()));
            FileTime newestClass = newest(E2e.MODULE_DIR.resolve("target/classes"));
            if (newestClass != null && jarTime.compareTo(newestClass) < 0) {
                fail("the packaged Sandpiper plugin " + dir.resolve(jar.get()) + " is older than target/classes:"
                        + " it would test old code" + how);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkNoKafkaJars(dir);
        Path parent = dir.getParent();
        List<Path> siblings;
        try (Stream<Path> s = Files.list(parent)) {
            siblings = s.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[e2e] Sandpiper plugin: the packaged folder " + dir + " (" + names.size() + " files)");
        if (siblings.isEmpty()) {
            return parent;
        }
        // plugin.path would also pick up whatever lies beside it: install a copy of the folder alone.
        copyFlat(dir, scratch.resolve(dir.getFileName()));
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
     * only if that jar is at least as new as every compiled class (a test run without packaging, e.g.
     * from an IDE, would otherwise test a folder left by an earlier build, with old code).
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
