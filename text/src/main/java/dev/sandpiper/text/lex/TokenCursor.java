package dev.sandpiper.text.lex;

import dev.sandpiper.text.TextFormatException;
import dev.sandpiper.text.num.FloatLiterals;
import dev.sandpiper.text.num.IntLiterals;
import dev.sandpiper.text.num.LiteralException;
import dev.sandpiper.text.num.Names;
import java.util.List;

/**
 * A position in a token list, read as S-expressions (spec 6.1: the text format is a sequence of
 * parenthesised forms). Every read that fails throws a {@link TextFormatException} at the token it
 * looked at, worded as the spec suite expects: {@code unexpected token}, {@code unexpected end},
 * {@code unknown operator} for a reserved token.
 *
 * <p>The module parser uses it, and so can a {@code .wast} runner: lex the whole script once,
 * walk the commands with this cursor, and hand the cursor (at a {@code (module ...)}) to
 * {@link dev.sandpiper.text.Wat#parseModule(TokenCursor)}.
 */
public final class TokenCursor {
    private final List<Token> tokens;
    private final String fileName;
    private int pos;
    private java.util.function.ToIntFunction<TokenCursor> typeIndices;
    private boolean memory64 = true;
    private List<Annotation> annotations = List.of();

    public TokenCursor(List<Token> tokens, String fileName) {
        if (tokens.isEmpty() || !tokens.get(tokens.size() - 1).is(TokenKind.EOF)) {
            throw new IllegalArgumentException("the token list must end with EOF");
        }
        this.tokens = tokens;
        this.fileName = fileName;
    }

    /** A cursor at the first token of {@code source}, with its annotations. */
    public static TokenCursor of(String source, String fileName) {
        List<Annotation> annotations = new java.util.ArrayList<>();
        return new TokenCursor(Lexer.tokenize(source, fileName, annotations), fileName).annotations(annotations);
    }

    /** The annotations the lexer dropped from these tokens (3.0: {@code @custom} means a custom section). */
    public TokenCursor annotations(List<Annotation> list) {
        annotations = List.copyOf(list);
        return this;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    /**
     * Whether limits and {@code offset=}/{@code align=} are 3.0's u64s (memory64, the default) or
     * 2.0's u32s, beyond which a literal is "i32 constant out of range".
     */
    public TokenCursor memory64(boolean enabled) {
        memory64 = enabled;
        return this;
    }

    public boolean memory64() {
        return memory64;
    }

    /**
     * How a type reference ({@code $id} or index) in a value type such as {@code (ref $t)} is
     * resolved: set by the module parser for the module it parses; without it only indices are read.
     */
    public void typeIndices(java.util.function.ToIntFunction<TokenCursor> resolver) {
        typeIndices = resolver;
    }

    /** Reads a type reference through {@link #typeIndices}. */
    public int typeIndex() {
        return typeIndices != null ? typeIndices.applyAsInt(this) : (int) u32();
    }

    public String fileName() {
        return fileName;
    }

    /** Index of the current token; {@link #seek(int)} returns to it. */
    public int index() {
        return pos;
    }

    public void seek(int index) {
        pos = index;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public Token peek() {
        return tokens.get(pos);
    }

    /** The token {@code ahead} places after the current one (EOF past the end). */
    public Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    public Token next() {
        Token t = tokens.get(pos);
        if (!t.is(TokenKind.EOF)) {
            pos++;
        }
        return t;
    }

    public boolean atEnd() {
        return peek().is(TokenKind.EOF);
    }

    public boolean at(TokenKind kind) {
        return peek().is(kind);
    }

    public boolean atRParen() {
        return peek().is(TokenKind.RPAREN);
    }

    /** Whether the next tokens are {@code (} and the keyword {@code word}. */
    public boolean atLParen(String word) {
        return peek().is(TokenKind.LPAREN) && peek(1).isKeyword(word);
    }

    /** The keyword after a {@code (} at the cursor, or null. */
    public String lparenKeyword() {
        return peek().is(TokenKind.LPAREN) && peek(1).is(TokenKind.KEYWORD) ? peek(1).text() : null;
    }

    public boolean atKeyword(String word) {
        return peek().isKeyword(word);
    }

    public void expectLParen() {
        expect(TokenKind.LPAREN);
    }

    public void expectRParen() {
        expect(TokenKind.RPAREN);
    }

    /** Consumes {@code (} and the keyword {@code word}. */
    public void expectLParen(String word) {
        expectLParen();
        expectKeyword(word);
    }

    public Token expect(TokenKind kind) {
        Token t = peek();
        if (!t.is(kind)) {
            throw unexpected(t);
        }
        return next();
    }

    public void expectKeyword(String word) {
        Token t = peek();
        if (!t.isKeyword(word)) {
            throw unexpected(t);
        }
        next();
    }

    /** Consumes the keyword {@code word} if it is next. */
    public boolean acceptKeyword(String word) {
        if (peek().isKeyword(word)) {
            next();
            return true;
        }
        return false;
    }

    /** An optional identifier: its text ({@code $x}) or null. */
    public String optionalId() {
        return peek().is(TokenKind.ID) ? next().text() : null;
    }

    /** The bytes of a string token. */
    public byte[] string() {
        return expect(TokenKind.STRING).bytes();
    }

    /** A string token read as a name (spec 6.3.4): must be UTF-8. */
    public String name() {
        Token t = expect(TokenKind.STRING);
        try {
            return Names.decode(t.bytes());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    /** A {@code u32} literal (indices, limits). */
    public long u32() {
        Token t = number();
        try {
            return IntLiterals.u32(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    /** A {@code u64} literal (3.0 limits); a {@code u32} one under 2.0's grammar ({@link #memory64()} off). */
    public long u64() {
        Token t = number();
        try {
            return memory64 ? IntLiterals.u64(t.text()) : IntLiterals.u32(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    public int i32() {
        Token t = number();
        try {
            return IntLiterals.i32(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    public long i64() {
        Token t = number();
        try {
            return IntLiterals.i64(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    /** An {@code f32} literal's bits. */
    public int f32() {
        Token t = number();
        try {
            return FloatLiterals.f32(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    /** An {@code f64} literal's bits. */
    public long f64() {
        Token t = number();
        try {
            return FloatLiterals.f64(t.text());
        } catch (LiteralException e) {
            throw error(t, e.getMessage());
        }
    }

    /** A number token (a reserved one is an {@code unknown operator}, as the suite words it). */
    public Token number() {
        Token t = peek();
        if (t.is(TokenKind.RESERVED)) {
            throw error(t, "unknown operator");
        }
        if (!t.is(TokenKind.NUMBER)) {
            throw unexpected(t);
        }
        return next();
    }

    /** Skips one S-expression or atom. */
    public void skip() {
        Token t = next();
        if (t.is(TokenKind.EOF)) {
            throw unexpected(t);
        }
        if (t.is(TokenKind.RPAREN)) {
            throw unexpected(t);
        }
        if (t.is(TokenKind.LPAREN)) {
            int depth = 1;
            while (depth > 0) {
                Token u = next();
                if (u.is(TokenKind.EOF)) {
                    throw unexpected(u);
                }
                if (u.is(TokenKind.LPAREN)) {
                    depth++;
                } else if (u.is(TokenKind.RPAREN)) {
                    depth--;
                }
            }
        }
    }

    /** {@code unexpected token} (or {@code unexpected end}, or {@code unknown operator}) at {@code t}. */
    public TextFormatException unexpected(Token t) {
        if (t.is(TokenKind.EOF)) {
            return error(t, "unexpected end");
        }
        if (t.is(TokenKind.RESERVED)) {
            return error(t, "unknown operator");
        }
        return error(t, "unexpected token");
    }

    public TextFormatException error(Token at, String reason) {
        return new TextFormatException(fileName, at.line(), at.column(), reason);
    }

    /** An error at the current token. */
    public TextFormatException error(String reason) {
        return error(peek(), reason);
    }
}
