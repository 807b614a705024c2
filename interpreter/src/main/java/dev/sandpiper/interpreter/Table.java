package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;

/**
 * A table of references. Elements are reference handles as the interpreter keeps them: a function
 * reference is its handle in the {@link Store} ({@link Store#function(long)}), an external reference
 * is the host's 64-bit value, and null is {@link #NULL}.
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Table Instances, {@code exec/runtime.html#table-instances}.
 */
public final class Table implements Extern {
    /** The null reference. */
    public static final long NULL = -1;

    private final ValType elementType;
    private final Limits declared;
    /** Whether the address type is i64 (3.0 table64). */
    final boolean address64;
    private final int heapId;
    private final long maxSize;
    long[] elements;
    private final MemoryBudget.Holding holding;
    /** The store whose instance defined this table, which {@link #get} tells of references it hands out; or null. */
    private final Store store;

    /**
     * A table outside any budget.
     *
     * @throws IllegalArgumentException if the type's minimum exceeds {@code limitElements} or cannot
     *     be allocated
     */
    public Table(TableType type, int limitElements) {
        this(type, limitElements, (Store) null);
    }

    /** A table whose elements (8 bytes each) are reserved from {@code store}'s budget (null for none). */
    Table(TableType type, int limitElements, Store store) {
        this(type, limitElements, store, -1);
    }

    /**
     * As above; {@code heapId} is the closed id ({@link dev.sandpiper.decoder.model.DefinedTypes})
     * of the element type's type index in the defining module when it has one, else -1.
     */
    Table(TableType type, int limitElements, Store store, int heapId) {
        this.heapId = heapId;
        this.elementType = type.elementType();
        this.declared = type.limits();
        this.address64 = declared.address64();
        this.holding = store == null ? null : store.hold(this);
        this.store = store;
        long cap = limitElements;
        if (declared.hasMax() && Long.compareUnsigned(declared.max(), cap) < 0) {
            cap = declared.max(); // unsigned: a 64-bit table's maximum may be up to 2^64-1 (3.0)
        }
        if (Long.compareUnsigned(declared.min(), limitElements) > 0) {
            throw new IllegalArgumentException("table of " + Long.toUnsignedString(declared.min())
                    + " elements exceeds the limit of "
                    + limitElements + " elements");
        }
        this.maxSize = cap;
        long[] initial = allocate((int) declared.min(), 0);
        if (initial == null) {
            throw new IllegalArgumentException("table of " + declared.min() + " elements cannot be allocated: "
                    + (holding == null ? "the JVM heap is exhausted"
                    : "the memory budget has " + holding.budget().describe()));
        }
        this.elements = initial;
        Arrays.fill(elements, NULL);
    }

    /** A new element array of {@code length}, copying the current one; null when refused. */
    private long[] allocate(int length, int oldLength) {
        long more = 8L * (length - oldLength);
        if (holding != null && !holding.grow(more)) {
            return null;
        }
        try {
            return elements == null ? new long[length] : Arrays.copyOf(elements, length);
        } catch (OutOfMemoryError heapFull) {
            if (holding != null) {
                holding.shrink(more);
            }
            return null;
        }
    }

    /** Gives the budget back what this table reserved; it refuses to grow afterwards. */
    void release() {
        if (holding != null) {
            holding.close();
        }
    }

    public ValType elementType() {
        return elementType;
    }

    /** The closed id of the element type's type index, or -1 when it names none. */
    int heapId() {
        return heapId;
    }

    public int size() {
        return elements.length;
    }

    /** The limits import matching sees: current size, declared maximum, address type. */
    public Limits limits() {
        return declared.withMin(elements.length);
    }

    /** Whether the address type is i64 (3.0 table64): indices, sizes and deltas are then u64. */
    public boolean address64() {
        return address64;
    }

    /**
     * An index operand as an int: a 32-bit table's operand is a u32, a 64-bit table's a u64; one
     * that no table can reach becomes -1, which every access rejects ("out of bounds table access").
     * Spec: 3.0, Execution > Instructions > Table Instructions.
     */
    int index(long operand) {
        long i = address64 ? operand : operand & 0xFFFFFFFFL;
        return i >= 0 && i <= Integer.MAX_VALUE ? (int) i : -1;
    }

    /** A length or position operand as a non-negative long, or -1 (past any table) for a huge u64. */
    long operand(long value) {
        return address64 ? value : value & 0xFFFFFFFFL;
    }

    /**
     * {@code table.grow} of a 64-bit table: {@code delta} is a u64. The old size, or -1 (all ones).
     * Spec: 3.0, Execution > Instructions > Table Instructions, {@code table.grow}.
     */
    public long grow64(long delta, long init) {
        if (Long.compareUnsigned(delta, maxSize - elements.length) > 0) {
            return -1;
        }
        return grow((int) delta, init);
    }

    /**
     * The element at {@code index}, for the host. A GC reference read from a module's table stays
     * valid at least until the host's next call into the store returns ({@link Store}).
     */
    public long get(int index) {
        long ref = load(index);
        if (store != null) {
            store.handOut(ref);
        }
        return ref;
    }

    /** {@code table.get}: the element at {@code index}. */
    long load(int index) {
        if (index < 0 || index >= elements.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        return elements[index];
    }

    public void set(int index, long ref) {
        if (index < 0 || index >= elements.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        elements[index] = ref;
    }

    /** {@code table.grow}: old size, or -1 when the new size would pass the maximum or the limit. */
    public int grow(int delta, long init) {
        long wanted = elements.length + Integer.toUnsignedLong(delta);
        if (wanted > maxSize) {
            return -1;
        }
        int old = elements.length;
        long[] bigger = allocate((int) wanted, old);
        if (bigger == null) {
            return -1; // spec 2.0: table.grow may fail for any reason; here the budget or the heap
        }
        elements = bigger;
        Arrays.fill(elements, old, (int) wanted, init);
        return old;
    }

    // ---- bulk instructions (spec 2.0, Execution > Instructions > Table Instructions) ----

    void fill(long i, long ref, long n) {
        if ((i | n) < 0 || i + n > elements.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        Arrays.fill(elements, (int) i, (int) (i + n), ref);
    }

    static void copy(Table dst, long d, Table src, long s, long n) {
        if ((d | s | n) < 0 || s + n > src.elements.length || d + n > dst.elements.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        System.arraycopy(src.elements, (int) s, dst.elements, (int) d, (int) n);
    }

    void init(long d, long[] segment, long s, long n) {
        if ((d | s | n) < 0 || s + n > segment.length || d + n > elements.length) {
            throw new TrapException(TrapKind.TABLE_OUT_OF_BOUNDS);
        }
        System.arraycopy(segment, (int) s, elements, (int) d, (int) n);
    }
}
