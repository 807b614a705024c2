package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.MalformedModuleException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a module's bytes that reads the binary format's values: bytes, LEB128 integers of
 * each width, IEEE-754 bit patterns, lengths and names. Offsets are absolute positions in the module.
 *
 * <p>Spec: 2.0, Binary Format > Values, {@code binary/values.html}.
 */
public final class WasmReader {
    /** The reference interpreter's wording for reading past the end of the input. */
    public static final String UNEXPECTED_END = "unexpected end of section or function";

    private final byte[] bytes;
    private final int limit;
    private int pos;
    private boolean typedReferences;
    private boolean exceptions;
    private boolean memory64;
    private boolean gc;

    /** A reader over {@code bytes[start, limit)}, starting at {@code start}. */
    public WasmReader(byte[] bytes, int start, int limit) {
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
    }

    /**
     * Whether value types may be the 3.0 typed references ({@code 0x63}/{@code 0x64} + heap type):
     * set when {@link dev.sandpiper.decoder.code.Feature#FUNCTION_REFERENCES} is enabled.
     */
    public WasmReader typedReferences(boolean enabled) {
        typedReferences = enabled;
        return this;
    }

    public boolean typedReferences() {
        return typedReferences;
    }

    /**
     * Whether the reference types may be {@code exnref} and the heap type {@code exn}: set when
     * {@link dev.sandpiper.decoder.code.Feature#EXCEPTIONS} is enabled.
     */
    public WasmReader exceptions(boolean enabled) {
        exceptions = enabled;
        return this;
    }

    public boolean exceptions() {
        return exceptions;
    }

    /**
     * Whether limits have 3.0's flags byte with an address type and u64 bounds, and memory offsets
     * are u64: set when {@link dev.sandpiper.decoder.code.Feature#MEMORY64} is enabled.
     */
    public WasmReader memory64(boolean enabled) {
        memory64 = enabled;
        return this;
    }

    public boolean memory64() {
        return memory64;
    }

    /** Enables GC's abstract heap types and their short reference types (3.0, Feature GC). */
    public WasmReader gc(boolean enabled) {
        gc = enabled;
        return this;
    }

    public boolean gc() {
        return gc;
    }

    public int position() {
        return pos;
    }

    public void position(int newPos) {
        pos = newPos;
    }

    public int limit() {
        return limit;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    /** Bytes left before the limit. */
    public int remaining() {
        return limit - pos;
    }

    public MalformedModuleException error(String reason, int offset) {
        return new MalformedModuleException(reason, offset);
    }

    /** The next byte without consuming it; fails at the end of input. */
    public int peek() {
        if (pos >= limit) {
            throw error(UNEXPECTED_END, pos);
        }
        return bytes[pos] & 0xFF;
    }

    public int u8() {
        if (pos >= limit) {
            throw error(UNEXPECTED_END, pos);
        }
        return bytes[pos++] & 0xFF;
    }

    /** Skips {@code n} bytes, which must be present. */
    public void skip(int n) {
        if (n < 0 || n > limit - pos) {
            throw error(UNEXPECTED_END, pos);
        }
        pos += n;
    }

    /** A one-byte flag, read as a 1-bit unsigned LEB128 (limits flags). */
    public int u1() {
        int start = pos;
        int b = u8();
        if ((b & 0x80) != 0) {
            throw error("integer representation too long", start);
        }
        if (b > 1) {
            throw error("integer too large", start);
        }
        return b;
    }

    /** A 7-bit signed LEB128 read as its raw byte (type constructors); continuation is too long. */
    public int s7() {
        int start = pos;
        int b = u8();
        if ((b & 0x80) != 0) {
            throw error("integer representation too long", start);
        }
        return b;
    }

    /** An unsigned 32-bit LEB128; the result holds the u32's bits. */
    public int u32() {
        int start = pos;
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            if (shift == 28) {
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long", start);
                }
                if ((b & 0x70) != 0) {
                    throw error("integer too large", start);
                }
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * An unsigned 64-bit LEB128 (3.0 limits and memory offsets): at most 10 bytes, the last of
     * which may only carry the value's top bit.
     */
    public long u64() {
        int start = pos;
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            if (shift == 63) {
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long", start);
                }
                if ((b & 0x7E) != 0) {
                    throw error("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** A signed 32-bit LEB128. */
    public int s32() {
        return (int) signed(32);
    }

    /** A signed 33-bit LEB128 (block type indices). */
    public long s33() {
        return signed(33);
    }

    /** A signed 64-bit LEB128. */
    public long s64() {
        return signed(64);
    }

    /**
     * A signed LEB128 of {@code bits} bits: at most ceil(bits/7) bytes; in the last byte the bits
     * beyond the value must all equal its sign bit.
     */
    private long signed(int bits) {
        int start = pos;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw error("integer representation too long", start);
                }
                int used = bits - shift; // meaningful bits in this byte, 1..7
                int signAndUnused = b >> (used - 1); // the sign bit and every bit above it
                int ones = (1 << (8 - used)) - 1;
                if (signAndUnused != 0 && signAndUnused != ones) {
                    throw error("integer too large", start);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Four little-endian bytes (an f32's bit pattern). */
    public int fixed32() {
        if (limit - pos < 4) {
            pos = limit;
            throw error(UNEXPECTED_END, limit);
        }
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
                | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Eight little-endian bytes (an f64's bit pattern). */
    public long fixed64() {
        long lo = fixed32() & 0xFFFFFFFFL;
        long hi = fixed32() & 0xFFFFFFFFL;
        return lo | hi << 32;
    }

    /**
     * A vector's u32 element count. Every element takes at least one byte, so a count above the bytes
     * left cannot be honest; it is clamped to one more than the bytes left, so reading the elements
     * still fails where the input really ends ("unexpected end of section or function") while no
     * caller ever sizes an allocation by a hostile count.
     */
    public int count() {
        long n = Integer.toUnsignedLong(u32());
        return (int) Math.min(n, (long) remaining() + 1);
    }

    /**
     * A u32 byte length (of a name, section, body or data segment) that must not exceed the bytes
     * left, else "length out of bounds".
     */
    public int length() {
        int start = pos;
        int n = u32();
        if (n < 0 || n > limit - pos) {
            throw error("length out of bounds", start);
        }
        return n;
    }

    /** A name: a length-prefixed, well-formed UTF-8 string. */
    public String name() {
        int n = length();
        int start = pos;
        if (!Utf8.isWellFormed(bytes, start, n)) {
            throw error("malformed UTF-8 encoding", start);
        }
        pos += n;
        return new String(bytes, start, n, StandardCharsets.UTF_8);
    }
}
