package dev.sandpiper.abi;

/**
 * The source transaction an {@link Event} belongs to: the {@code transaction} object of the canonical JSON,
 * {@code {"tx_id": u64, "total_events": u32 or null, "event_index": u32}}.
 *
 * @param txId        the transaction id, an unsigned 64-bit value held in a {@code long} (see {@link Source} for how
 *                    to read values above {@link Long#MAX_VALUE}) (wire {@code tx_id})
 * @param totalEvents how many events the transaction has, 0..4294967295, or null when unknown (wire
 *                    {@code total_events}; absent on input means null, null is written on output)
 * @param eventIndex  this event's position in the transaction, 0..4294967295 (wire {@code event_index})
 */
public record Transaction(long txId, Long totalEvents, long eventIndex) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field if {@code totalEvents} (when not null) or {@code eventIndex}
     *                                  is outside 0..2^32-1
     */
    public Transaction {
        if (totalEvents != null) {
            Checks.u32(totalEvents, "transaction.total_events");
        }
        Checks.u32(eventIndex, "transaction.event_index");
    }
}
