package dev.sandpiper.interpreter;

import static dev.sandpiper.interpreter.VectorCodes.*;

import java.nio.ByteBuffer;

/**
 * Vector loads and stores: {@code v128.load} and {@code store}, the extending loads, the splat
 * loads, the zero-filling loads and the single-lane loads and stores. The effective address is the
 * u32 operand plus the u32 static offset, as a long, checked once against the memory's size for the
 * whole access; an access past the end traps with "out of bounds memory access" and changes
 * nothing. Memory is little-endian, like lane order, so a 16-byte access is two 8-byte ones.
 *
 * <p>Spec: 2.0, Execution > Instructions > Memory Instructions ({@code v128.load}, {@code
 * v128.loadNxM_sx}, {@code v128.loadN_splat}, {@code v128.loadN_zero}, {@code v128.loadN_lane},
 * {@code v128.store}, {@code v128.storeN_lane}).
 */
final class VectorMemory {
    private static final long MASK32 = 0xFFFFFFFFL;

    private VectorMemory() {}

    /** Whether {@code sub} is a vector memory instruction (this class executes it). */
    static boolean isMemory(int sub) {
        return sub <= V128_STORE || (sub >= V128_LOAD8_LANE && sub <= V128_LOAD64_ZERO);
    }

    /** Where the memory index of instruction {@code sub} is, after {@code code[at]}: last, after the offset (and lane). */
    static int memoryWord(int sub) {
        return sub >= V128_LOAD8_LANE && sub <= V128_STORE64_LANE ? 4 : 3;
    }

    /**
     * Executes memory instruction {@code sub}; {@code code[at + 1]} and {@code code[at + 2]} are its
     * static offset (a u64, low word first) and, for the lane forms, {@code code[at + 3]} its lane.
     * Returns the new stack top.
     */
    static int execute(int sub, int[] code, int at, long[] stack, int sp, Memory m) {
        long offset = (code[at + 1] & MASK32) | ((long) code[at + 2] << 32);
        switch (sub) {
            case V128_LOAD -> {
                long ea = at(m, stack[sp - 1], offset, 16);
                stack[sp - 1] = rd(m, ea, 8);
                stack[sp] = rd(m, ea + 8, 8);
                return sp + 1;
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                    V128_LOAD32X2_U -> {
                long v = rd(m, at(m, stack[sp - 1], offset, 8), 8);
                // 8x8 is 0x01/0x02, 16x4 0x03/0x04, 32x2 0x05/0x06: odd codes sign-extend.
                int bits = 8 << ((sub - 1) >> 1);
                boolean signed = (sub & 1) == 1;
                stack[sp - 1] = VectorInts.extend((int) v, bits, signed);
                stack[sp] = VectorInts.extend((int) (v >>> 32), bits, signed);
                return sp + 1;
            }
            case V128_LOAD8_SPLAT -> {
                long v = rd(m, at(m, stack[sp - 1], offset, 1), 1) & 0xFFL;
                return splat(stack, sp, v * 0x0101010101010101L);
            }
            case V128_LOAD16_SPLAT -> {
                long v = rd(m, at(m, stack[sp - 1], offset, 2), 2) & 0xFFFFL;
                return splat(stack, sp, v * 0x0001000100010001L);
            }
            case V128_LOAD32_SPLAT -> {
                long v = rd(m, at(m, stack[sp - 1], offset, 4), 4) & MASK32;
                return splat(stack, sp, v | (v << 32));
            }
            case V128_LOAD64_SPLAT -> {
                return splat(stack, sp, rd(m, at(m, stack[sp - 1], offset, 8), 8));
            }
            case V128_LOAD32_ZERO -> {
                stack[sp - 1] = rd(m, at(m, stack[sp - 1], offset, 4), 4) & MASK32;
                stack[sp] = 0;
                return sp + 1;
            }
            case V128_LOAD64_ZERO -> {
                stack[sp - 1] = rd(m, at(m, stack[sp - 1], offset, 8), 8);
                stack[sp] = 0;
                return sp + 1;
            }
            case V128_STORE -> {
                long ea = at(m, stack[sp - 3], offset, 16);
                wr(m, ea, 8, stack[sp - 2]);
                wr(m, ea + 8, 8, stack[sp - 1]);
                return sp - 3;
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                return loadLane(stack, sp, m, offset, code[at + 3], 1 << (sub - V128_LOAD8_LANE));
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                return storeLane(stack, sp, m, offset, code[at + 3], 1 << (sub - V128_STORE8_LANE));
            }
            default -> throw new IllegalStateException("not a vector memory instruction: 0xFD " + sub);
        }
    }

    /**
     * {@code n} bytes at a checked address, sign-extended: from the buffer of a 32-bit memory, from
     * the chunks of a 64-bit one ({@link MemoryChunks}).
     */
    private static long rd(Memory m, long ea, int n) {
        return m.address64 ? MemoryChunks.read(m.chunks, m.chunkShift, ea, n) : read(m.buffer, (int) ea, n);
    }

    /** Writes the low {@code n} bytes of {@code v} at a checked address, as {@link #rd} reads. */
    private static void wr(Memory m, long ea, int n, long v) {
        if (m.address64) {
            MemoryChunks.write(m.chunks, m.chunkShift, ea, n, v);
        } else {
            write(m.buffer, (int) ea, n, v);
        }
    }

    /** The effective address of an access of {@code size} bytes, or a trap if it does not fit. */
    static int address(long base, int offset, int size, ByteBuffer mem) {
        long ea = (base & MASK32) + (offset & MASK32);
        if (ea + size > mem.capacity()) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        return (int) ea;
    }

    /**
     * The effective address of an access of {@code size} bytes to {@code m}: the address operand
     * has the memory's address type (u32, or u64 for a 64-bit memory, 3.0), the offset is a u64.
     */
    private static long at(Memory m, long base, long offset, int size) {
        return MemoryIndexedOps.effectiveAddress(m.address64 ? base : base & MASK32, offset, size, m.size64);
    }

    /** Replaces the i32 address on top of the stack with a v128 whose two halves are {@code half}. */
    private static int splat(long[] stack, int sp, long half) {
        stack[sp - 1] = half;
        stack[sp] = half;
        return sp + 1;
    }

    /** {@code [addr lo hi]} to {@code [lo' hi']}: lane {@code lane} ({@code size} bytes) read from memory. */
    private static int loadLane(long[] stack, int sp, Memory m, long offset, int lane, int size) {
        long v = rd(m, at(m, stack[sp - 3], offset, size), size);
        int bit = lane * size * 8;
        long lo = stack[sp - 2];
        long hi = stack[sp - 1];
        stack[sp - 3] = bit < 64 ? VectorInts.replace(lo, bit, size * 8, v) : lo;
        stack[sp - 2] = bit >= 64 ? VectorInts.replace(hi, bit & 63, size * 8, v) : hi;
        return sp - 1;
    }

    /** {@code [addr lo hi]} to {@code []}: lane {@code lane} ({@code size} bytes) written to memory. */
    private static int storeLane(long[] stack, int sp, Memory m, long offset, int lane, int size) {
        long ea = at(m, stack[sp - 3], offset, size);
        int bit = lane * size * 8;
        wr(m, ea, size, stack[sp - 2 + (bit >>> 6)] >>> (bit & 63));
        return sp - 3;
    }

    /** {@code size} bytes (1, 2, 4 or 8) at {@code ea}, little-endian, sign-extended to a long. */
    static long read(ByteBuffer mem, int ea, int size) {
        return switch (size) {
            case 1 -> mem.get(ea);
            case 2 -> mem.getShort(ea);
            case 4 -> mem.getInt(ea);
            default -> mem.getLong(ea);
        };
    }

    /** The low {@code size} bytes (1, 2, 4 or 8) of {@code v} at {@code ea}, little-endian. */
    static void write(ByteBuffer mem, int ea, int size, long v) {
        switch (size) {
            case 1 -> mem.put(ea, (byte) v);
            case 2 -> mem.putShort(ea, (short) v);
            case 4 -> mem.putInt(ea, (int) v);
            default -> mem.putLong(ea, v);
        }
    }
}
