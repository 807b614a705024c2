package dev.sandpiper.abi;

/**
 * Where an {@link Event} came from: the {@code source} object of the canonical JSON,
 * {@code {"source_name": string, "offset": string, "timestamp": u64}}.
 *
 * @param sourceName the capturing source, e.g. {@code "postgres"} (wire {@code source_name})
 * @param offset     the source's position of this change, opaque text, e.g. a PostgreSQL LSN {@code "0/16B6A70"}
 * @param timestamp  when the source saw the change, epoch milliseconds, an unsigned 64-bit value held in a
 *                   {@code long} (values above {@link Long#MAX_VALUE} are negative in Java: read them with
 *                   {@link Long#toUnsignedString(long)} and {@link Long#compareUnsigned(long, long)})
 */
public record Source(String sourceName, String offset, long timestamp) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the field if a string is null or holds an unpaired surrogate
     */
    public Source {
        Checks.text(sourceName, "source.source_name");
        Checks.text(offset, "source.offset");
    }
}
