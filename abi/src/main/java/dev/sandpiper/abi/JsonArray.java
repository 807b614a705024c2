package dev.sandpiper.abi;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable JSON array as found in a row image, elements already frozen JSON values (see {@link JsonValues}).
 * Only this package creates instances, so an instance is known to be deeply immutable and is never copied again.
 */
final class JsonArray extends AbstractList<Object> implements RandomAccess {
    static final JsonArray EMPTY = new JsonArray(new Object[0]);

    private final Object[] values;

    /** Takes ownership of the array (frozen values). */
    JsonArray(Object[] values) {
        this.values = values;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, values.length);
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
