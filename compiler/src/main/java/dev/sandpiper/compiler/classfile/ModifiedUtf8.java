package dev.sandpiper.compiler.classfile;

/** Modified UTF-8 as class files store strings (JVMS 4.4.7): NUL as two bytes, surrogates encoded one by one. */
final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    static byte[] encode(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
        }
        if (length > 65535) {
            throw new IllegalArgumentException("string too long for a class file: " + length + " bytes");
        }
        byte[] out = new byte[length];
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 1 && c <= 0x7F) {
                out[p++] = (byte) c;
            } else if (c <= 0x7FF) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }
}
