/**
 * The byte level of the binary format and one reader per section. Reading follows the spec's
 * reference interpreter: reads are bounded by the end of the input, every declared length or count
 * is checked against the bytes that remain ("length out of bounds") before anything is allocated,
 * and each section's declared size is checked once its content has been read ("section size
 * mismatch").
 *
 * <p>Spec: 2.0, Binary Format > Values, {@code binary/values.html}; Modules, {@code binary/modules.html}.
 */
package dev.sandpiper.decoder.binary;
