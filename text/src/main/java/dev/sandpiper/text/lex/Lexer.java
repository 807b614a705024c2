package dev.sandpiper.text.lex;

import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import dev.sandpiper.text.num.NumberSyntax;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits source text into tokens (spec 6.2 Lexical Format, 6.3 Tokens). White space and comments
 * (line comments {@code ;;} and nested block comments {@code (; ;)}, spec 6.2.4) are dropped. Runs of
 * identifier characters (spec 6.3.5 {@code idchar}) become ids ({@code $...}), keywords (a lower-case
 * letter first), numbers (spec 6.3.1, 6.3.2) or, failing those, reserved tokens, which the parser
 * rejects where it meets them. Strings (spec 6.3.3) are decoded to bytes here.
 */
public final class Lexer {
    private final String src;
    private final String fileName;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Where annotations go, or null to drop them. */
    private final List<Annotation> annotations;
    /** Indices of the {@code (} tokens still open. */
    private final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    private List<Token> out;

    private Lexer(String src, String fileName, List<Annotation> annotations) {
        this.src = src;
        this.fileName = fileName;
        this.annotations = annotations;
    }

    /** All tokens of {@code src}, ending with one {@link TokenKind#EOF}; annotations are dropped. */
    public static List<Token> tokenize(String src, String fileName) {
        return new Lexer(src, fileName, null).run();
    }

    /** As {@link #tokenize(String, String)}, adding the annotations it drops to {@code annotations}. */
    public static List<Token> tokenize(String src, String fileName, List<Annotation> annotations) {
        return new Lexer(src, fileName, annotations).run();
    }

    private List<Token> run() {
        out = new ArrayList<>(src.length() / 4 + 4);
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Token(TokenKind.EOF, "", null, pos, line, pos - lineStart + 1));
                return out;
            }
            int start = pos;
            int col = pos - lineStart + 1;
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == '@') {
                annotation(line, col);
            } else if (c == '(') {
                pos++;
                open.push(out.size());
                out.add(new Token(TokenKind.LPAREN, "(", null, start, line, col));
            } else if (c == ')') {
                pos++;
                open.poll();
                out.add(new Token(TokenKind.RPAREN, ")", null, start, line, col));
            } else if (c == '"' || isIdChar(c)) {
                out.add(atom(start, col));
            } else {
                throw error(line, col, "unexpected character '" + printable(c) + "'");
            }
        }
    }

    /**
     * A string or a run of identifier characters. Tokens must be separated by white space or
     * parentheses: a string touching another string or identifier characters makes one reserved token.
     */
    private Token atom(int start, int col) {
        int startLine = line;
        int parts = 0;
        byte[] bytes = null;
        boolean string = false;
        while (pos < src.length() && (src.charAt(pos) == '"' || isIdChar(src.charAt(pos)))) {
            parts++;
            if (src.charAt(pos) == '"') {
                bytes = parts == 2 && pos == start + 1 && src.charAt(start) == '$' ? idString(startLine, col) : string(col);
                string = true;
            } else {
                string = false;
                while (pos < src.length() && isIdChar(src.charAt(pos))) {
                    pos++;
                }
            }
        }
        String text = src.substring(start, pos);
        if (parts == 2 && string && text.charAt(0) == '$' && text.charAt(1) == '"') {
            return identifier(bytes, start, startLine, col);
        }
        if (text.equals("$")) {
            throw error(startLine, col, "empty identifier"); // 3.0, Text Format > Values > Identifiers
        }
        if (parts > 1) {
            return new Token(TokenKind.RESERVED, text, null, start, startLine, col);
        }
        return string ? new Token(TokenKind.STRING, text, bytes, start, startLine, col)
                : new Token(classify(text), text, null, start, startLine, col);
    }

    /**
     * An annotation {@code (@id ...)} (3.0, Text Format > Lexical Format > Annotations): an id (idchars
     * or a string) right after {@code (@}, then any tokens with balanced parentheses. The text
     * format gives annotations no meaning beyond this form, so the lexer drops them like white
     * space. {@link #pos} is at the opening parenthesis.
     */
    private void annotation(int startLine, int col) {
        pos += 2;
        int idStart = pos;
        String name;
        if (pos < src.length() && src.charAt(pos) == '"') {
            byte[] id;
            try {
                id = string(col);
            } catch (TextFormatException e) {
                throw error(startLine, col, "empty annotation id");
            }
            if (id.length == 0) {
                throw error(startLine, col, "empty annotation id");
            }
            try {
                name = Names.decode(id);
            } catch (LiteralException e) {
                throw error(startLine, col, e.getMessage());
            }
        } else {
            while (pos < src.length() && isIdChar(src.charAt(pos))) {
                pos++;
            }
            if (pos == idStart) {
                throw error(startLine, col, "empty annotation id");
            }
            name = src.substring(idStart, pos);
        }
        int contentStart = pos;
        int depth = 1;
        while (depth > 0) {
            skipSpace();
            if (pos >= src.length()) {
                throw error(startLine, col, "unclosed annotation");
            }
            char c = src.charAt(pos);
            if (c == '(') {
                depth++;
                pos++;
            } else if (c == ')') {
                depth--;
                pos++;
            } else if (c == '"') {
                string(pos - lineStart + 1);
            } else if (isIdChar(c) || c == ',' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}') {
                pos++; // any token: 3.0's reserved tokens take these characters too
            } else {
                throw error(line, pos - lineStart + 1, "illegal character");
            }
        }
        if (annotations != null) {
            annotations.add(new Annotation(name, src.substring(contentStart, pos - 1), out.size(),
                    open.isEmpty() ? -1 : open.peek(), startLine, col));
        }
    }

    /**
     * The string of an identifier {@code $"..."} (3.0, Text Format > Values > Identifiers: {@code id
     * ::= '$' idchar+ | '$' name}); a string that does not lex leaves a bare {@code $}, an empty
     * identifier.
     */
    private byte[] idString(int startLine, int col) {
        try {
            return string(col + 1);
        } catch (TextFormatException e) {
            throw error(startLine, col, "empty identifier");
        }
    }

    /**
     * {@code $"name"} is the identifier {@code $name}: the two spellings denote the same identifier,
     * so the token's text is {@code $} and the name's characters. The name must be UTF-8 and not empty.
     */
    private Token identifier(byte[] name, int start, int startLine, int col) {
        if (name.length == 0) {
            throw error(startLine, col, "empty identifier");
        }
        try {
            return new Token(TokenKind.ID, "$" + Names.decode(name), null, start, startLine, col);
        } catch (LiteralException e) {
            throw error(startLine, col, e.getMessage());
        }
    }

    private static TokenKind classify(String text) {
        char c = text.charAt(0);
        if (c == '$') {
            return text.length() > 1 ? TokenKind.ID : TokenKind.RESERVED;
        }
        if (NumberSyntax.isNumber(text)) {
            return TokenKind.NUMBER;
        }
        if (c >= 'a' && c <= 'z') {
            // a malformed nan/inf literal (nan:1, infinity) is no keyword; the script patterns are
            return (text.startsWith("nan") || text.startsWith("inf")) && !text.equals("nan:canonical")
                    && !text.equals("nan:arithmetic") ? TokenKind.RESERVED : TokenKind.KEYWORD;
        }
        return TokenKind.RESERVED;
    }

    /** White space and comments, spec 6.2.3 and 6.2.4. */
    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                newline();
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                // a line comment ends at a line feed or a carriage return (3.0, Text Format >
                // Lexical Format > Comments: newline ::= U+0A | U+0D | U+0D U+0A)
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private void blockComment() {
        int startLine = line;
        int startCol = pos - lineStart + 1;
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '(' && pos + 1 < src.length() && src.charAt(pos + 1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && pos + 1 < src.length() && src.charAt(pos + 1) == ')') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else if (c == '\n') {
                newline();
            } else {
                pos++;
            }
        }
        throw error(startLine, startCol, "unclosed comment");
    }

    /** A string literal (spec 6.3.3), decoded; {@link #pos} is at the opening quote. */
    private byte[] string(int col) {
        int startLine = line;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw error(startLine, col, "unclosed string");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20 || c == 0x7F) {
                throw error(line, pos - lineStart + 1, "illegal control character in string");
            } else {
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                utf8(out, cp);
            }
        }
    }

    private void escape(ByteArrayOutputStream out) {
        int col = pos - lineStart + 1;
        if (pos + 1 >= src.length()) {
            throw error(line, col, "unclosed string");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 't' -> out.write('\t');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case '"' -> out.write('"');
            case '\'' -> out.write('\'');
            case '\\' -> out.write('\\');
            case 'u' -> unicodeEscape(out, col);
            default -> {
                if (pos < src.length() && hex(e) >= 0 && hex(src.charAt(pos)) >= 0) {
                    out.write(hex(e) * 16 + hex(src.charAt(pos)));
                    pos++;
                } else {
                    throw error(line, col, "illegal escape");
                }
            }
        }
    }

    /** {@code \\u{hexnum}}: a Unicode scalar value, written as UTF-8. */
    private void unicodeEscape(ByteArrayOutputStream out, int col) {
        if (pos >= src.length() || src.charAt(pos) != '{') {
            throw error(line, col, "illegal escape");
        }
        int close = src.indexOf('}', pos);
        if (close < 0) {
            throw error(line, col, "illegal escape");
        }
        String digits = src.substring(pos + 1, close);
        if (!NumberSyntax.isNat("0x" + digits)) {
            throw error(line, col, "illegal escape");
        }
        long cp = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '_') {
                cp = cp * 16 + hex(digits.charAt(i));
                if (cp > 0x10FFFF) {
                    throw error(line, col, "illegal escape");
                }
            }
        }
        if (cp >= 0xD800 && cp < 0xE000) {
            throw error(line, col, "illegal escape");
        }
        utf8(out, (int) cp);
        pos = close + 1;
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Spec 6.3.5: {@code idchar}. */
    static boolean isIdChar(char c) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return true;
        }
        return "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7E ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private TextFormatException error(int l, int col, String reason) {
        return new TextFormatException(fileName, l, col, reason);
    }
}
