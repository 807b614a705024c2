package dev.sandpiper.text.num;

import dev.sandpiper.decoder.binary.Utf8;

/**
 * Names (spec 6.3.4): strings whose bytes must be well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), else {@code malformed UTF-8 encoding}.
 */
public final class Names {
    public static final String MALFORMED = "malformed UTF-8 encoding";

    private Names() {}

    /** The name's text; throws {@link LiteralException} when the bytes are not UTF-8. */
    public static String decode(byte[] b) {
        if (!Utf8.isWellFormed(b, 0, b.length)) {
            throw new LiteralException(MALFORMED);
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
