/**
 * The Kafka Connect SMT ({@code dev.sandpiper.connect.WasmTransform}) over Debezium change records, against Kafka's
 * own {@code MaskField} and against the same guest on Chicory's compiler behind the same SMT interface, in one
 * benchmark class so all are measured in the same run.
 *
 * <ul>
 *   <li>{@link dev.sandpiper.jmh.connect.MaskPiiBenchmark}: one {@code apply(SourceRecord)} per operation, masking
 *       {@code email}, {@code phone}, {@code ssn}: {@code sandpiper} (WasmTransform, mask-pii, engine compiler),
 *       {@code sandpiperInterpreter} (engine interpreter), {@code chicory}
 *       ({@link dev.sandpiper.jmh.connect.ChicoryWasmTransform}), {@code maskField}
 *       ({@link dev.sandpiper.jmh.connect.NestedMaskField} over {@code MaskField$Value}).
 *   <li>{@link dev.sandpiper.jmh.connect.DebeziumRecords}: the 40 records (PostgreSQL connector, {@code public.users},
 *       full envelope schema, r/c/u/d).
 *   <li>{@link dev.sandpiper.jmh.connect.ReferenceOutputs}: what every SMT must output; each setup checks it on all
 *       40 records.
 * </ul>
 */
package dev.sandpiper.jmh.connect;
