package dev.sandpiper.text.lex;

/**
 * One token with its position (spec 6.3).
 *
 * @param kind the class of token
 * @param text the source characters of the token (for strings: with quotes and escapes)
 * @param bytes the decoded bytes of a {@link TokenKind#STRING}, else null; never modify
 * @param offset index of the token's first character in the source
 * @param line 1-based line
 * @param column 1-based column, in UTF-16 units
 */
public record Token(TokenKind kind, String text, byte[] bytes, int offset, int line, int column) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** Whether this is the keyword {@code word}. */
    public boolean isKeyword(String word) {
        return kind == TokenKind.KEYWORD && text.equals(word);
    }

    @Override
    public String toString() {
        return kind == TokenKind.EOF ? "end of input" : text;
    }
}
