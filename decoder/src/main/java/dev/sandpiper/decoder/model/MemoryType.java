package dev.sandpiper.decoder.model;

/**
 * A memory type: size limits in 64 KiB pages.
 *
 * <p>Spec: 2.0, Structure > Types > Memory Types, {@code syntax/types.html#memory-types}.
 */
public record MemoryType(Limits limits) implements ImportDesc {
    @Override
    public ExternKind kind() {
        return ExternKind.MEMORY;
    }
}
