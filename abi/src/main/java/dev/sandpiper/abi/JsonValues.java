package dev.sandpiper.abi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON values that row images are made of, and the rules that keep them canonical.
 *
 * <p>A frozen value is one of: {@code null}, {@link Boolean}, {@link String} (well-formed UTF-16), {@link Long},
 * {@link BigInteger} (only outside the {@code long} range), {@link BigDecimal} (only with a non-zero scale: a
 * fraction or an exponent), {@link JsonArray}, {@link JsonObject}. With that normal form two values are
 * {@link #sameJson the same} exactly when their canonical JSON text is the same.
 *
 * <p>{@link #freezeRow} turns an arbitrary user map into that form (the parser builds it directly).
 */
final class JsonValues {
    /**
     * How deep a row image may nest, the row's own object being level 1: the event object adds one level and the
     * codec accepts {@link EventJson#MAX_NESTING_DEPTH} levels in all.
     */
    static final int MAX_ROW_DEPTH = EventJson.MAX_NESTING_DEPTH - 1;

    private JsonValues() {
    }

    /**
     * The frozen form of a row image; no copy when {@code row} already is one.
     *
     * @param field the row's field name, {@code "before"} or {@code "after"}, for messages
     * @throws IllegalArgumentException naming the path of the first value that cannot be represented
     */
    static Map<String, Object> freezeRow(Map<String, ?> row, String field) {
        if (row == null || row instanceof JsonObject) {
            @SuppressWarnings("unchecked")
            Map<String, Object> same = (Map<String, Object>) row;
            return same;
        }
        try {
            return freezeObject(row, 1);
        } catch (BadValue bad) {
            Collections.reverse(bad.segments);
            throw new IllegalArgumentException(Describe.path(field, bad.segments) + ": " + bad.problem);
        }
    }

    private static Object freeze(Object value, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Long
                || value instanceof JsonObject || value instanceof JsonArray) {
            return value;
        }
        if (value instanceof String) {
            String s = (String) value;
            int bad = unpairedSurrogate(s);
            if (bad >= 0) {
                throw new BadValue(surrogateProblem(s.charAt(bad)));
            }
            return s;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return integer((BigInteger) value);
        }
        if (value instanceof BigDecimal) {
            return decimal((BigDecimal) value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new BadValue("JSON has no " + value + ", only finite numbers");
            }
            return decimal(new BigDecimal(value.toString()));
        }
        if (value instanceof Map) {
            return freezeObject((Map<?, ?>) value, depth + 1);
        }
        if (value instanceof List) {
            return freezeArray((List<?>) value, depth + 1);
        }
        throw new BadValue("unsupported value type " + value.getClass().getName()
                + " (expected null, Boolean, String, a number, List or Map)");
    }

    private static JsonObject freezeObject(Map<?, ?> map, int depth) {
        checkDepth(depth);
        int n = map.size();
        String[] keys = new String[n];
        Object[] values = new Object[n];
        // A Map has unique keys by its own equality; only an unusual one (IdentityHashMap) can repeat a String.
        HashMap<String, Integer> index = n > JsonObject.LINEAR_LIMIT ? new HashMap<>(n * 2) : null;
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (i == n) {
                throw new BadValue("map changed while being copied");
            }
            if (!(e.getKey() instanceof String)) {
                throw new BadValue("keys must be strings, got "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
            }
            String key = (String) e.getKey();
            boolean duplicate = index == null
                    ? JsonObject.containsKey(keys, 0, i, key)
                    : index.putIfAbsent(key, i) != null;
            if (duplicate) {
                throw new BadValue("duplicate key").at(key);
            }
            int bad = unpairedSurrogate(key);
            if (bad >= 0) {
                throw new BadValue("key " + surrogateProblem(key.charAt(bad))).at(key);
            }
            keys[i] = key;
            try {
                values[i] = freeze(e.getValue(), depth);
            } catch (BadValue b) {
                throw b.at(key);
            }
            i++;
        }
        if (i != n) {
            throw new BadValue("map changed while being copied");
        }
        return n == 0 ? JsonObject.EMPTY : new JsonObject(keys, values, index);
    }

    private static JsonArray freezeArray(List<?> list, int depth) {
        checkDepth(depth);
        Object[] values = list.toArray();
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = freeze(values[i], depth);
            } catch (BadValue b) {
                throw b.at(i);
            }
        }
        return values.length == 0 ? JsonArray.EMPTY : new JsonArray(values);
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_ROW_DEPTH) {
            throw new BadValue("nested more than " + MAX_ROW_DEPTH + " levels deep");
        }
    }

    /** An integer in normal form: a Long when it fits, else the BigInteger. */
    static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** A decimal in normal form: scale 0 prints as an integer, so it is one. */
    static Object decimal(BigDecimal value) {
        return value.scale() == 0 ? integer(value.unscaledValue()) : value;
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1. */
    static int unpairedSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index (relative to {@code off}) of the first unpaired surrogate in {@code chars[off, off+len)}, or -1. */
    static int unpairedSurrogate(char[] chars, int off, int len) {
        for (int i = 0, end = off + len; i < len; i++) {
            char c = chars[off + i];
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && off + i + 1 < end && Character.isLowSurrogate(chars[off + i + 1])) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    static String surrogateProblem(char c) {
        return String.format("contains an unpaired surrogate U+%04X (not valid Unicode, cannot be UTF-8)", (int) c);
    }

    /**
     * Order-sensitive deep equality of frozen values: true exactly when both print as the same canonical JSON
     * (object keys in the same order, decimals with the same scale).
     */
    static boolean sameJson(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof JsonObject) {
            if (!(b instanceof JsonObject)) {
                return false;
            }
            JsonObject x = (JsonObject) a;
            JsonObject y = (JsonObject) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.key(i).equals(y.key(i)) || !sameJson(x.value(i), y.value(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonArray) {
            if (!(b instanceof JsonArray)) {
                return false;
            }
            JsonArray x = (JsonArray) a;
            JsonArray y = (JsonArray) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameJson(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a != null && a.equals(b);
    }

    /**
     * A value that cannot be frozen, thrown from the failing leaf and given its path segments (String keys, Integer
     * indexes, innermost first) on the way out, so the happy path never builds a path. No stack trace.
     */
    private static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final List<Object> segments = new ArrayList<>();
        final String problem;

        BadValue(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        BadValue at(Object segment) {
            if (segment != null) {
                segments.add(segment);
            }
            return this;
        }
    }
}
