package dev.sandpiper.text.lex;

/**
 * The token classes of spec 6.3 (Text Format > Lexical Format > Tokens).
 */
public enum TokenKind {
    LPAREN,
    RPAREN,
    /** Starts with a lower-case letter: instruction names, field keywords, {@code offset=4}, ... */
    KEYWORD,
    /** An integer or float literal (spec 6.3.1, 6.3.2), {@code inf}, {@code nan} and {@code nan:0x...} included. */
    NUMBER,
    /** A string literal (spec 6.3.3); {@link Token#bytes()} holds its decoded bytes. */
    STRING,
    /** An identifier {@code $name} (spec 6.3.5). */
    ID,
    /** Any other run of identifier characters (spec 6.3: reserved), e.g. a malformed number {@code 1x}. */
    RESERVED,
    /** End of the input. */
    EOF
}
