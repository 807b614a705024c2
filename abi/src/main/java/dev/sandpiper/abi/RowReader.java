package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Reads arbitrary JSON values (row images, and ignored unknown fields) for {@link EventReader}. One instance per
 * document; not thread-safe.
 *
 * <p>In <em>build</em> mode values become frozen values ({@link JsonObject}, {@link JsonArray}, see
 * {@link JsonValues}). In <em>validate</em> mode they are checked exactly as strictly (syntax, duplicate keys,
 * well-formed strings, numbers the model can hold) but nothing is materialised: no strings, numbers or containers
 * are allocated.
 *
 * <p>Containers are built on one value stack: a container reserves a slot per element above its parent's slots,
 * fills it, then copies its own range out and pops it. Keys sit on a parallel {@link KeyStack}, which checks a
 * finished object's keys for duplicates without allocating. (Jackson's own duplicate detection stays off: it
 * allocates a set per object and cannot name the path.)
 */
final class RowReader {
    /** What a container reads as in validate mode: not null, so a checked row still counts as present. */
    static final Object CHECKED = new Object();
    static final String DUPLICATE = "duplicate key";

    private final JsonParser p;
    private boolean build;
    private final KeyStack keys = new KeyStack(32);
    private Object[] values = new Object[32];
    private int top;

    RowReader(JsonParser parser, boolean build) {
        this.p = parser;
        this.build = build;
    }

    /** Reads the object that starts at the current token: a {@link JsonObject}, or {@link #CHECKED}. */
    Object object() throws IOException, EventFormatException {
        int start = top;
        String key;
        while ((key = p.nextFieldName()) != null) {
            int bad = JsonValues.unpairedSurrogate(key);
            if (bad >= 0) {
                throw here(p, "key " + JsonValues.surrogateProblem(key.charAt(bad)));
            }
            int slot = push(key);
            Object v = value(p.nextToken());
            values[slot] = v;
        }
        // The object is complete and the parser is back in the parent's context, which names this object.
        String duplicate = keys.findDuplicate(start, top);
        if (duplicate != null) {
            throw new EventFormatException(Describe.path(p, duplicate), DUPLICATE);
        }
        int n = top - start;
        top = start;
        if (!build) {
            return CHECKED;
        }
        if (n == 0) {
            return JsonObject.EMPTY;
        }
        String[] k = new String[n];
        Object[] v = new Object[n];
        System.arraycopy(keys.names, start, k, 0, n);
        System.arraycopy(values, start, v, 0, n);
        return new JsonObject(k, v, null);
    }

    /** Checks the value at the current token as strictly as a row value, without building it. */
    void skip() throws IOException, EventFormatException {
        boolean saved = build;
        build = false;
        try {
            value(p.currentToken());
        } finally {
            build = saved;
        }
    }

    private Object value(JsonToken t) throws IOException, EventFormatException {
        switch (t) {
            case VALUE_STRING: return string();
            case VALUE_NUMBER_INT: return build ? integer() : null;
            case VALUE_NUMBER_FLOAT: return decimal();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            case START_OBJECT: return object();
            case START_ARRAY: return array();
            default: throw new IllegalStateException("unexpected token " + t);
        }
    }

    private Object string() throws IOException, EventFormatException {
        if (build) {
            String s = p.getText();
            int bad = JsonValues.unpairedSurrogate(s);
            if (bad >= 0) {
                throw here(p, JsonValues.surrogateProblem(s.charAt(bad)));
            }
            return s;
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int bad = JsonValues.unpairedSurrogate(chars, off, p.getTextLength());
        if (bad >= 0) {
            throw here(p, JsonValues.surrogateProblem(chars[off + bad]));
        }
        return null;
    }

    private Object integer() throws IOException {
        switch (p.getNumberType()) {
            case INT: return (long) p.getIntValue();
            case LONG: return p.getLongValue();
            default: return JsonValues.integer(p.getBigIntegerValue());
        }
    }

    /**
     * A decimal (normalised: {@code 1.5e1} has scale 0 and becomes the integer 15). Validate mode parses only
     * numbers with an exponent, the only ones a BigDecimal may fail to hold (a scale beyond the int range).
     */
    private Object decimal() throws IOException, EventFormatException {
        if (build) {
            return JsonValues.decimal(parseDecimal());
        }
        char[] chars = p.getTextCharacters();
        for (int i = p.getTextOffset(), end = i + p.getTextLength(); i < end; i++) {
            if (chars[i] == 'e' || chars[i] == 'E') {
                parseDecimal();
                break;
            }
        }
        return null;
    }

    private BigDecimal parseDecimal() throws IOException, EventFormatException {
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException e) { // Jackson 2.18 lets this one through unwrapped
            throw here(p, "number " + Describe.token(p) + " is out of range (its exponent does not fit 32 bits)");
        }
    }

    private Object array() throws IOException, EventFormatException {
        int start = top;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int slot = push(null);
            Object v = value(t);
            values[slot] = v;
        }
        int n = top - start;
        top = start;
        if (!build) {
            return CHECKED;
        }
        if (n == 0) {
            return JsonArray.EMPTY;
        }
        Object[] v = new Object[n];
        System.arraycopy(values, start, v, 0, n);
        return new JsonArray(v);
    }

    private int push(String key) {
        if (top == values.length) {
            keys.grow(top * 2);
            values = Arrays.copyOf(values, top * 2);
        }
        keys.names[top] = key;
        return top++;
    }

    /** A problem at the parser's current position, named by its path. */
    static EventFormatException here(JsonParser p, String problem) {
        return new EventFormatException(Describe.path(p), problem);
    }
}
