package dev.sandpiper.text.module;

import java.util.Arrays;

/**
 * A growable byte buffer with the binary format's integer encodings (spec 5.2.2: unsigned and
 * signed LEB128, always in their shortest form).
 */
public final class ByteSink {
    private byte[] buf = new byte[32];
    private int size;

    public void u8(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = (byte) b;
    }

    /** Unsigned LEB128 of the low 32 bits of {@code v} taken as unsigned. */
    public void u32(long v) {
        v &= 0xFFFF_FFFFL;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v == 0 ? b : b | 0x80);
        } while (v != 0);
    }

    /** Unsigned LEB128 of all 64 bits of {@code v} (3.0 limits and memory offsets). */
    public void u64(long v) {
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v == 0 ? b : b | 0x80);
        } while (v != 0);
    }

    /**
     * A value type: its byte, and for a typed reference ({@code 0x63}/{@code 0x64}) its heap type
     * as an s33 (spec 3.0, Binary Format > Types > Reference Types).
     */
    public void valType(dev.sandpiper.decoder.model.ValType t) {
        u8(t.code());
        if (t.code() == 0x63 || t.code() == 0x64) {
            s64(t.heapType());
        }
    }

    /** Signed LEB128 (for s32, s33 and s64 alike). */
    public void s64(long v) {
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            u8(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    public void bytes(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    public void append(ByteSink other) {
        bytes(other.buf, 0, other.size);
    }

    /** A length-prefixed byte vector (names, data strings: spec 5.2.4). */
    public void vec(byte[] b) {
        u32(b.length);
        bytes(b);
    }

    /** Little-endian fixed-width bits (float constants). */
    public void fixed(long bits, int bytes) {
        for (int i = 0; i < bytes; i++) {
            u8((int) (bits >>> (8 * i)));
        }
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
