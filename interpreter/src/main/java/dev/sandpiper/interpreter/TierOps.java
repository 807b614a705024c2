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
    /** As {@link Bulk}: bulk operations of this many bytes or elements poll the deadline when done. */
    private static final long LARGE = 1 << 16;

    private TierOps() {}

    private static int at(int addr, int offset, int width, Memory m) {
        long ea = (addr & MASK32) + (offset & MASK32);
        if (ea + width > m.size) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        return (int) ea;
    }

    // ---- loads ----

    public static int I32_LOAD(int addr, int offset, Memory m) {
        return (int) MemoryViews.INT.get(m.bytes, at(addr, offset, 4, m));
    }

    public static long I64_LOAD(int addr, int offset, Memory m) {
        return (long) MemoryViews.LONG.get(m.bytes, at(addr, offset, 8, m));
    }

    public static int I32_LOAD8_S(int addr, int offset, Memory m) {
        return m.bytes[at(addr, offset, 1, m)];
    }

    public static int I32_LOAD8_U(int addr, int offset, Memory m) {
        return m.bytes[at(addr, offset, 1, m)] & 0xFF;
    }

    public static int I32_LOAD16_S(int addr, int offset, Memory m) {
        return (short) MemoryViews.SHORT.get(m.bytes, at(addr, offset, 2, m));
    }

    public static int I32_LOAD16_U(int addr, int offset, Memory m) {
        return (short) MemoryViews.SHORT.get(m.bytes, at(addr, offset, 2, m)) & 0xFFFF;
    }

    public static long I64_LOAD8_S(int addr, int offset, Memory m) {
        return m.bytes[at(addr, offset, 1, m)];
    }

    public static long I64_LOAD8_U(int addr, int offset, Memory m) {
        return m.bytes[at(addr, offset, 1, m)] & 0xFFL;
    }

    public static long I64_LOAD16_S(int addr, int offset, Memory m) {
        return (short) MemoryViews.SHORT.get(m.bytes, at(addr, offset, 2, m));
    }

    public static long I64_LOAD16_U(int addr, int offset, Memory m) {
        return (short) MemoryViews.SHORT.get(m.bytes, at(addr, offset, 2, m)) & 0xFFFFL;
    }

    public static long I64_LOAD32_S(int addr, int offset, Memory m) {
        return (int) MemoryViews.INT.get(m.bytes, at(addr, offset, 4, m));
    }

    public static long I64_LOAD32_U(int addr, int offset, Memory m) {
        return (int) MemoryViews.INT.get(m.bytes, at(addr, offset, 4, m)) & MASK32;
    }

    // ---- stores ----

    public static void I32_STORE(int addr, int v, int offset, Memory m) {
        MemoryViews.INT.set(m.bytes, at(addr, offset, 4, m), v);
    }

    public static void I64_STORE(int addr, long v, int offset, Memory m) {
        MemoryViews.LONG.set(m.bytes, at(addr, offset, 8, m), v);
    }

    public static void I32_STORE8(int addr, int v, int offset, Memory m) {
        m.bytes[at(addr, offset, 1, m)] = (byte) v;
    }

    public static void I32_STORE16(int addr, int v, int offset, Memory m) {
        MemoryViews.SHORT.set(m.bytes, at(addr, offset, 2, m), (short) v);
    }

    public static void I64_STORE8(int addr, long v, int offset, Memory m) {
        m.bytes[at(addr, offset, 1, m)] = (byte) v;
    }

    public static void I64_STORE16(int addr, long v, int offset, Memory m) {
        MemoryViews.SHORT.set(m.bytes, at(addr, offset, 2, m), (short) v);
    }

    public static void I64_STORE32(int addr, long v, int offset, Memory m) {
        MemoryViews.INT.set(m.bytes, at(addr, offset, 4, m), (int) v);
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
        pollIfLarge(n, inst);
    }

    public static void MEMORY_COPY(int d, int s, int n, Instance inst) {
        inst.memory.copy(d & MASK32, s & MASK32, n & MASK32);
        pollIfLarge(n, inst);
    }

    public static void MEMORY_INIT(int d, int s, int n, Instance inst, int segment) {
        inst.memoryInit(segment, d & MASK32, s & MASK32, n & MASK32);
        pollIfLarge(n, inst);
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
        pollIfLarge(n, inst);
        return old;
    }

    public static void TABLE_FILL(int i, long ref, int n, Instance inst, int table) {
        inst.tables[table].fill(i & MASK32, ref, n & MASK32);
        pollIfLarge(n, inst);
    }

    public static void TABLE_COPY(int d, int s, int n, Instance inst, int dst, int src) {
        Table.copy(inst.tables[dst], d & MASK32, inst.tables[src], s & MASK32, n & MASK32);
        pollIfLarge(n, inst);
    }

    public static void TABLE_INIT(int d, int s, int n, Instance inst, int table, int segment) {
        inst.tableInit(table, segment, d & MASK32, s & MASK32, n & MASK32);
        pollIfLarge(n, inst);
    }

    public static void ELEM_DROP(Instance inst, int segment) {
        inst.elemDrop(segment);
    }

    public static long REF_FUNC(Instance inst, int func) {
        return inst.functionHandle(func);
    }

    private static void pollIfLarge(int n, Instance inst) {
        if ((n & MASK32) >= LARGE) {
            inst.store().checkDeadline();
        }
    }
}
