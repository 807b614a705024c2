package dev.sandpiper.abi;

import java.util.Arrays;

/**
 * The object keys on {@link RowReader}'s value stack, and the duplicate check of one finished object's keys. The
 * check allocates nothing: small objects compare their keys pairwise, wider ones go through an open-addressing
 * table of stack positions that is reused and cleared after each check.
 */
final class KeyStack {
    /** The keys by stack position; array slots hold null. */
    String[] names;
    private int[] table = new int[64];

    KeyStack(int capacity) {
        names = new String[capacity];
    }

    void grow(int capacity) {
        names = Arrays.copyOf(names, capacity);
    }

    /** The first key of {@code names[from, to)} that occurs twice, or null. */
    String findDuplicate(int from, int to) {
        int n = to - from;
        if (n <= JsonObject.LINEAR_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                if (JsonObject.containsKey(names, from, i, names[i])) {
                    return names[i];
                }
            }
            return null;
        }
        int capacity = Integer.highestOneBit(n) << 2; // load factor at most 1/2
        if (table.length < capacity) {
            table = new int[capacity];
        }
        int mask = capacity - 1;
        String duplicate = null;
        for (int i = from; i < to && duplicate == null; i++) {
            String key = names[i];
            int h = key.hashCode();
            int slot = (h ^ (h >>> 16)) & mask;
            while (table[slot] != 0) {
                if (names[table[slot] - 1].equals(key)) {
                    duplicate = key;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
        Arrays.fill(table, 0, capacity, 0);
        return duplicate;
    }
}
