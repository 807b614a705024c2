package dev.sandpiper.interpreter;

/**
 * Memory, table and reference instructions for compiled code, public only for the {@code compiler}
 * module's generated code; not an API for hosts. Operands come first, in WebAssembly's order, then
 * the static immediates, then the memory or instance, so generated code calls them straight from
 * the operand stack. Checks and traps are the interpreter's.
 *
 * <p>Spec: 2.0, Execution > Instructions > Memory Instructions and Table Instructions,
 * {@code exec/instructions.html}. The effective address is the u32 operand plus the u32 offset,
 * checked once against the memory's size.
 */
public final class TierOps {
    private static final long MASK32 = 0xFFFFFFFFL;

    private TierOps() {}

    private static TrapException outOfBounds() {
        return new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
    }

    // ---- loads and stores: {@code offset} is the u32 immediate, zero-extended by the caller ----

    public static int I32_LOAD(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 4L) {
            throw outOfBounds();
        }
        return (int) MemoryViews.INT.get(m.bytes, (int) ea);
    }

    public static long I64_LOAD(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 8L) {
            throw outOfBounds();
        }
        return (long) MemoryViews.LONG.get(m.bytes, (int) ea);
    }

    public static int I32_LOAD8_S(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        return m.bytes[(int) ea];
    }

    public static int I32_LOAD8_U(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        return m.bytes[(int) ea] & 0xFF;
    }

    public static int I32_LOAD16_S(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        return (short) MemoryViews.SHORT.get(m.bytes, (int) ea);
    }

    public static int I32_LOAD16_U(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        return (short) MemoryViews.SHORT.get(m.bytes, (int) ea) & 0xFFFF;
    }

    public static long I64_LOAD8_S(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        return m.bytes[(int) ea];
    }

    public static long I64_LOAD8_U(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        return m.bytes[(int) ea] & 0xFFL;
    }

    public static long I64_LOAD16_S(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        return (short) MemoryViews.SHORT.get(m.bytes, (int) ea);
    }

    public static long I64_LOAD16_U(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        return (short) MemoryViews.SHORT.get(m.bytes, (int) ea) & 0xFFFFL;
    }

    public static long I64_LOAD32_S(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 4L) {
            throw outOfBounds();
        }
        return (int) MemoryViews.INT.get(m.bytes, (int) ea);
    }

    public static long I64_LOAD32_U(int addr, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 4L) {
            throw outOfBounds();
        }
        return (int) MemoryViews.INT.get(m.bytes, (int) ea) & MASK32;
    }

    public static void I32_STORE(int addr, int v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 4L) {
            throw outOfBounds();
        }
        MemoryViews.INT.set(m.bytes, (int) ea, v);
    }

    public static void I64_STORE(int addr, long v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 8L) {
            throw outOfBounds();
        }
        MemoryViews.LONG.set(m.bytes, (int) ea, v);
    }

    public static void I32_STORE8(int addr, int v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        m.bytes[(int) ea] = (byte) v;
    }

    public static void I32_STORE16(int addr, int v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        MemoryViews.SHORT.set(m.bytes, (int) ea, (short) v);
    }

    public static void I64_STORE8(int addr, long v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 1L) {
            throw outOfBounds();
        }
        m.bytes[(int) ea] = (byte) v;
    }

    public static void I64_STORE16(int addr, long v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 2L) {
            throw outOfBounds();
        }
        MemoryViews.SHORT.set(m.bytes, (int) ea, (short) v);
    }

    public static void I64_STORE32(int addr, long v, long offset, Memory m) {
        long ea = (addr & MASK32) + offset;
        if (ea > m.size - 4L) {
            throw outOfBounds();
        }
        MemoryViews.INT.set(m.bytes, (int) ea, (int) v);
    }

    // ---- memory size and growth, bulk memory ----

    public static int MEMORY_SIZE(Memory m) {
        return m.pages();
    }

    /** {@code memory.grow}: the old size or -1; polls the deadline, as growth copies memory. */
    public static int MEMORY_GROW(int delta, Instance inst) {
        return Bulk.grow(inst, delta);
    }

    public static void MEMORY_FILL(int d, int value, int n, Instance inst) {
        inst.memory.fill(d & MASK32, value, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void MEMORY_COPY(int d, int s, int n, Instance inst) {
        inst.memory.copy(d & MASK32, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void MEMORY_INIT(int d, int s, int n, Instance inst, int segment) {
        inst.memoryInit(segment, d & MASK32, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    // Spec 3.0, Execution > Instructions > Memory Instructions: the same operations on the memory
    // an instruction names (multiple memories). Memory 0 keeps the forms above; these serve the others,
    // as MemoryIndexedOps does for the interpreter.

    /** {@code memory.grow} on memory {@code mem}: the old size or -1; polls the deadline as {@link Bulk#grow}. */
    public static int MEMORY_GROW(int delta, Instance inst, int mem) {
        int old = inst.memories[mem].grow(delta);
        if (delta != 0) {
            inst.store().checkDeadline();
        }
        return old;
    }

    public static void MEMORY_FILL(int d, int value, int n, Instance inst, int mem) {
        inst.memories[mem].fill(d & MASK32, value, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.copy dst src}: from memory {@code src} into memory {@code dst}. */
    public static void MEMORY_COPY(int d, int s, int n, Instance inst, int dst, int src) {
        inst.memories[dst].copyFrom(inst.memories[src], d & MASK32, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.init segment mem}. */
    public static void MEMORY_INIT(int d, int s, int n, Instance inst, int segment, int mem) {
        inst.memoryInit(mem, segment, d & MASK32, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void DATA_DROP(Instance inst, int segment) {
        inst.dataDrop(segment);
    }

    // ---- tables and references ----

    public static long TABLE_GET(int i, Instance inst, int table) {
        return inst.tables[table].load(i);
    }

    public static void TABLE_SET(int i, long ref, Instance inst, int table) {
        inst.tables[table].set(i, ref);
    }

    public static int TABLE_SIZE(Instance inst, int table) {
        return inst.tables[table].size();
    }

    public static int TABLE_GROW(long init, int n, Instance inst, int table) {
        int old = inst.tables[table].grow(n, init);
        Bulk.pollIfLarge(inst, n);
        return old;
    }

    public static void TABLE_FILL(int i, long ref, int n, Instance inst, int table) {
        inst.tables[table].fill(i & MASK32, ref, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void TABLE_COPY(int d, int s, int n, Instance inst, int dst, int src) {
        Table.copy(inst.tables[dst], d & MASK32, inst.tables[src], s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void TABLE_INIT(int d, int s, int n, Instance inst, int table, int segment) {
        inst.tableInit(table, segment, d & MASK32, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    public static void ELEM_DROP(Instance inst, int segment) {
        inst.elemDrop(segment);
    }

    public static long REF_FUNC(Instance inst, int func) {
        return inst.functionHandle(func);
    }

    // ---- vector lanes: one 64-bit half of a v128 at a time, lane 0 in the low bits (VectorOps) ----
    // {@code sub} is the instruction's 0xFD sub-opcode; {@code bits} the lane width.

    public static long v128Splat(long x, int bits) {
        return VectorInts.splat(x, bits);
    }

    public static long v128Extract(long lo, long hi, int lane, int bits, boolean unsigned) {
        return VectorInts.extract(lo, hi, lane, bits, unsigned);
    }

    /** The half holding the lane at bit {@code shift} of it, that lane replaced by {@code x}. */
    public static long v128Replace(long half, int shift, int bits, long x) {
        return VectorInts.replace(half, shift, bits, x);
    }

    public static long v128Shuffle(long aLo, long aHi, long bLo, long bHi, long indices) {
        return VectorOps.shuffle(aLo, aHi, bLo, bHi, indices);
    }

    public static long v128Swizzle(long aLo, long aHi, long indices) {
        return VectorOps.swizzle(aLo, aHi, indices);
    }

    public static long v128IntBinary(int sub, int bits, long a, long b) {
        return VectorInts.binary(sub, bits, a, b);
    }

    public static long v128IntUnary(int sub, int bits, long a) {
        return VectorInts.unary(sub, bits, a);
    }

    public static long v128Shift(int sub, int bits, long a, int count) {
        return VectorInts.shift(sub, bits, a, count);
    }

    public static long v128ExtaddPairwise(long a, int bits, boolean signed) {
        return VectorInts.extaddPairwise(a, bits, signed);
    }

    public static long v128Dot(long a, long b) {
        return VectorInts.dot(a, b);
    }

    public static long v128Extend(int part, int bits, boolean signed) {
        return VectorInts.extend(part, bits, signed);
    }

    public static long v128Extmul(int a, int b, int bits, boolean signed) {
        return VectorInts.extmul(a, b, bits, signed);
    }

    public static long v128Narrow(long lo, long hi, int bits, boolean signed) {
        return VectorInts.narrow(lo, hi, bits, signed);
    }

    public static int v128Bitmask(long lo, long hi, int bits) {
        return VectorInts.bitmask(lo, hi, bits);
    }

    public static int v128AllTrue(long lo, long hi, int bits) {
        return VectorInts.allTrue(lo, hi, bits);
    }

    public static long f32x4Binary(int sub, long a, long b) {
        return VectorFloats.f32Binary(sub, a, b);
    }

    public static long f64x2Binary(int sub, long a, long b) {
        return VectorFloats.f64Binary(sub, a, b);
    }

    public static long f32x4Unary(int sub, long a) {
        return VectorFloats.f32Unary(sub, a);
    }

    public static long f64x2Unary(int sub, long a) {
        return VectorFloats.f64Unary(sub, a);
    }

    /** The low half of {@code demote_f64x2_zero} or {@code trunc_sat_f64x2_s/u_zero} (the high half is 0). */
    public static long v128FromF64x2(int sub, long lo, long hi) {
        return VectorFloats.fromF64x2(sub, lo, hi);
    }

    /** One f64 lane of {@code promote_low_f32x4} or {@code convert_low_i32x4_s/u} from 32-bit lane {@code i}. */
    public static long v128ToF64(int sub, int i) {
        return VectorFloats.toF64(sub, i);
    }
}
