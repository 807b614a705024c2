package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Annotations {@code (@id ...)} (3.0, Text Format > Lexical Format > Annotations): accepted
 * wherever a token may be, with any balanced content, and ignored.
 */
class AnnotationsTest {
    private static String reason(String source) {
        return assertThrows(TextFormatException.class, () -> Wat.parseModule(source, "t.wat")).reason();
    }

    @Test
    void annotationsAnywhereAreIgnored() {
        byte[] plain = Wat.parseModule("(module $m (func $f (param i32) (result i32) (local.get 0)))", "t.wat");
        byte[] annotated = Wat.parseModule("((@a) module (@a x y) $m (@\"q r\" \"s\" (z (@w)))"
                + " ((@a) func (@a) $f (@a , ; ] [ }x{ (; c ;) ;; c\n) (param (@a) i32) (result i32)"
                + " (@a 0x 8q -- @#) (local.get (@a) 0) (@a)) (@a))", "t.wat");
        assertArrayEquals(plain, annotated);
    }

    @Test
    void malformedAnnotationsAreRejectedWithTheSpecsWording() {
        assertEquals("empty annotation id", reason("(@)"));
        assertEquals("empty annotation id", reason("(@ x)"));
        assertEquals("empty annotation id", reason("(@\"\")"));
        assertEquals("empty annotation id", reason("(@(@a)x)"));
        assertEquals("malformed UTF-8 encoding", reason("(@\"\\ef\")"));
        assertEquals("unclosed annotation", reason("(@x (y (z))"));
        assertEquals("unclosed string", reason("(@x \")"));
        assertEquals("illegal character", reason("(@a \u0001)"));
        assertEquals("illegal character", reason("(@a Heiße)"));
        assertEquals("unexpected token", reason("(@x ()))"));
        assertEquals("empty identifier", reason("(func $(@a))"));
    }
}
