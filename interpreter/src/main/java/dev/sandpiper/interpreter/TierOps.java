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

    public static void DATA_DROP(Instance inst, int segment) {
        inst.dataDrop(segment);
    }

    // ---- tables and references ----

    public static long TABLE_GET(int i, Instance inst, int table) {
        return inst.tables[table].get(i);
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
}
