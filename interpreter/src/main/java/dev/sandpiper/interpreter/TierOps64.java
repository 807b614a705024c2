package dev.sandpiper.interpreter;

/**
 * The compiled tier's operations on 64-bit memories and tables (3.0 memory64), with the
 * interpreter's semantics ({@link MemoryIndexedOps}, {@link Bulk}): addresses, indices, sizes and
 * deltas of the i64 address type arrive as longs (u64 bits), those of an i32 one as ints, and a
 * copy's length has the narrower type. Every access goes through the memory's chunks
 * ({@link MemoryChunks}), so these serve memories past 2 GiB too; 32-bit memories keep
 * {@link TierMemory} and {@link TierOps}, untouched.
 *
 * <p>Spec: 3.0, Execution > Instructions > Memory Instructions, Table Instructions.
 */
public final class TierOps64 {
    private static final long MASK32 = 0xFFFFFFFFL;

    private TierOps64() {}

    /** The checked effective address of {@code n} bytes at {@code addr + offset} (both u64, not wrapped). */
    private static long ea(long addr, long offset, int n, Memory m) {
        return MemoryIndexedOps.effectiveAddress(addr, offset, n, m.size64);
    }

    private static long load(long addr, long offset, int n, Memory m) {
        return MemoryChunks.read(m.chunks, m.chunkShift, ea(addr, offset, n, m), n);
    }

    private static void store(long addr, long offset, int n, Memory m, long v) {
        MemoryChunks.write(m.chunks, m.chunkShift, ea(addr, offset, n, m), n, v);
    }

    // ---- loads and stores (f32 and f64 as i32 and i64 bits) ----

    public static int I32_LOAD(long a, long offset, Memory m) {
        return (int) load(a, offset, 4, m);
    }

    public static long I64_LOAD(long a, long offset, Memory m) {
        return load(a, offset, 8, m);
    }

    public static int I32_LOAD8_S(long a, long offset, Memory m) {
        return (int) load(a, offset, 1, m);
    }

    public static int I32_LOAD8_U(long a, long offset, Memory m) {
        return (int) load(a, offset, 1, m) & 0xFF;
    }

    public static int I32_LOAD16_S(long a, long offset, Memory m) {
        return (int) load(a, offset, 2, m);
    }

    public static int I32_LOAD16_U(long a, long offset, Memory m) {
        return (int) load(a, offset, 2, m) & 0xFFFF;
    }

    public static long I64_LOAD8_S(long a, long offset, Memory m) {
        return load(a, offset, 1, m);
    }

    public static long I64_LOAD8_U(long a, long offset, Memory m) {
        return load(a, offset, 1, m) & 0xFF;
    }

    public static long I64_LOAD16_S(long a, long offset, Memory m) {
        return load(a, offset, 2, m);
    }

    public static long I64_LOAD16_U(long a, long offset, Memory m) {
        return load(a, offset, 2, m) & 0xFFFF;
    }

    public static long I64_LOAD32_S(long a, long offset, Memory m) {
        return load(a, offset, 4, m);
    }

    public static long I64_LOAD32_U(long a, long offset, Memory m) {
        return load(a, offset, 4, m) & MASK32;
    }

    public static void I32_STORE(long a, int v, long offset, Memory m) {
        store(a, offset, 4, m, v);
    }

    public static void I64_STORE(long a, long v, long offset, Memory m) {
        store(a, offset, 8, m, v);
    }

    public static void I32_STORE8(long a, int v, long offset, Memory m) {
        store(a, offset, 1, m, v);
    }

    public static void I32_STORE16(long a, int v, long offset, Memory m) {
        store(a, offset, 2, m, v);
    }

    public static void I64_STORE8(long a, long v, long offset, Memory m) {
        store(a, offset, 1, m, v);
    }

    public static void I64_STORE16(long a, long v, long offset, Memory m) {
        store(a, offset, 2, m, v);
    }

    public static void I64_STORE32(long a, long v, long offset, Memory m) {
        store(a, offset, 4, m, v);
    }

    // ---- memory.size, grow, fill, copy, init ----

    public static long MEMORY_SIZE(Memory m) {
        return m.pages();
    }

    /** {@code memory.grow} of memory {@code mem}: the old size or -1; polls the deadline as {@link Bulk#grow}. */
    public static long MEMORY_GROW(long delta, Instance inst, int mem) {
        long old = inst.memories[mem].grow64(delta);
        if (delta != 0) {
            inst.store().checkDeadline();
        }
        return old;
    }

    public static void MEMORY_FILL(long d, int value, long n, Instance inst, int mem) {
        inst.memories[mem].fill(d, value, n);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.copy dst src} between two 64-bit memories. */
    public static void MEMORY_COPY(long d, long s, long n, Instance inst, int dst, int src) {
        inst.memories[dst].copyFrom(inst.memories[src], d, s, n);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.copy} from a 32-bit memory into a 64-bit one: the length is an i32. */
    public static void MEMORY_COPY(long d, int s, int n, Instance inst, int dst, int src) {
        inst.memories[dst].copyFrom(inst.memories[src], d, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.copy} from a 64-bit memory into a 32-bit one: the length is an i32. */
    public static void MEMORY_COPY(int d, long s, int n, Instance inst, int dst, int src) {
        inst.memories[dst].copyFrom(inst.memories[src], d & MASK32, s, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code memory.init segment mem}: the destination is an i64, the segment's range i32s. */
    public static void MEMORY_INIT(long d, int s, int n, Instance inst, int segment, int mem) {
        inst.memoryInit(mem, segment, d, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    // ---- vector accesses (the compiled tier's V128 with an i64 address) ----

    /** The checked effective address of a vector access of {@code size} bytes, before anything moves. */
    public static long v128Address(long addr, long offset, int size, Memory m) {
        return ea(addr, offset, size, m);
    }

    /** {@code size} bytes (1, 2, 4 or 8) at a checked address, sign-extended. */
    public static long v128Read(Memory m, long ea, int size) {
        return MemoryChunks.read(m.chunks, m.chunkShift, ea, size);
    }

    /** Writes the low {@code size} bytes (1, 2, 4 or 8) of {@code v} at a checked address. */
    public static void v128Write(Memory m, long ea, int size, long v) {
        MemoryChunks.write(m.chunks, m.chunkShift, ea, size, v);
    }

    // ---- 64-bit tables ----

    /** {@code call_indirect}'s u64 index as an int, or the "undefined element" trap past the table. */
    public static int TABLE_INDEX(long i, Instance inst, int table) {
        if (i < 0 || i >= inst.tables[table].size()) {
            throw new TrapException(TrapKind.UNDEFINED_ELEMENT, i);
        }
        return (int) i;
    }

    public static long TABLE_GET(long i, Instance inst, int table) {
        Table t = inst.tables[table];
        return t.load(t.index(i));
    }

    public static void TABLE_SET(long i, long ref, Instance inst, int table) {
        Table t = inst.tables[table];
        t.set(t.index(i), ref);
    }

    public static long TABLE_SIZE(Instance inst, int table) {
        return inst.tables[table].size();
    }

    public static long TABLE_GROW(long init, long n, Instance inst, int table) {
        long old = inst.tables[table].grow64(n, init);
        Bulk.pollIfLarge(inst, n);
        return old;
    }

    public static void TABLE_FILL(long i, long ref, long n, Instance inst, int table) {
        inst.tables[table].fill(i, ref, n);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code table.copy dst src} between two 64-bit tables. */
    public static void TABLE_COPY(long d, long s, long n, Instance inst, int dst, int src) {
        Table.copy(inst.tables[dst], d, inst.tables[src], s, n);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code table.copy} from a 32-bit table into a 64-bit one: the length is an i32. */
    public static void TABLE_COPY(long d, int s, int n, Instance inst, int dst, int src) {
        Table.copy(inst.tables[dst], d, inst.tables[src], s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code table.copy} from a 64-bit table into a 32-bit one: the length is an i32. */
    public static void TABLE_COPY(int d, long s, int n, Instance inst, int dst, int src) {
        Table.copy(inst.tables[dst], d & MASK32, inst.tables[src], s, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }

    /** {@code table.init}: the destination is an i64, the segment's range i32s. */
    public static void TABLE_INIT(long d, int s, int n, Instance inst, int table, int segment) {
        inst.tableInit(table, segment, d, s & MASK32, n & MASK32);
        Bulk.pollIfLarge(inst, n);
    }
}
