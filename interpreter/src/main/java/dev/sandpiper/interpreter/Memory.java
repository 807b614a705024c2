package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A linear memory: a little-endian heap {@link ByteBuffer} of whole 64 KiB pages, bounded by the
 * module's declared maximum and by the store's {@link ExecutionLimits#maxMemoryPages()}.
 *
 * <p>The buffer is exactly the memory's current size; its backing array may be larger. Growth
 * within the array only makes a larger view; beyond it, the array is reallocated at twice its size
 * (capped at the limit) and copied, so even a guest growing one page at a time copies O(size) bytes
 * in all. Memory is allocated as the guest grows, never up front and never past the limit, which
 * matters when many instances share a host (a pool of transforms each capped at 16 MiB but using
 * one). A memory of an instance reserves its backing array from its store's {@link MemoryBudget};
 * a grow the budget or the heap refuses returns -1, after trying the exact size instead of double.
 * The accessors below are for hosts; out-of-bounds access traps with "out of bounds memory
 * access".
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Memory Instances, {@code exec/runtime.html#memory-instances}.
 */
public final class Memory implements Extern {
    public static final int PAGE_SIZE = 65536;
    /** log2 of the chunk size of a 64-bit memory ({@link MemoryChunks}): 1 GiB. */
    static final int CHUNK_SHIFT = 30;
    /** A 32-bit memory's one chunk, its whole array: every address is below 2^31. */
    private static final int SINGLE_CHUNK_SHIFT = 31;

    private final Limits declared;
    /** Whether the address type is i64 (3.0 memory64): addresses, sizes and deltas are then u64. */
    final boolean address64;
    private final int maxPages;
    ByteBuffer buffer;
    /** The buffer's backing array and the memory's size in bytes, for the compiled tier's accesses. */
    byte[] bytes;
    int size;
    /**
     * The memory as {@link MemoryChunks}: for a 32-bit memory its array as one chunk; for a 64-bit
     * memory chunks of 2^{@link #chunkShift} bytes, chunk 0 being {@link #bytes}, which with
     * {@link #buffer} and {@link #size} then describe only that chunk's part.
     */
    byte[][] chunks;
    final int chunkShift;
    /** The memory's size in bytes. */
    long size64;
    private int pages;
    private int deniedGrows;
    /** Bytes copied into larger backing arrays by grows, so far (see {@link #bytesCopiedGrowing()}). */
    private long bytesCopiedGrowing;
    private final MemoryBudget.Holding holding;
    /** Shared with the other memories of the instance that defined this one; null for a host's memory. */
    private final PageAllowance allowance;

    /**
     * A memory of the given type, its growth capped at {@code limitPages}, outside any budget.
     *
     * @throws IllegalArgumentException if the type's minimum exceeds the cap or cannot be allocated
     */
    public Memory(MemoryType type, int limitPages) {
        this(type, limitPages, (Store) null);
    }

    /**
     * A memory whose backing array is reserved from {@code store}'s budget (null for none).
     *
     * @throws IllegalArgumentException if the type's minimum exceeds the cap, does not fit the
     *     budget, or cannot be allocated
     */
    Memory(MemoryType type, int limitPages, Store store) {
        this(type, limitPages, store, null);
    }

    /**
     * A memory of an instance: its pages also count against {@code allowance}, the instance's limit
     * for all its memories together (null for none).
     *
     * @throws IllegalArgumentException as above, or if the initial pages do not fit the allowance
     */
    Memory(MemoryType type, int limitPages, Store store, PageAllowance allowance) {
        this(type, limitPages, store, allowance, CHUNK_SHIFT);
    }

    /**
     * As above, a 64-bit memory held in chunks of 2^{@code chunkShift} bytes (16 to 30; tests use
     * small chunks to cross chunk boundaries in small memories).
     */
    Memory(MemoryType type, int limitPages, Store store, PageAllowance allowance, int chunkShift) {
        this.declared = type.limits();
        this.address64 = declared.address64();
        this.chunkShift = address64 ? chunkShift : SINGLE_CHUNK_SHIFT;
        this.allowance = allowance;
        this.holding = store == null ? null : store.hold(this);
        int most = address64 ? ExecutionLimits.MAX_MEMORY64_PAGES : ExecutionLimits.MAX_MEMORY_PAGES;
        long cap = Math.min(limitPages, most);
        if (declared.hasMax() && Long.compareUnsigned(declared.max(), cap) < 0) {
            cap = declared.max();
        }
        if (Long.compareUnsigned(declared.min(), cap) > 0) {
            throw new IllegalArgumentException("memory of " + Long.toUnsignedString(declared.min())
                    + " pages exceeds the limit of "
                    + Math.min(limitPages, most) + " pages");
        }
        this.maxPages = (int) cap;
        this.pages = (int) declared.min();
        if (allowance != null && !allowance.take(pages)) {
            throw new IllegalArgumentException("memories of " + (allowance.used() + pages)
                    + " pages in all exceed the limit of " + allowance.limit() + " pages");
        }
        long initial = (long) pages * PAGE_SIZE;
        byte[] array = address64 ? null : allocate(initial, 0);
        if (address64) {
            chunks = new byte[0][];
        }
        if (address64 ? !growChunks(initial) : array == null) {
            throw new IllegalArgumentException("memory of " + pages + " pages (" + MemoryBudget.mib(initial)
                    + " MiB) cannot be allocated: " + (holding == null ? "the JVM heap is exhausted"
                    : "the memory budget has " + holding.budget().describe()));
        }
        if (!address64) {
            setArray(array, (int) initial);
        }
    }

    /** A 32-bit memory's (or a 64-bit memory's chunk 0's) array and size in bytes. */
    private void setArray(byte[] array, int size) {
        this.buffer = view(array, size);
        this.bytes = array;
        this.size = size;
        if (!address64) {
            this.chunks = new byte[][] {array};
            this.size64 = size;
        }
    }

    /**
     * Grows a 64-bit memory's chunks to hold {@code newSize} bytes: each chunk short of its part
     * is reallocated at twice its length (capped at the chunk size and at the memory's limit, the
     * exact length when the budget or the heap refuses that) and copied, so growing page by page
     * copies O(size) in all and nothing is allocated past the limit. False when an allocation is
     * refused; chunks already enlarged stay so (zeroed past the size, which bounds every access).
     */
    private boolean growChunks(long newSize) {
        long chunkSize = 1L << chunkShift;
        long limit = (long) maxPages * PAGE_SIZE;
        int n = (int) ((newSize + chunkSize - 1) >>> chunkShift);
        byte[][] grown = n > chunks.length ? java.util.Arrays.copyOf(chunks, n) : chunks;
        chunks = grown;
        for (int i = 0; i < n; i++) {
            long start = (long) i << chunkShift;
            int needed = (int) Math.min(chunkSize, newSize - start);
            byte[] old = grown[i];
            int oldLength = old == null ? 0 : old.length;
            if (oldLength >= needed) {
                continue;
            }
            long capacity = Math.min(Math.min(chunkSize, limit - start), Math.max(needed, 2L * oldLength));
            byte[] bigger = allocate(capacity, oldLength);
            if (bigger == null && capacity > needed) {
                bigger = allocate(needed, oldLength);
            }
            if (bigger == null) {
                return false;
            }
            if (old != null) {
                System.arraycopy(old, 0, bigger, 0, oldLength);
                bytesCopiedGrowing += oldLength;
            }
            grown[i] = bigger;
        }
        byte[] first = n == 0 ? new byte[0] : grown[0];
        setArray(first, (int) Math.min(newSize, first.length));
        size64 = newSize;
        return true;
    }

    /**
     * A zeroed array of {@code length} bytes replacing one of {@code oldLength}, its growth reserved
     * in the budget first; null when the budget or the heap refuses.
     */
    private byte[] allocate(long length, int oldLength) {
        long more = length - oldLength;
        if (holding != null && !holding.grow(more)) {
            return null;
        }
        try {
            return new byte[(int) length];
        } catch (OutOfMemoryError heapFull) {
            if (holding != null) {
                holding.shrink(more);
            }
            return null;
        }
    }

    /** A little-endian buffer of exactly {@code size} bytes over the start of {@code array}. */
    private static ByteBuffer view(byte[] array, int size) {
        return ByteBuffer.wrap(array).slice(0, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Gives the budget back what this memory reserved; it refuses to grow afterwards. */
    void release() {
        if (holding != null) {
            holding.close();
        }
    }

    /** Current size in pages. */
    public int pages() {
        return pages;
    }

    /** Current size in bytes, at most 2^31 - 1 ({@link #byteSize64()} for a larger 64-bit memory). */
    public int byteSize() {
        return (int) Math.min(size64, Integer.MAX_VALUE);
    }

    /** Current size in bytes. */
    public long byteSize64() {
        return size64;
    }

    /** Most pages this memory can grow to. */
    public int maxPages() {
        return maxPages;
    }

    /** The limits import matching sees: current size, declared maximum, address type. */
    public Limits limits() {
        return declared.withMin(pages);
    }

    /** Whether the address type is i64 (3.0 memory64). */
    public boolean address64() {
        return address64;
    }

    /**
     * {@code memory.grow} of a 64-bit memory: {@code delta} is a u64 page count. Returns the old
     * size in pages, or -1 (all ones, i64) when the result would pass the maximum or the limit.
     * Spec: 3.0, Execution > Instructions > Memory Instructions, {@code memory.grow}.
     */
    public long grow64(long delta) {
        if (Long.compareUnsigned(delta, maxPages - pages) > 0) {
            deniedGrows++;
            return -1;
        }
        return grow((int) delta);
    }

    /**
     * {@code memory.grow}: adds {@code delta} pages (u32), zeroed. Returns the old size in pages,
     * or -1 (leaving the memory as it was) when the result would pass the maximum or the limit.
     */
    public int grow(int delta) {
        long wanted = pages + Integer.toUnsignedLong(delta);
        if (wanted > maxPages) {
            deniedGrows++;
            return -1;
        }
        if (delta != 0 && allowance != null && !allowance.take(Integer.toUnsignedLong(delta))) {
            deniedGrows++;
            return -1;
        }
        int old = pages;
        if (delta != 0 && address64) {
            if (!growChunks(wanted * PAGE_SIZE)) {
                if (allowance != null) {
                    allowance.give(Integer.toUnsignedLong(delta));
                }
                deniedGrows++;
                return -1;
            }
            pages = (int) wanted;
        } else if (delta != 0) {
            int size = (int) wanted * PAGE_SIZE;
            byte[] array = buffer.array();
            if (size > array.length) {
                // Double the backing array (up to the cap), so growing page by page copies O(size) in
                // all, not O(size^2); when the budget or the heap refuses that, the exact size.
                long capacity = Math.max(size, Math.min(2L * array.length, (long) maxPages * PAGE_SIZE));
                byte[] bigger = allocate(capacity, array.length);
                if (bigger == null && capacity > size) {
                    bigger = allocate(size, array.length);
                }
                if (bigger == null) {
                    if (allowance != null) {
                        allowance.give(Integer.toUnsignedLong(delta));
                    }
                    deniedGrows++;
                    return -1;
                }
                System.arraycopy(array, 0, bigger, 0, buffer.capacity());
                bytesCopiedGrowing += buffer.capacity();
                array = bigger;
            }
            setArray(array, size);
            pages = (int) wanted;
        }
        return old;
    }

    /** How many {@code memory.grow} requests the cap has refused so far. */
    public int deniedGrows() {
        return deniedGrows;
    }

    /**
     * How many bytes grows have copied from an outgrown backing array into a larger one, so far:
     * what the doubling keeps at O(size) in all (for tests).
     */
    long bytesCopiedGrowing() {
        return bytesCopiedGrowing;
    }

    // ---- host access (a 64-bit memory's through its chunks) ----

    private long check(long address, long length) {
        if (address < 0 || length < 0 || address + length > size64) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS,
                    "host access of " + length + " bytes at " + address + " in a memory of " + size64 + " bytes");
        }
        return address;
    }

    public byte readByte(long address) {
        return (byte) MemoryChunks.read(chunks, chunkShift, check(address, 1), 1);
    }

    public int readInt(long address) {
        return (int) MemoryChunks.read(chunks, chunkShift, check(address, 4), 4);
    }

    public long readLong(long address) {
        return MemoryChunks.read(chunks, chunkShift, check(address, 8), 8);
    }

    /** Copies {@code length} bytes starting at {@code address}. */
    public byte[] readBytes(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    /** Copies into {@code dst[offset, offset+length)}. */
    public void read(long address, byte[] dst, int offset, int length) {
        MemoryChunks.get(chunks, chunkShift, check(address, length), dst, offset, length);
    }

    /** Decodes {@code length} bytes as UTF-8, malformed sequences becoming U+FFFD. */
    public String readString(long address, int length) {
        long at = check(address, length);
        if (!address64) {
            return new String(bytes, (int) at, length, StandardCharsets.UTF_8);
        }
        return new String(readBytes(at, length), StandardCharsets.UTF_8);
    }

    public void writeByte(long address, byte value) {
        MemoryChunks.write(chunks, chunkShift, check(address, 1), 1, value);
    }

    public void writeInt(long address, int value) {
        MemoryChunks.write(chunks, chunkShift, check(address, 4), 4, value);
    }

    public void writeLong(long address, long value) {
        MemoryChunks.write(chunks, chunkShift, check(address, 8), 8, value);
    }

    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    public void write(long address, byte[] src, int offset, int length) {
        MemoryChunks.put(chunks, chunkShift, check(address, length), src, offset, length);
    }

    // ---- bulk instructions (spec 2.0, Execution > Instructions > Memory Instructions) ----

    void fill(long d, int value, long n) {
        checkInstr(d, n);
        if (address64) {
            MemoryChunks.fill(chunks, chunkShift, d, n, (byte) value);
        } else {
            java.util.Arrays.fill(bytes, (int) d, (int) (d + n), (byte) value);
        }
    }

    void copy(long d, long s, long n) {
        copyFrom(this, d, s, n);
    }

    /**
     * {@code memory.copy} from memory {@code src} into this one (3.0: the two may differ, and so
     * may their address types; both ranges are checked before anything is copied). Spec: 3.0,
     * Execution > Memory Instructions.
     */
    void copyFrom(Memory src, long d, long s, long n) {
        checkInstr(d, n);
        src.checkInstr(s, n);
        if (address64 || src.address64) {
            MemoryChunks.copy(src.chunks, src.chunkShift, s, chunks, chunkShift, d, n);
        } else {
            System.arraycopy(src.bytes, (int) s, bytes, (int) d, (int) n);
        }
    }

    void init(long d, byte[] data, long s, long n) {
        if (s + n > data.length) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
        checkInstr(d, n);
        MemoryChunks.put(chunks, chunkShift, d, data, (int) s, (int) n);
    }

    /**
     * Checks {@code length} bytes at {@code address}, both raw u32 or u64 bits: a 64-bit value of
     * 2^63 or more (negative here) is past any memory, and the sum of two smaller ones cannot wrap.
     */
    private void checkInstr(long address, long length) {
        if ((address | length) < 0 || address + length > size64) {
            throw new TrapException(TrapKind.MEMORY_OUT_OF_BOUNDS);
        }
    }
}
