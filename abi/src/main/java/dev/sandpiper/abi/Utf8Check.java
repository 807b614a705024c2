package dev.sandpiper.abi;

/**
 * Well-formed UTF-8 multi-byte sequences, as RFC 3629 section 4 defines them: no overlong forms, no encoded
 * surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
 */
final class Utf8Check {
    private Utf8Check() {}

    /**
     * The index after the multi-byte sequence whose lead byte is {@code b[i]} (negative as a Java byte), or -1 if
     * it is not well formed or runs past {@code end}.
     */
    static int skip(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            if (lead == 0xE0) {
                lo = 0xA0;
            } else if (lead == 0xED) {
                hi = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + n >= end) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return -1;
        }
        for (int k = i + 2; k <= i + n; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return i + n + 1;
    }
}
