package dev.sandpiper.text.num;

/**
 * Names (spec 6.3.4): strings whose bytes must be well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), else {@code malformed UTF-8 encoding}.
 */
public final class Names {
    public static final String MALFORMED = "malformed UTF-8 encoding";

    private Names() {}

    /** The name's text; throws {@link LiteralException} when the bytes are not UTF-8. */
    public static String decode(byte[] b) {
        if (!isUtf8(b)) {
            throw new LiteralException(MALFORMED);
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether {@code b} is well-formed UTF-8 (Unicode 3.9, table 3-7). */
    public static boolean isUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80;
                hi = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                lo = c == 0xF0 ? 0x90 : 0x80;
                hi = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + n >= b.length) {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                int x = b[i + k] & 0xFF;
                int l = k == 1 ? lo : 0x80;
                int h = k == 1 ? hi : 0xBF;
                if (x < l || x > h) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
