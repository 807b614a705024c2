package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.Opcode;
import java.nio.ByteBuffer;

/**
 * Memory instructions on a memory other than memory 0 (3.0's multiple memories) or on a 64-bit
 * memory (3.0's memory64), handed off by the interpreter loop in stack form as
 * {@code [MEMORY_X op mem x offLo offHi top]}: {@code op} the Wasm opcode's ordinal, {@code mem}
 * the memory (the destination of {@code memory.copy}), {@code x} the source memory of
 * {@code memory.copy} or the data segment of {@code memory.init}, {@code offLo offHi} a load's or
 * store's static offset (a u64), and the operands just below slot {@code top}, where a result
 * replaces them. A 32-bit memory 0 keeps its register-form ops with the heap in locals of the loop:
 * code that uses only such a memory runs exactly as before, and a rarer access to another memory
 * pays a call and an array lookup, nothing allocated.
 *
 * <p>Spec: 3.0, Execution > Instructions > Memory Instructions, {@code exec/instructions.html}: the
 * same semantics as for memory 0, on the memory the instruction names; addresses, sizes and
 * deltas have the memory's address type, so a 64-bit memory's are u64 and a 32-bit one's u32.
 */
final class MemoryIndexedOps {
    private static final long MASK32 = 0xFFFFFFFFL;
    private static final Opcode[] OPCODES = Opcode.values();

    private MemoryIndexedOps() {}

    /** Executes the {@code MEMORY_X} whose immediates start at {@code code[at]}, in the frame at {@code fp}. */
    static void execute(Instance inst, int[] code, int at, long[] stack, int fp) {
        Opcode op = OPCODES[code[at]];
        Memory m = inst.memories[code[at + 1]];
        int x = code[at + 2];
        long offset = (code[at + 3] & MASK32) | ((long) code[at + 4] << 32);
        int top = fp + code[at + 5];
        switch (op) {
            case MEMORY_SIZE -> stack[top] = m.pages();
            case MEMORY_GROW -> {
                long delta = stack[top - 1];
                stack[top - 1] = m.address64 ? m.grow64(delta) : m.grow((int) delta);
                if (delta != 0) {
                    inst.store().checkDeadline();
                }
            }
            case MEMORY_FILL -> {
                m.fill(address(m, stack[top - 3]), (int) stack[top - 2], address(m, stack[top - 1]));
                Bulk.pollIfLarge(inst, stack[top - 1]);
            }
            case MEMORY_COPY -> {
                Memory src = inst.memories[x];
                // 3.0: the length has the narrower of the two address types
                long n = m.address64 && src.address64 ? stack[top - 1] : stack[top - 1] & MASK32;
                m.copyFrom(src, address(m, stack[top - 3]), address(src, stack[top - 2]), n);
                Bulk.pollIfLarge(inst, stack[top - 1]);
            }
            case MEMORY_INIT -> {
                inst.memoryInit(code[at + 1], x, address(m, stack[top - 3]), stack[top - 2] & MASK32,
                        stack[top - 1] & MASK32);
                Bulk.pollIfLarge(inst, stack[top - 1]);
            }
            default -> access(op, m, offset, stack, top);
        }
    }

    /** An operand of {@code m}'s address type as raw bits: u32 zero-extended, or the u64 as it is. */
    private static long address(Memory m, long operand) {
        return m.address64 ? operand : operand & MASK32;
    }

    /**
     * The effective address {@code base + offset} of an access of {@code bytes} bytes, both u64
     * bits, or a trap when the access does not lie within the memory: the sum is not wrapped
     * (spec 3.0, Execution > Memory Instructions: {@code ea = i + memarg.offset}, trapping when
     * {@code ea + N} exceeds the memory's size, here compared unsigned so that neither a base nor
     * an offset of 2^63 or more can wrap into range).
     */
    static long effectiveAddress(long base, long offset, int bytes, long size) {
        if (Long.compareUnsigned(base, size) > 0 || Long.compareUnsigned(offset, size) > 0
                || base + offset + bytes > size) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        return base + offset;
    }

    /** A load (address at {@code top - 1}, replaced by the value) or a store (address, value). */
    private static void access(Opcode op, Memory m, long offset, long[] stack, int top) {
        boolean store = op.pushCount() == 0;
        int a = store ? top - 2 : top - 1;
        long ea = effectiveAddress(address(m, stack[a]), offset, op.memoryBytes(), m.size64);
        if (m.address64) {
            chunked(op, m, ea, stack, a, stack[top - 1]);
            return;
        }
        ByteBuffer b = m.buffer;
        int i = (int) ea;
        long v = stack[top - 1];
        switch (op) {
            case I32_LOAD, F32_LOAD, I64_LOAD32_S -> stack[a] = b.getInt(i);
            case I64_LOAD, F64_LOAD -> stack[a] = b.getLong(i);
            case I32_LOAD8_S, I64_LOAD8_S -> stack[a] = b.get(i);
            case I32_LOAD8_U, I64_LOAD8_U -> stack[a] = b.get(i) & 0xFF;
            case I32_LOAD16_S, I64_LOAD16_S -> stack[a] = b.getShort(i);
            case I32_LOAD16_U, I64_LOAD16_U -> stack[a] = b.getShort(i) & 0xFFFF;
            case I64_LOAD32_U -> stack[a] = b.getInt(i) & MASK32;
            case I32_STORE, F32_STORE, I64_STORE32 -> b.putInt(i, (int) v);
            case I64_STORE, F64_STORE -> b.putLong(i, v);
            case I32_STORE8, I64_STORE8 -> b.put(i, (byte) v);
            case I32_STORE16, I64_STORE16 -> b.putShort(i, (short) v);
            default -> throw new IllegalStateException("no implementation for " + op + " on another memory");
        }
    }

    /** A load or store on a 64-bit memory, through its chunks ({@link MemoryChunks}). */
    private static void chunked(Opcode op, Memory m, long ea, long[] stack, int a, long v) {
        int n = op.memoryBytes();
        if (op.pushCount() == 0) {
            MemoryChunks.write(m.chunks, m.chunkShift, ea, n, v);
            return;
        }
        long x = MemoryChunks.read(m.chunks, m.chunkShift, ea, n);
        stack[a] = switch (op) {
            case I32_LOAD8_U, I64_LOAD8_U -> x & 0xFF;
            case I32_LOAD16_U, I64_LOAD16_U -> x & 0xFFFF;
            case I64_LOAD32_U -> x & MASK32;
            default -> x;
        };
    }
}
