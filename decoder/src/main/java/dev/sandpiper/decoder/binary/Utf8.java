package dev.sandpiper.decoder.binary;

/**
 * Well-formedness of UTF-8 as the spec defines names (spec 2.0, Binary Format > Values > Names,
 * {@code binary/values.html#names}; RFC 3629 section 4): shortest encodings only, no surrogate code
 * points, nothing above U+10FFFF. Shared by the decoder (names), the text format (string names) and
 * the transform contract (a guest's output).
 */
public final class Utf8 {
    private Utf8() {}

    /** Whether {@code b[off, off+len)} is well-formed UTF-8. */
    public static boolean isWellFormed(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            i = b[i] >= 0 ? i + 1 : sequenceEnd(b, i, end);
            if (i < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index after the multi-byte sequence whose lead byte is {@code b[i]} (0x80 or more), or -1
     * when it is not well formed or runs past {@code end}. The second byte's range excludes overlong
     * forms, surrogates and code points past U+10FFFF (Unicode 3.9, table 3-7).
     */
    public static int sequenceEnd(byte[] b, int i, int end) {
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
            return -1; // a continuation byte, an overlong C0/C1 lead, or F5..FF
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
