package dev.sandpiper.abi;

/**
 * The snapshot (initial load) an {@link Event} belongs to: the {@code snapshot} object of the canonical JSON,
 * {@code {"snapshot_id": string, "chunk_index": u32, "is_last_chunk": bool}}.
 *
 * @param snapshotId  identifies the snapshot (wire {@code snapshot_id})
 * @param chunkIndex  the chunk within the snapshot, an unsigned 32-bit value, 0..4294967295 (wire {@code chunk_index})
 * @param isLastChunk whether this is the snapshot's last chunk (wire {@code is_last_chunk})
 */
public record Snapshot(String snapshotId, long chunkIndex, boolean isLastChunk) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the field if {@code snapshotId} is null or holds an unpaired surrogate,
     *                                  or {@code chunkIndex} is outside 0..2^32-1
     */
    public Snapshot {
        Checks.text(snapshotId, "snapshot.snapshot_id");
        Checks.u32(chunkIndex, "snapshot.chunk_index");
    }
}
