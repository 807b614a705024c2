package dev.sandpiper.decoder.model;

import java.util.List;

/**
 * A structure type: a sequence of fields.
 *
 * <p>Spec: 3.0, Structure > Types > Aggregate Types, {@code syntax/types.html#aggregate-types}.
 */
public record StructType(List<FieldType> fields) implements CompositeType {
    public StructType {
        fields = List.copyOf(fields);
    }
}
