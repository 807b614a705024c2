package dev.sandpiper.decoder.model;

/**
 * A table type: element reference type and size limits, and for a table the module defines with
 * the 3.0 form {@code 0x40 0x00 tabletype expr}, the expression that initialises every element
 * ({@code init}; null when elements start null, and always null in an import).
 *
 * <p>Spec: 2.0, Structure > Types > Table Types, {@code syntax/types.html#table-types}; 3.0, Binary
 * Format > Modules > Table Section, {@code binary/modules.html#table-section}.
 */
public record TableType(ValType elementType, Limits limits, ConstExpr init) implements ImportDesc {
    /** A table type whose elements start null. */
    public TableType(ValType elementType, Limits limits) {
        this(elementType, limits, null);
    }

    @Override
    public ExternKind kind() {
        return ExternKind.TABLE;
    }
}
