package dev.sandpiper.interpreter;

import java.util.Objects;

/**
 * Loads and stores at offset 0 for the small loops of compiled code ({@code TightLoops} in the
 * compiler says which): the same accesses as {@link TierMemory}'s, checked the other way round.
 *
 * <p>Every access is checked twice: by the bounds check the effective address needs (spec 2.0,
 * Execution > Instructions > Memory Instructions: {@code addr + offset} plus the width must not
 * pass the memory's size) and by the JVM's own check of the array index. {@link TierMemory} checks
 * the size first; here the first check is against the array's length, with the index the array
 * access uses, so C2 finds the JVM's check redundant and drops it. The array is usually exactly the
 * memory's size (see {@link Memory#grow}); when it is longer, the size is checked as well, and that
 * test does not change while a loop runs, so C2 moves it out of the loop. In a loop C2 cannot count
 * (whose checks it cannot hoist), that halves the checks: the sieve kernel's loops ran twice as fast.
 * Outside such loops the extra test costs more than it saves (measured on the JSON kernel), so the
 * compiler uses these only there.
 */
public final class TierLoopMemory {
    private TierLoopMemory() {}

    /** Checks the bytes {@code addr .. addr + last} against the array's length, then the memory's size. */
    private static void check(int addr, int last, byte[] bytes, int size) {
        Objects.checkIndex(addr, bytes.length - last);
        if (size != bytes.length) {
            Objects.checkIndex(addr, size - last);
        }
    }

    public static int I32_LOAD(int addr, byte[] bytes, int size) {
        try {
            check(addr, 3, bytes, size);
            return (int) MemoryViews.INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD(int addr, byte[] bytes, int size) {
        try {
            check(addr, 7, bytes, size);
            return (long) MemoryViews.LONG.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static int I32_LOAD8_S(int addr, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            return bytes[addr];
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static int I32_LOAD8_U(int addr, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            return bytes[addr] & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static int I32_LOAD16_S(int addr, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            return (short) MemoryViews.SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static int I32_LOAD16_U(int addr, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            return (short) MemoryViews.SHORT.get(bytes, addr) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD8_S(int addr, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            return bytes[addr];
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD8_U(int addr, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            return bytes[addr] & 0xFFL;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD16_S(int addr, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            return (short) MemoryViews.SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD16_U(int addr, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            return (short) MemoryViews.SHORT.get(bytes, addr) & 0xFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD32_S(int addr, byte[] bytes, int size) {
        try {
            check(addr, 3, bytes, size);
            return (int) MemoryViews.INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static long I64_LOAD32_U(int addr, byte[] bytes, int size) {
        try {
            check(addr, 3, bytes, size);
            return (int) MemoryViews.INT.get(bytes, addr) & 0xFFFFFFFFL;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I32_STORE(int addr, int v, byte[] bytes, int size) {
        try {
            check(addr, 3, bytes, size);
            MemoryViews.INT.set(bytes, addr, v);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I64_STORE(int addr, long v, byte[] bytes, int size) {
        try {
            check(addr, 7, bytes, size);
            MemoryViews.LONG.set(bytes, addr, v);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I32_STORE8(int addr, int v, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            bytes[addr] = (byte) v;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I32_STORE16(int addr, int v, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            MemoryViews.SHORT.set(bytes, addr, (short) v);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I64_STORE8(int addr, long v, byte[] bytes, int size) {
        try {
            check(addr, 0, bytes, size);
            bytes[addr] = (byte) v;
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I64_STORE16(int addr, long v, byte[] bytes, int size) {
        try {
            check(addr, 1, bytes, size);
            MemoryViews.SHORT.set(bytes, addr, (short) v);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }

    public static void I64_STORE32(int addr, long v, byte[] bytes, int size) {
        try {
            check(addr, 3, bytes, size);
            MemoryViews.INT.set(bytes, addr, (int) v);
        } catch (IndexOutOfBoundsException e) {
            throw TierMemory.outOfBounds();
        }
    }
}
