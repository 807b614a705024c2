package dev.sandpiper.spectest.features;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving S-expression reader for classifying script text: lists, strings (decoded to bytes)
 * and atoms (any other run of characters), with {@code ;;} and nested {@code (; ;)} comments
 * skipped (3.0, Text Format > Lexical Format). It is deliberately not the engine's lexer: it never throws, accepts what
 * 3.0 lexes and 2.0 does not (annotations, {@code ,} {@code [} in reserved tokens), and closes
 * unbalanced lists at the end of input, so that any command can be classified.
 *
 * @param atom the atom's text, or null for a list or a string
 * @param bytes a string's decoded bytes, or null
 * @param items a list's items, or null
 */
public record Sexp(String atom, byte[] bytes, List<Sexp> items) {

    public boolean isList() {
        return items != null;
    }

    public boolean isAtom() {
        return atom != null;
    }

    public boolean isString() {
        return bytes != null;
    }

    /** Whether this is a list whose first item is the atom {@code word}. */
    public boolean isList(String word) {
        return isList() && !items.isEmpty() && word.equals(items.get(0).atom);
    }

    /** The first item's atom text for a list that starts with an atom, else null. */
    public String head() {
        return isList() && !items.isEmpty() ? items.get(0).atom : null;
    }

    /** Whether this is an identifier atom {@code $...}. */
    public boolean isId() {
        return atom != null && atom.startsWith("$");
    }

    /** Whether this is an atom that starts with a digit (an index or number). */
    public boolean isNumber() {
        return atom != null && !atom.isEmpty() && Character.isDigit(atom.charAt(0));
    }

    /** The forms of {@code text}, in order. */
    public static List<Sexp> parseAll(String text) {
        return new Reader(text).all();
    }

    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        List<Sexp> all() {
            List<Sexp> out = new ArrayList<>();
            while (true) {
                skipBlank();
                if (i >= s.length()) {
                    return out;
                }
                if (s.charAt(i) == ')') {
                    i++; // stray: ignore
                    continue;
                }
                out.add(form());
            }
        }

        private Sexp form() {
            char ch = s.charAt(i);
            if (ch == '(') {
                i++;
                List<Sexp> items = new ArrayList<>();
                while (true) {
                    skipBlank();
                    if (i >= s.length()) {
                        return new Sexp(null, null, items);
                    }
                    if (s.charAt(i) == ')') {
                        i++;
                        return new Sexp(null, null, items);
                    }
                    items.add(form());
                }
            }
            if (ch == '"') {
                return new Sexp(null, string(), null);
            }
            int start = i;
            while (i < s.length() && !delimiter(s.charAt(i)) && !s.startsWith(";;", i)) {
                i++;
            }
            return new Sexp(s.substring(start, i), null, null);
        }

        private static boolean delimiter(char ch) {
            return ch == '(' || ch == ')' || ch == '"' || Character.isWhitespace(ch);
        }

        /** A string literal's bytes (Text Format > Values > Strings), forgiving bad escapes. */
        private byte[] string() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char ch = s.charAt(i++);
                if (ch != '\\' || i >= s.length()) {
                    int end = Character.isHighSurrogate(ch) && i < s.length() ? i + 1 : i;
                    out.writeBytes(s.substring(i - 1, end).getBytes(StandardCharsets.UTF_8));
                    i = end;
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '"', '\'', '\\' -> out.write(e);
                    case 'u' -> {
                        int close = s.indexOf('}', i);
                        if (i < s.length() && s.charAt(i) == '{' && close > 0) {
                            try {
                                int cp = Integer.parseInt(s.substring(i + 1, close).replace("_", ""), 16);
                                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                            } catch (IllegalArgumentException ignored) {
                                // not a code point: the engine reports it; nothing to classify
                            }
                            i = close + 1;
                        }
                    }
                    default -> {
                        if (i < s.length() && hex(e) >= 0 && hex(s.charAt(i)) >= 0) {
                            out.write(hex(e) * 16 + hex(s.charAt(i++)));
                        }
                    }
                }
            }
            i++;
            return out.toByteArray();
        }

        private static int hex(char c) {
            return Character.digit(c, 16);
        }

        private void skipBlank() {
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (s.startsWith(";;", i)) {
                    int nl = s.indexOf('\n', i);
                    i = nl < 0 ? s.length() : nl + 1;
                } else if (s.startsWith("(;", i)) {
                    blockComment();
                } else {
                    return;
                }
            }
        }

        private void blockComment() {
            i = blockCommentEnd(s, i);
        }
    }

    /**
     * The index after the block comment starting at {@code i} (they nest, spec 3.0 text format,
     * Lexical Format > Comments), or the end of {@code s} when it does not close.
     */
    public static int blockCommentEnd(String s, int i) {
        int depth = 0;
        while (i < s.length()) {
            if (s.startsWith("(;", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith(";)", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return i;
    }
}
