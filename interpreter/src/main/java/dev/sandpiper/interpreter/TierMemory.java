package dev.sandpiper.interpreter;

import java.util.Objects;

/**
 * Loads and stores for compiled code whose static offset is below {@link #MAX_OFFSET}: the common
 * case, written so that HotSpot sees array-style range checks. {@code Objects.checkIndex} is an
 * intrinsic that C2 treats like an array bounds check, so in a loop over an induction variable it is
 * hoisted out of the loop together with the array's own check, where {@link TierOps}' long-based
 * comparison stays in every iteration.
 *
 * <p>Spec: 2.0, Execution > Instructions > Memory Instructions, {@code exec/instructions.html}: the
 * effective address {@code addr + offset} (both u32) plus the access width must not pass the
 * memory's size. Here {@code addr} is checked as a signed int against {@code size - offset -
 * (width - 1)}: a memory is smaller than 2^31 bytes (a Java array), so an address of 2^31 or more
 * (negative as an int) is out of bounds anyway; with the offset below 2^30 the limit cannot
 * overflow, and a negative limit (an offset past the memory) rejects every address.
 *
 * <p>The accesses take the memory's array and size as compiled code holds them ({@link #bytes},
 * {@link #size}), not the {@link Memory}.
 */
public final class TierMemory {
    /** Offsets at or above this go through {@link TierOps}' long-based forms. */
    public static final long MAX_OFFSET = 1L << 30;

    private TierMemory() {}

    /**
     * The array holding a 32-bit memory's bytes, for compiled code to keep in a local: valid until
     * the memory grows, which only {@code memory.grow} or a call can do (an instance belongs to one
     * thread at a time), so compiled code reads it again after those. Keeping it (and {@link
     * #size}) in locals lets HotSpot keep them in registers across the rare slow paths of a loop
     * (the fuel poll) that would otherwise make it reload both on every access.
     */
    public static byte[] bytes(Memory m) {
        return m.bytes;
    }

    /** A 32-bit memory's size in bytes, with {@link #bytes}. */
    public static int size(Memory m) {
        return m.size;
    }

    /** The trap of an access out of bounds, {@link TierLoopMemory}'s too. */
    static TrapException outOfBounds() {
        return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    public static int I32_LOAD(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 3);
            return (int) MemoryViews.INT.get(bytes, addr + offset);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 7);
            return (long) MemoryViews.LONG.get(bytes, addr + offset);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int I32_LOAD8_S(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            return bytes[addr + offset];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int I32_LOAD8_U(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            return bytes[addr + offset] & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int I32_LOAD16_S(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            return (short) MemoryViews.SHORT.get(bytes, addr + offset);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static int I32_LOAD16_U(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            return (short) MemoryViews.SHORT.get(bytes, addr + offset) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD8_S(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            return bytes[addr + offset];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD8_U(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            return bytes[addr + offset] & 0xFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD16_S(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            return (short) MemoryViews.SHORT.get(bytes, addr + offset);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD16_U(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            return (short) MemoryViews.SHORT.get(bytes, addr + offset) & 0xFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD32_S(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 3);
            return (int) MemoryViews.INT.get(bytes, addr + offset);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static long I64_LOAD32_U(int addr, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 3);
            return (int) MemoryViews.INT.get(bytes, addr + offset) & 0xFFFFFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I32_STORE(int addr, int v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 3);
            MemoryViews.INT.set(bytes, addr + offset, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I64_STORE(int addr, long v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 7);
            MemoryViews.LONG.set(bytes, addr + offset, v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I32_STORE8(int addr, int v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            bytes[addr + offset] = (byte) v;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I32_STORE16(int addr, int v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            MemoryViews.SHORT.set(bytes, addr + offset, (short) v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I64_STORE8(int addr, long v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset);
            bytes[addr + offset] = (byte) v;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I64_STORE16(int addr, long v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 1);
            MemoryViews.SHORT.set(bytes, addr + offset, (short) v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    public static void I64_STORE32(int addr, long v, int offset, byte[] bytes, int size) {
        try {
            Objects.checkIndex(addr, size - offset - 3);
            MemoryViews.INT.set(bytes, addr + offset, (int) v);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds();
        }
    }

    // ---- vector accesses (spec 2.0, Execution > Instructions > Memory Instructions, v128.*) ----

    /**
     * The effective address of a vector access of {@code size} bytes ({@code addr} and {@code
     * offset} both u32), checked for the whole access as the interpreter's {@code VectorMemory} does:
     * traps "out of bounds memory access" before anything is read or written.
     */
    public static int v128Address(int addr, int offset, int size, Memory m) {
        return VectorMemory.address(addr, offset, size, m.buffer);
    }

    /** {@code size} bytes (1, 2, 4 or 8) at a checked address, little-endian, sign-extended. */
    public static long v128Read(Memory m, int ea, int size) {
        return VectorMemory.read(m.buffer, ea, size);
    }

    /** Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code v} at a checked address. */
    public static void v128Write(Memory m, int ea, int size, long v) {
        VectorMemory.write(m.buffer, ea, size, v);
    }
}
