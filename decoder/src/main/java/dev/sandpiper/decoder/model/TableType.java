package dev.sandpiper.decoder.model;

/**
 * A table type: element reference type and size limits.
 *
 * <p>Spec: 2.0, Structure > Types > Table Types, {@code syntax/types.html#table-types}.
 */
public record TableType(ValType elementType, Limits limits) implements ImportDesc {
    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
