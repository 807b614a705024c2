package dev.sandpiper.abi;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable JSON object as found in a row image: keys in their JSON order, values already frozen JSON values
 * (see {@link JsonValues}). Only this package creates instances, so an instance is known to be deeply immutable and
 * is never copied again (an {@link Event} built from parsed rows, or from another event's rows, shares them).
 *
 * <p>Keys and values sit in two parallel arrays. Lookups scan the keys while there are at most
 * {@link #LINEAR_LIMIT}; wider objects use a key-to-position index, either handed over by the parser (which needs
 * it anyway to detect duplicate keys) or built on the first lookup. Equality and hash code follow the {@link Map}
 * contract (key order does not matter); {@link JsonValues#sameJson} is the order-sensitive comparison.
 */
final class JsonObject extends AbstractMap<String, Object> {
    /** Up to this many keys, lookups and duplicate checks scan the key array. */
    static final int LINEAR_LIMIT = 8;

    static final JsonObject EMPTY = new JsonObject(new String[0], new Object[0], null);

    private final String[] keys;
    private final Object[] values;
    /** Lazily built for wide objects; racy but safe: {@link Index} publishes its map through a final field. */
    private Index index;
    private EntrySet entrySet;

    /**
     * Takes ownership of the arrays (same length, no duplicate keys, frozen values).
     *
     * @param index null, or the position of every key (built while checking for duplicates)
     */
    JsonObject(String[] keys, Object[] values, HashMap<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.index = index == null ? null : new Index(index);
    }

    /** Whether {@code keys[from, to)} contains {@code key}. */
    static boolean containsKey(String[] keys, int from, int to, String key) {
        for (int i = from; i < to; i++) {
            if (keys[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A key-to-position index of {@code keys[from, to)} (positions relative to {@code from}). */
    static HashMap<String, Integer> index(String[] keys, int from, int to) {
        HashMap<String, Integer> index = new HashMap<>(Math.max(16, (to - from) * 4));
        for (int i = from; i < to; i++) {
            index.put(keys[i], i - from);
        }
        return index;
    }

    String key(int i) {
        return keys[i];
    }

    Object value(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = position(key);
        return i < 0 ? null : values[i];
    }

    private int position(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        if (keys.length <= LINEAR_LIMIT) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        Index idx = index;
        if (idx == null) {
            idx = new Index(index(keys, 0, keys.length));
            index = idx;
        }
        Integer i = idx.positions.get(key);
        return i == null ? -1 : i;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        EntrySet set = entrySet;
        if (set == null) {
            set = new EntrySet();
            entrySet = set;
        }
        return set;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < keys.length; i++) {
            h += keys[i].hashCode() ^ Objects.hashCode(values[i]);
        }
        return h;
    }

    private static final class Index {
        final HashMap<String, Integer> positions;

        Index(HashMap<String, Integer> positions) {
            this.positions = positions;
        }
    }

    private final class EntrySet extends AbstractSet<Entry<String, Object>> {
        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                public Entry<String, Object> next() {
                    if (next >= keys.length) {
                        throw new NoSuchElementException();
                    }
                    int i = next++;
                    return new SimpleImmutableEntry<>(keys[i], values[i]);
                }
            };
        }
    }
}
