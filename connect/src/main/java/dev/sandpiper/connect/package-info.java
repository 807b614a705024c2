/**
 * Kafka Connect and Debezium integration: rustcdc WebAssembly guests ({@code shared/abi/contract.md}) as a single
 * message transform ({@link dev.sandpiper.connect.WasmTransform}) and a predicate
 * ({@link dev.sandpiper.connect.WasmPredicate}).
 *
 * <p>Both are configured by {@link dev.sandpiper.connect.WasmPluginConfig} and run their guest through a
 * {@link dev.sandpiper.connect.Guest} (the loaded module and a pool of its instances, one pool per plugin instance).
 * Records become Events and back in {@code dev.sandpiper.connect.convert}; counters and their publication (Kafka
 * plugin metrics or JMX) are in {@code dev.sandpiper.connect.metrics}. A failed record follows
 * {@link dev.sandpiper.connect.OnError}: a {@link dev.sandpiper.connect.GuestFailureException} for Connect's error
 * handling, or a counted drop. {@link dev.sandpiper.connect.GuestLogBridge} sends guest log lines to SLF4J.
 */
package dev.sandpiper.connect;
