package dev.sandpiper.abi;

import dev.sandpiper.decoder.binary.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fast, allocation-light first look at a guest's output: {@code true} only when the bytes are certainly a
 * canonical Event that {@link EventJson#validate(byte[], int, int)}'s full reader accepts. Anything it does not
 * settle (any problem at all, and the rare legal forms it leaves alone: escapes in keys, {@code \}{@code u}
 * surrogate escapes, huge exponents, very long numbers, deep nesting, unknown fields of the envelope, a key-only {@code before}) answers {@code false}, and the full reader decides and names the
 * problem. So it never changes a result or a message, only the time taken on the common case.
 *
 * <p>It checks what the reader checks, on the bytes: strict JSON (RFC 8259 grammar, no leading zeros, no
 * control characters in strings), well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, so no
 * unpaired surrogate can appear), no duplicate key in any object (keys without escapes compare equal exactly
 * when their bytes do), the envelope's fields with their types and ranges, the required ones present, and
 * nothing after the event. Being stricter than the reader is allowed (that only means a fallback); being
 * looser is not, which {@code EventJsonPropertyTest} checks against the reader on damaged input.
 */
final class QuickEventCheck {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER = 1000;
    private static final int MAX_KEYS = 256;

    private static final byte[][] TOP = names("before", "after", "op", "source", "ts", "schema", "table",
            "primary_key", "snapshot", "transaction", "envelope_version", "before_is_key_only",
            "unavailable_columns", "before_unavailable_columns");
    private static final byte[][] SOURCE = names("source_name", "offset", "timestamp");
    private static final byte[][] SNAPSHOT = names("snapshot_id", "chunk_index", "is_last_chunk");
    private static final byte[][] TRANSACTION = names("tx_id", "total_events", "event_index");
    private static final int REQUIRED = 1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 10; // op source ts table version
    private static final long U16 = 0xFFFF;
    private static final long U32 = 0xFFFF_FFFFL;
    private static final long U64 = -1; // 2^64 - 1
    private static final byte[] U64_MAX = "18446744073709551615".getBytes(StandardCharsets.US_ASCII);

    /** Thrown (preallocated, no stack trace) to leave the decision to the full reader. */
    private static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecided() {
            super(null, null, false, false);
        }
    }

    private static final Undecided UNDECIDED = new Undecided();

    private final byte[] b;
    private final int end;
    private int i;
    private final int[] keys = new int[2 * MAX_KEYS]; // start, end of each open object's keys
    private int keyTop;
    private int keyStart;
    private int keyEnd;

    private QuickEventCheck(byte[] b, int off, int len) {
        this.b = b;
        this.i = off;
        this.end = off + len;
    }

    /** Whether {@code json[off, off+len)} is certainly a canonical Event (false: ask the full reader). */
    static boolean accepts(byte[] json, int off, int len) {
        try {
            new QuickEventCheck(json, off, len).event();
            return true;
        } catch (Undecided e) {
            return false;
        }
    }

    private void event() {
        expect('{');
        int seen = 0;
        boolean beforeNull = true;
        boolean keyOnly = false;
        boolean beforeUnavailable = false;
        if (!closes('}')) {
            do {
                int k = known(TOP);
                int bit = 1 << k;
                if ((seen & bit) != 0) {
                    throw UNDECIDED;
                }
                seen |= bit;
                switch (k) {
                    case 0 -> beforeNull = rowOrNull();
                    case 1 -> rowOrNull();
                    case 2 -> op();
                    case 3 -> fields(SOURCE, 0b111, 'S');
                    case 4 -> unsigned(U64);
                    case 5 -> stringOrNull();
                    case 6 -> string();
                    case 7, 12 -> namesOrNull();
                    case 8 -> objectOrNull(SNAPSHOT, 0b111, 'N');
                    case 9 -> objectOrNull(TRANSACTION, 0b101, 'T');
                    case 10 -> unsigned(U16);
                    case 11 -> keyOnly = bool();
                    case 13 -> beforeUnavailable = namesOrNull();
                    default -> throw UNDECIDED;
                }
            } while (next('}'));
        }
        if ((seen & REQUIRED) != REQUIRED || keyOnly && (beforeNull || beforeUnavailable)) {
            throw UNDECIDED;
        }
        ws();
        if (i != end) {
            throw UNDECIDED;
        }
    }

    /** An object of fixed fields (all required per {@code required}); kind: S source, N snapshot, T transaction. */
    private void fields(byte[][] names, int required, char kind) {
        expect('{');
        int seen = 0;
        if (!closes('}')) {
            do {
                int k = known(names);
                if ((seen & 1 << k) != 0) {
                    throw UNDECIDED;
                }
                seen |= 1 << k;
                if (kind == 'S') {
                    if (k == 2) {
                        unsigned(U64);
                    } else {
                        string();
                    }
                } else if (kind == 'N') {
                    switch (k) {
                        case 0 -> string();
                        case 1 -> unsigned(U32);
                        default -> bool();
                    }
                } else if (k == 0) {
                    unsigned(U64);
                } else if (k == 1 && literal("null")) {
                    // total_events may be null
                } else {
                    unsigned(U32);
                }
            } while (next('}'));
        }
        if ((seen & required) != required) {
            throw UNDECIDED;
        }
    }

    private void objectOrNull(byte[][] names, int required, char kind) {
        if (!literal("null")) {
            fields(names, required, kind);
        }
    }

    /** Returns whether the row is null. */
    private boolean rowOrNull() {
        if (literal("null")) {
            return true;
        }
        ws();
        if (i >= end || b[i] != '{') {
            throw UNDECIDED;
        }
        value(1);
        return false;
    }

    private void op() {
        ws();
        int start = i + 1;
        if (string() || Op.lookup(new String(b, start, i - start - 1, StandardCharsets.UTF_8)) == null) {
            throw UNDECIDED; // an escaped or unknown name: the reader's to judge
        }
    }

    /** Returns whether the array is non-empty. */
    private boolean namesOrNull() {
        if (literal("null")) {
            return false;
        }
        expect('[');
        if (closes(']')) {
            return false;
        }
        do {
            string();
        } while (next(']'));
        return true;
    }

    private void stringOrNull() {
        if (!literal("null")) {
            string();
        }
    }

    private boolean bool() {
        if (literal("true")) {
            return true;
        }
        if (literal("false")) {
            return false;
        }
        throw UNDECIDED;
    }

    /** A row value: any JSON value, checked as the reader's row rules check it. */
    private void value(int depth) {
        ws();
        if (i >= end || depth > MAX_DEPTH) {
            throw UNDECIDED;
        }
        byte c = b[i];
        if (c == '"') {
            string();
        } else if (c == '{') {
            object(depth);
        } else if (c == '[') {
            i++;
            if (!closes(']')) {
                do {
                    value(depth + 1);
                } while (next(']'));
            }
        } else if (c == '-' || c >= '0' && c <= '9') {
            number();
        } else if (!literal("null") && !literal("true") && !literal("false")) {
            throw UNDECIDED;
        }
    }

    private void object(int depth) {
        i++;
        int base = keyTop;
        if (!closes('}')) {
            do {
                key();
                for (int k = base; k < keyTop; k += 2) {
                    if (Arrays.equals(b, keys[k], keys[k + 1], b, keyStart, keyEnd)) {
                        throw UNDECIDED;
                    }
                }
                if (keyTop == keys.length) {
                    throw UNDECIDED;
                }
                keys[keyTop++] = keyStart;
                keys[keyTop++] = keyEnd;
                expect(':');
                value(depth + 1);
            } while (next('}'));
        }
        keyTop = base;
    }

    /** Reads a key and returns its index in {@code names}; an unknown key is left to the reader. */
    private int known(byte[][] names) {
        key();
        expect(':');
        for (int k = 0; k < names.length; k++) {
            if (Arrays.equals(b, keyStart, keyEnd, names[k], 0, names[k].length)) {
                return k;
            }
        }
        throw UNDECIDED;
    }

    /** A key without escapes; sets {@link #keyStart}, {@link #keyEnd} (inside the quotes). */
    private void key() {
        ws();
        int start = i + 1;
        if (string()) {
            throw UNDECIDED;
        }
        keyStart = start;
        keyEnd = i - 1;
    }

    /** Skips a string at the next token; returns whether it had escapes. Spec: RFC 8259 section 7. */
    private boolean string() {
        ws();
        if (i >= end || b[i] != '"') {
            throw UNDECIDED;
        }
        i++;
        boolean escaped = false;
        while (i < end) {
            int c = b[i];
            if (c == '"') {
                i++;
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                escape();
            } else if (c >= 0x20) {
                i++;
            } else if (c < 0) {
                i = Utf8.sequenceEnd(b, i, end);
                if (i < 0) {
                    throw UNDECIDED;
                }
            } else {
                throw UNDECIDED; // a control character
            }
        }
        throw UNDECIDED;
    }

    private void escape() {
        if (i + 1 >= end) {
            throw UNDECIDED;
        }
        byte e = b[i + 1];
        if (e == 'u') {
            if (i + 6 > end) {
                throw UNDECIDED;
            }
            int v = 0;
            for (int k = i + 2; k < i + 6; k++) {
                int d = Character.digit(b[k], 16);
                if (d < 0 || b[k] < 0) {
                    throw UNDECIDED;
                }
                v = v << 4 | d;
            }
            if (v >= 0xD800 && v <= 0xDFFF) {
                throw UNDECIDED; // surrogate escapes: pairing is the reader's to judge
            }
            i += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            i += 2;
        } else {
            throw UNDECIDED;
        }
    }

    /**
     * {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?} (RFC 8259 section 6). The reader also checks that the
     * value's scale (fraction digits minus exponent) fits 32 bits: certain here with at most 1,000 characters and
     * an exponent of at most 9 digits; longer exponents go to the reader.
     */
    private void number() {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        int first = i;
        int n = digits();
        if (n == 0 || n > 1 && b[first] == '0') {
            throw UNDECIDED;
        }
        if (i < end && b[i] == '.') {
            i++;
            if (digits() == 0) {
                throw UNDECIDED;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int n2 = digits();
            if (n2 == 0 || n2 > 9) {
                throw UNDECIDED;
            }
        }
        if (i - start > MAX_NUMBER) {
            throw UNDECIDED;
        }
    }

    private int digits() {
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }

    /** A plain non-negative integer at most {@code max}, or any u64 when {@code max} is {@link #U64}. */
    private void unsigned(long max) {
        ws();
        int start = i;
        int n = digits();
        if (n == 0 || n > 1 && b[start] == '0' || n > 20
                || i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            throw UNDECIDED;
        }
        if (max == U64) {
            // 19 digits always fit 64 bits unsigned; 20 digits up to 2^64 - 1 (same length: compare as text)
            if (n == 20 && Arrays.compare(b, start, i, U64_MAX, 0, 20) > 0) {
                throw UNDECIDED;
            }
            return;
        }
        long v = 0;
        for (int k = start; k < i && v <= max; k++) {
            v = v * 10 + (b[k] - '0');
        }
        if (v > max) {
            throw UNDECIDED;
        }
    }

    /** Consumes {@code word} if it is the next token. */
    private boolean literal(String word) {
        ws();
        int n = word.length();
        if (i + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        i += n;
        return true;
    }

    private void expect(char c) {
        ws();
        if (i >= end || b[i] != c) {
            throw UNDECIDED;
        }
        i++;
    }

    /** After an opening bracket: consumes {@code close} if the container is empty. */
    private boolean closes(char close) {
        ws();
        if (i < end && b[i] == close) {
            i++;
            return true;
        }
        return false;
    }

    /** After a member or element: true on a comma (another follows), false on {@code close}. */
    private boolean next(char close) {
        ws();
        if (i < end) {
            byte c = b[i++];
            if (c == ',') {
                return true;
            }
            if (c == close) {
                return false;
            }
        }
        throw UNDECIDED;
    }

    /** Spec: RFC 8259 section 2, insignificant whitespace. */
    private void ws() {
        while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
    }

    private static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int k = 0; k < names.length; k++) {
            out[k] = names[k].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
