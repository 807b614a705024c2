package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text for error messages: field paths and short descriptions of the offending JSON. Only called on failure.
 *
 * <p>A path starts with a top-level field name; object keys follow as {@code .key} when they are plain identifiers
 * and as {@code ["key"]} (JSON-escaped) otherwise, array elements as {@code [index]}:
 * {@code after.address.city}, {@code after["first name"]}, {@code primary_key[2]}.
 */
final class Describe {
    /** Quoted values longer than this are cut, so a message stays one readable line. */
    private static final int MAX_SHOWN = 60;

    private Describe() {
    }

    /** The path made of a first field name and further segments (String keys, Integer indexes), outermost first. */
    static String path(String first, List<Object> segments) {
        StringBuilder sb = new StringBuilder();
        appendKey(sb, first);
        for (Object segment : segments) {
            if (segment instanceof Integer) {
                sb.append('[').append(segment).append(']');
            } else {
                appendKey(sb, (String) segment);
            }
        }
        return sb.toString();
    }

    /** The path of the parser's current position followed by {@code key}. */
    static String path(JsonParser parser, String key) {
        String parent = path(parser);
        if (parent == null) {
            return path(key, List.of());
        }
        StringBuilder sb = new StringBuilder(parent);
        appendKey(sb, key);
        return sb.toString();
    }

    /** The path of the parser's current position, or null at the top level. */
    static String path(JsonParser parser) {
        List<Object> segments = new ArrayList<>();
        for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null; ctx = ctx.getParent()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                segments.add(ctx.getCurrentName());
            } else if (ctx.inArray()) {
                segments.add(ctx.getCurrentIndex());
            }
        }
        if (segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = segments.size() - 1; i >= 0; i--) {
            Object segment = segments.get(i);
            if (segment instanceof Integer) {
                sb.append('[').append(segment).append(']');
            } else {
                appendKey(sb, (String) segment);
            }
        }
        return sb.toString();
    }

    private static void appendKey(StringBuilder sb, String key) {
        if (isIdentifier(key)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(key);
        } else {
            sb.append('[').append(quote(key)).append(']');
        }
    }

    private static boolean isIdentifier(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The string as a JSON string literal, cut after {@value #MAX_SHOWN} characters; "null" for null. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
        int shown = Math.min(s.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
        if (s.length() > shown) {
            sb.append("... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }

    /** What the parser's current token is, for "expected X, got Y" messages. */
    static String token(JsonParser parser) {
        JsonToken t = parser.currentToken();
        if (t == null) {
            return "end of input";
        }
        try {
            switch (t) {
                case START_OBJECT: return "an object";
                case START_ARRAY: return "an array";
                case VALUE_STRING: return quote(parser.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT: return cut(parser.getText());
                case VALUE_TRUE: return "true";
                case VALUE_FALSE: return "false";
                case VALUE_NULL: return "null";
                default: return t.asString() == null ? t.name() : t.asString();
            }
        } catch (IOException e) {
            return t.name();
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_SHOWN ? text
                : text.substring(0, MAX_SHOWN) + "... (" + text.length() + " chars)";
    }
}
