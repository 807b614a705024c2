package org.apache.kafka.common.utils;

/**
 * Test-only bridge, never packaged: Debezium 3.6.1 (built on Kafka 4.3.0) calls
 * {@code org.apache.kafka.common.utils.Sanitizer}, which kafka-clients 4.4.0 moved to
 * {@code org.apache.kafka.common.utils.internals.Sanitizer}. The embedded engine runs in the test JVM
 * on this module's Kafka 4.4.0 jars, so without this class it fails at task start with
 * {@code NoClassDefFoundError} (io.debezium.metrics.Metrics, io.debezium.pipeline.JmxUtils). It is the
 * only class Debezium's jars miss on 4.4.0 (checked with jdeps). A Connect worker needs no such thing:
 * the connector's plugin folder carries its own kafka-clients 4.3.0.
 */
public final class Sanitizer {
    private Sanitizer() {}

    public static String sanitize(String name) {
        return org.apache.kafka.common.utils.internals.Sanitizer.sanitize(name);
    }

    public static String desanitize(String name) {
        return org.apache.kafka.common.utils.internals.Sanitizer.desanitize(name);
    }

    public static String jmxSanitize(String name) {
        return org.apache.kafka.common.utils.internals.Sanitizer.jmxSanitize(name);
    }
}
