package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.text.lex.Lexer;
import dev.sandpiper.text.lex.Token;
import dev.sandpiper.text.lex.TokenKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 3.0's lexical changes outside annotations: identifiers written as strings ({@code $"name"},
 * Text Format > Values > Identifiers) and line comments ended by a carriage return (Lexical Format
 * > Comments).
 */
class Text30LexicalTest {
    private static String reason(String source) {
        return assertThrows(TextFormatException.class, () -> Wat.parseModule(source, "t.wat")).reason();
    }

    @Test
    void aStringIdentifierIsTheSameIdentifierAsItsPlainSpelling() {
        List<Token> tokens = Lexer.tokenize("$\"fh\" $fh $\"\\41B\" $\" a b \"", "t.wat");
        assertEquals(TokenKind.ID, tokens.get(0).kind());
        assertEquals("$fh", tokens.get(0).text());
        assertEquals("$fh", tokens.get(1).text());
        assertEquals("$AB", tokens.get(2).text());
        assertEquals("$ a b ", tokens.get(3).text());
        assertEquals(TokenKind.EOF, tokens.get(4).kind());
    }

    @Test
    void stringIdentifiersResolveLikePlainOnes() {
        byte[] quoted = Wat.parseModule("(module (func $\"my f\" (result i32) (call $\"my\\20f\"))"
                + " (func (block $\"l\" (br $l))))", "t.wat");
        byte[] plain = Wat.parseModule("(module (func $f (result i32) (call $f)) (func (block $l (br $l))))", "t.wat");
        assertArrayEquals(plain, quoted);
        ModuleDecoder.decode(quoted);
    }

    @Test
    void emptyOrMalformedStringIdentifiersAreRejected() {
        assertEquals("empty identifier", reason("(func $)"));
        assertEquals("empty identifier", reason("(func $\"\")"));
        assertEquals("empty identifier", reason("(func $ \"a\")"));
        assertEquals("empty identifier", reason("(func $\"a\nb\")"));
        assertEquals("malformed UTF-8 encoding", reason("(func $\"\\ef\")"));
        // touching another token, the string identifier is one reserved token
        assertEquals(TokenKind.RESERVED, Lexer.tokenize("$\"l\"0", "t.wat").get(0).kind());
        assertEquals(TokenKind.RESERVED, Lexer.tokenize("$\"l\"$l", "t.wat").get(0).kind());
    }

    @Test
    void aLineCommentEndsAtACarriageReturn() {
        byte[] lone = Wat.parseModule("(module (func (result i32) (i32.const 1) ;; c\r (return (i32.const 2))))", "t.wat");
        byte[] crlf = Wat.parseModule("(module (func (result i32) (i32.const 1) ;; c\r\n (return (i32.const 2))))", "t.wat");
        byte[] lf = Wat.parseModule("(module (func (result i32) (i32.const 1) ;; c\n (return (i32.const 2))))", "t.wat");
        assertArrayEquals(lf, lone);
        assertArrayEquals(lf, crlf);
    }
}
