package dev.sandpiper.decoder.model;

/**
 * An array type: elements of one field type.
 *
 * <p>Spec: 3.0, Structure > Types > Aggregate Types, {@code syntax/types.html#aggregate-types}.
 */
public record ArrayType(FieldType element) implements CompositeType {
}
