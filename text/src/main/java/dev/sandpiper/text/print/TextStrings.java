package dev.sandpiper.text.print;

import java.nio.charset.StandardCharsets;

/**
 * String literals and identifiers as the text format writes them.
 *
 * <p>Spec: 2.0, 6.3.3 Strings ({@code text/values.html#strings}): printable ASCII other than
 * {@code "} and {@code \} as is, every other byte as {@code \hh}; 6.3.5 Identifiers
 * ({@code text/values.html#text-id}): {@code $} then one or more {@code idchar}s.
 */
final class TextStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String ID_PUNCTUATION = "!#$%&'*+-./:<=>?@\\^_`|~";

    private TextStrings() {}

    /** {@code bytes} as a quoted string literal. */
    static void appendBytes(StringBuilder sb, byte[] bytes, int from, int to) {
        sb.append('"');
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append('\\').append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            }
        }
        sb.append('"');
    }

    /** A name (import, export) as a quoted string literal of its UTF-8 bytes. */
    static void appendName(StringBuilder sb, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        appendBytes(sb, utf8, 0, utf8.length);
    }

    /** Whether {@code name} can follow {@code $} as an identifier: one or more idchars. */
    static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || ID_PUNCTUATION.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
