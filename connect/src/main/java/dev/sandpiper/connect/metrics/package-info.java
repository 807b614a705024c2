/**
 * Per-plugin counters and latencies ({@link dev.sandpiper.connect.metrics.PluginStats}) and the two ways they are
 * published: Kafka's plugin metrics when the worker hands the plugin a
 * {@link org.apache.kafka.common.metrics.PluginMetrics} (Kafka 4.1+, KIP-877:
 * {@link dev.sandpiper.connect.metrics.KafkaMetricsBinding}), else a JMX MBean
 * ({@link dev.sandpiper.connect.metrics.JmxBinding}, e.g. under Debezium's embedded engine).
 */
package dev.sandpiper.connect.metrics;
