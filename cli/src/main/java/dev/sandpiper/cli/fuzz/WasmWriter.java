package dev.sandpiper.cli.fuzz;

import java.util.Arrays;

/**
 * A growable byte buffer with the encodings of the WebAssembly binary format (spec 2.0, Binary
 * Format > Values): LEB128 of every width, shortest or padded, and sections with their size. Main
 * code's own small encoder, for the fuzz campaign's generated and mutated modules.
 */
public final class WasmWriter {
    /** Magic and version 1. */
    public static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private byte[] buf = new byte[64];
    private int size;

    /** Appends one byte (the low 8 bits of {@code b}). */
    public WasmWriter byte_(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
        return this;
    }

    public WasmWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WasmWriter bytes(byte[] b, int from, int length) {
        if (size + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + length));
        }
        System.arraycopy(b, from, buf, size, length);
        size += length;
        return this;
    }

    /** Unsigned LEB128, shortest form, of {@code value} taken as unsigned. */
    public WasmWriter u32(long value) {
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            byte_(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Unsigned LEB128 of exactly {@code length} bytes (overlong when longer than needed). */
    public WasmWriter u32Padded(long value, int length) {
        long v = value;
        for (int i = 0; i < length; i++) {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            byte_(i < length - 1 ? b | 0x80 : b);
        }
        return this;
    }

    /** Signed LEB128, shortest form. */
    public WasmWriter sleb(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            byte_(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /** Little-endian fixed-width bytes, as {@code f32.const} and {@code f64.const} take them. */
    public WasmWriter fixed(long bits, int width) {
        for (int i = 0; i < width; i++) {
            byte_((int) (bits >>> (8 * i)));
        }
        return this;
    }

    /** A name: its byte length, then the bytes (ASCII here). */
    public WasmWriter name(String s) {
        u32(s.length());
        for (int i = 0; i < s.length(); i++) {
            byte_(s.charAt(i));
        }
        return this;
    }

    /** Section {@code id} holding {@code content}, with its exact size. */
    public WasmWriter section(int id, WasmWriter content) {
        byte_(id);
        u32(content.size);
        return bytes(content.buf, 0, content.size);
    }

    /** Appends another writer's bytes. */
    public WasmWriter append(WasmWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Encodes {@code value} as unsigned LEB128 of {@code length} bytes. */
    public static byte[] uleb(long value, int length) {
        return new WasmWriter().u32Padded(value, length).toByteArray();
    }

    /** Bytes an unsigned LEB128 starting at {@code at} takes (at most 10), or -1 when none ends there. */
    public static int lebLength(byte[] b, int at) {
        for (int i = at; i < b.length && i < at + 10; i++) {
            if ((b[i] & 0x80) == 0) {
                return i - at + 1;
            }
        }
        return -1;
    }

    /** The unsigned LEB128 at {@code at} (which {@link #lebLength} found), up to 64 bits. */
    public static long readLeb(byte[] b, int at) {
        long v = 0;
        for (int shift = 0, i = at; i < b.length && shift < 64; i++, shift += 7) {
            v |= (long) (b[i] & 0x7F) << shift;
            if ((b[i] & 0x80) == 0) {
                break;
            }
        }
        return v;
    }
}
