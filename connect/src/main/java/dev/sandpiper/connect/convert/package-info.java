/**
 * Kafka Connect records ↔ canonical {@link dev.sandpiper.abi.Event}s, as {@code shared/abi/contract.md} section
 * "Kafka Connect and Debezium records ↔ Event" binds them.
 *
 * <p>{@link dev.sandpiper.connect.convert.RecordMapper} is the entry point: it recognises a Debezium change event
 * ({@link dev.sandpiper.connect.convert.Envelope}, {@link dev.sandpiper.connect.convert.ChangeOp}), builds the Event
 * a guest sees ({@link dev.sandpiper.connect.convert.EventFields} for the envelope fields,
 * {@link dev.sandpiper.connect.convert.ToJson} for the rows) and turns the guest's Event back into a record
 * ({@link dev.sandpiper.connect.convert.FromJson} for values that still fit the input's schema,
 * {@link dev.sandpiper.connect.convert.SchemaDeriver} for rows whose shape the guest changed,
 * {@link dev.sandpiper.connect.convert.SchemaInference} for the types of new values,
 * {@link dev.sandpiper.connect.convert.Schemas} for schema copies). Nothing here runs WebAssembly.
 */
package dev.sandpiper.connect.convert;
