package dev.sandpiper.decoder.code;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.binary.WasmReader;
import dev.sandpiper.decoder.model.ValType;

/**
 * A cursor over a sequence of instructions: {@link #next()} decodes one opcode and its immediates,
 * which the accessors then expose until the following call. One reader is reused for a whole body,
 * so decoding allocates nothing but the growth of its {@code br_table} buffer.
 *
 * <p>The reader is where features are gated: an opcode of a proposal that its {@link Features} do
 * not enable is an "illegal opcode" naming the feature, and without {@link Feature#MULTI_MEMORY}
 * memory indices are read as 2.0's reserved zero bytes.
 *
 * <p>Spec: 2.0, Binary Format > Instructions, {@code binary/instructions.html}; 3.0, the same
 * section: {@code memarg} with a memory index when bit 6 of its flags is set.
 */
public final class CodeReader {
    /**
     * {@link #blockType()} of a block with no parameters and no result: a value outside the s33 range,
     * so that no type index, not even a negative one such as {@code 0xC0 0x7F} (-64), can be taken
     * for it.
     */
    public static final long BLOCK_EMPTY = Long.MIN_VALUE;

    /** Bit 6 of a {@code memarg}'s flags: a memory index follows them (3.0). */
    private static final int MEMARG_HAS_MEMORY = 0x40;

    private static final int REF_NULL = 0x63;
    private static final int REF = 0x64;

    private final WasmReader in;
    private final Features features;
    private final boolean multiMemory;
    private final boolean memory64;
    private int opcodeOffset;
    private int memory;
    private int memory2;
    private int index;
    private int index2;
    private long longValue;
    private long high;
    private int align;
    private long offset;
    private int lane;
    private ValType type;
    private ValType source;
    private Opcode op;
    private int[] targets = new int[8];
    private int targetCount;
    private ValType[] selectTypes = new ValType[1];
    private int selectTypeCount;
    private int[] catches = new int[12];
    private int catchCount;

    /** {@link #catchKind(int)} of {@code try_table}'s clauses (3.0, Binary Format > Control Instructions). */
    public static final int CATCH = 0;
    public static final int CATCH_REF = 1;
    public static final int CATCH_ALL = 2;
    public static final int CATCH_ALL_REF = 3;

    /** A reader over the instructions in {@code bytes[start, end)}, with every feature enabled. */
    public CodeReader(byte[] bytes, int start, int end) {
        this(bytes, start, end, Features.all());
    }

    /** A reader over the instructions in {@code bytes[start, end)} that accepts only {@code features}. */
    public CodeReader(byte[] bytes, int start, int end, Features features) {
        this.in = new WasmReader(bytes, start, end)
                .typedReferences(features.enabled(Feature.FUNCTION_REFERENCES))
                .exceptions(features.enabled(Feature.EXCEPTIONS))
                .gc(features.enabled(Feature.GC));
        this.features = features;
        this.multiMemory = features.enabled(Feature.MULTI_MEMORY);
        this.memory64 = features.enabled(Feature.MEMORY64);
    }

    /** Offset of the next instruction. */
    public int position() {
        return in.position();
    }

    public boolean hasNext() {
        return !in.atEnd();
    }

    /** The instruction last returned by {@link #next()}. */
    public Opcode lastOpcode() {
        return op;
    }

    /** Offset of the instruction last returned by {@link #next()}. */
    public int opcodeOffset() {
        return opcodeOffset;
    }

    /**
     * Decodes the next instruction.
     *
     * @throws MalformedModuleException on an unknown opcode ("illegal opcode"), a bad immediate, or
     *     the end of the input
     */
    public Opcode next() {
        opcodeOffset = in.position();
        int b = in.u8();
        Opcode op;
        long sub = -1;
        if (b == Opcode.PREFIX_FC) {
            sub = Integer.toUnsignedLong(in.u32());
            op = Opcode.prefixedFC(sub);
        } else if (b == Opcode.PREFIX_FB) {
            sub = Integer.toUnsignedLong(in.u32());
            op = Opcode.prefixedFB(sub);
        } else if (b == Opcode.PREFIX_FD) {
            sub = Integer.toUnsignedLong(in.u32());
            op = Opcode.prefixedFD(sub);
        } else {
            op = Opcode.single(b);
        }
        if (op == null) {
            // named in hex as the reference interpreter does ("illegal opcode ff")
            throw in.error("illegal opcode " + Integer.toHexString(b) + (sub < 0 ? "" : " " + Long.toHexString(sub)),
                    opcodeOffset);
        }
        if (!features.enabled(op.feature())) {
            throw in.error("illegal opcode " + op + " " + Features.notEnabled(op.feature()), opcodeOffset);
        }
        this.op = op;
        readImmediates(op.immediate());
        return op;
    }

    private void readImmediates(ImmediateKind kind) {
        switch (kind) {
            case NONE -> { }
            case BLOCK_TYPE -> readBlockType();
            case LABEL, FUNC_INDEX, TYPE_INDEX, LOCAL_INDEX, GLOBAL_INDEX, TABLE_INDEX, DATA_INDEX, ELEM_INDEX ->
                    index = in.u32();
            case BR_TABLE -> readBrTable();
            case CALL_INDIRECT, TABLE_INIT, TABLE_COPY -> {
                index = in.u32();
                index2 = in.u32();
            }
            case MEMARG -> readMemarg();
            case MEMORY_INDEX -> memory = memoryIndex(in);
            case I32 -> longValue = in.s32();
            case I64 -> longValue = in.s64();
            case F32 -> longValue = in.fixed32() & 0xFFFFFFFFL;
            case F64 -> longValue = in.fixed64();
            case SELECT_TYPES -> readSelectTypes();
            case REF_TYPE -> type = in.typedReferences() ? ValType.ref(true, heapType(in)) : refType(in);
            case MEMORY_INIT -> {
                index = in.u32();
                memory = memoryIndex(in);
            }
            case MEMORY_COPY -> {
                memory = memoryIndex(in);
                memory2 = memoryIndex(in);
            }
            case V128, SHUFFLE -> {
                longValue = in.fixed64();
                high = in.fixed64();
            }
            case LANE -> lane = in.u8();
            case TAG_INDEX -> index = in.u32();
            case TRY_TABLE -> {
                readBlockType();
                readCatches();
            }
            case MEMARG_LANE -> {
                readMemarg();
                lane = in.u8();
            }
            case TWO_INDICES -> {
                index = in.u32();
                index2 = in.u32();
            }
            case HEAP_TYPE -> type = ValType.ref(op == Opcode.REF_TEST_NULL || op == Opcode.REF_CAST_NULL, heapType(in));
            case BR_ON_CAST -> readBrOnCast();
            default -> throw new AssertionError(kind);
        }
    }

    /** Spec: 3.0, Binary Format > Instructions > Control: {@code 0xFB 24 castflags l ht1 ht2}. */
    private void readBrOnCast() {
        int at = in.position();
        int flags = in.u8();
        if (flags > 3) {
            throw in.error("malformed cast flags", at);
        }
        index = in.u32();
        source = ValType.ref((flags & 1) != 0, heapType(in));
        type = ValType.ref((flags & 2) != 0, heapType(in));
    }

    private void readBlockType() {
        int b = in.peek();
        if (b == 0x40) {
            in.u8();
            longValue = BLOCK_EMPTY;
            type = null;
        } else if ((b & 0xC0) == 0x40) {
            type = valType(in);
            longValue = -1;
        } else {
            type = null;
            longValue = in.s33();
        }
    }

    private void readBrTable() {
        int n = in.count();
        if (targets.length < n) {
            targets = new int[Math.max(n, targets.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            targets[i] = in.u32();
        }
        targetCount = n;
        index = in.u32();
    }

    /** {@code vec(catch)}: a kind byte, a tag index for catch and catch_ref, a label. */
    private void readCatches() {
        int n = in.count();
        if (catches.length < 3 * n) {
            catches = new int[Math.max(3 * n, catches.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int kind = in.u8();
            if (kind > CATCH_ALL_REF) {
                throw in.error("malformed catch clause", at);
            }
            catches[3 * i] = kind;
            catches[3 * i + 1] = kind <= CATCH_REF ? in.u32() : -1;
            catches[3 * i + 2] = in.u32();
        }
        catchCount = n;
    }

    /**
     * {@code memarg}: flags, a memory index when bit 6 is set (3.0; 2.0 reads the flags as the
     * alignment exponent alone, so a large one is the validator's "alignment" error), the offset.
     */
    private void readMemarg() {
        int at = in.position();
        int flags = in.u32();
        memory = 0;
        if (multiMemory) {
            if (Integer.compareUnsigned(flags, 2 * MEMARG_HAS_MEMORY) >= 0) {
                throw in.error("malformed memop flags", at);
            }
            if ((flags & MEMARG_HAS_MEMORY) != 0) {
                flags -= MEMARG_HAS_MEMORY;
                memory = in.u32();
            }
        }
        align = flags;
        // 3.0 reads the offset as a u64 and validation bounds it by the address type
        // (Binary Format > Instructions > Memory Instructions).
        offset = memory64 ? in.u64() : Integer.toUnsignedLong(in.u32());
    }

    /** A memory index; without {@link Feature#MULTI_MEMORY} the reserved zero byte of 2.0. */
    private int memoryIndex(WasmReader in) {
        if (multiMemory) {
            return in.u32();
        }
        int at = in.position();
        if (in.u8() != 0) {
            throw in.error("zero byte expected " + Features.notEnabled(Feature.MULTI_MEMORY), at);
        }
        return 0;
    }

    private void readSelectTypes() {
        int n = in.count();
        if (selectTypes.length < n) {
            selectTypes = new ValType[n];
        }
        for (int i = 0; i < n; i++) {
            selectTypes[i] = valType(in);
        }
        selectTypeCount = n;
    }

    /**
     * A value type: one byte (read as a 7-bit signed LEB128), or with typed references
     * {@code 0x63}/{@code 0x64} and a heap type; else "malformed value type".
     */
    public static ValType valType(WasmReader in) {
        int at = in.position();
        int b = in.s7() & 0x7F;
        ValType t = ValType.fromCode(b);
        if (t != null) {
            return t;
        }
        if (b == ValType.EXNREF.code() && in.exceptions()) {
            return ValType.EXNREF;
        }
        if (b == ValType.NULLEXNREF.code() && in.exceptions()) {
            return ValType.NULLEXNREF;
        }
        if (b == REF_NULL || b == REF) {
            if (in.typedReferences()) {
                return ValType.ref(b == REF_NULL, heapType(in));
            }
            throw in.error("malformed value type " + Features.notEnabled(Feature.FUNCTION_REFERENCES), at);
        }
        ValType shorthand = gcShorthand(in, b);
        if (shorthand != null) {
            return shorthand;
        }
        throw in.error("malformed value type", at);
    }

    /** A reference type: {@code funcref}, {@code externref} or, with typed references, {@code 0x63}/{@code 0x64} ht. */
    public static ValType refType(WasmReader in) {
        int at = in.position();
        int b = in.u8();
        if (b == ValType.FUNCREF.code()) {
            return ValType.FUNCREF;
        }
        if (b == ValType.EXTERNREF.code()) {
            return ValType.EXTERNREF;
        }
        if (b == ValType.EXNREF.code() && in.exceptions()) {
            return ValType.EXNREF;
        }
        if (b == ValType.NULLEXNREF.code() && in.exceptions()) {
            return ValType.NULLEXNREF;
        }
        if ((b == REF_NULL || b == REF) && in.typedReferences()) {
            return ValType.ref(b == REF_NULL, heapType(in));
        }
        ValType shorthand = gcShorthand(in, b);
        if (shorthand != null) {
            return shorthand;
        }
        throw in.error("malformed reference type", at);
    }

    /**
     * With GC, the one-byte short forms {@code (ref null ht)} of the abstract heap types: anyref
     * {@code 0x6E}, eqref, i31ref, structref, arrayref, nullref {@code 0x71}, nullexternref,
     * nullfuncref {@code 0x73} (3.0, Binary Format > Types > Reference Types); else null.
     */
    private static ValType gcShorthand(WasmReader in, int b) {
        int heap = b - 0x80; // the byte read as the s7 heap type code
        if (in.gc() && heap != ValType.HEAP_FUNC && heap != ValType.HEAP_EXTERN && ValType.isAbstractHeap(heap)) {
            return ValType.ref(true, heap);
        }
        return null;
    }

    /**
     * A heap type (3.0, Binary Format > Types > Heap Types): {@code 0x70} func, {@code 0x6F} extern,
     * with GC {@code 0x6E} any ... {@code 0x73} nofunc, else a non-negative s33 type index.
     */
    public static int heapType(WasmReader in) {
        int at = in.position();
        long v = in.s33();
        if (v == -0x10) {
            return ValType.HEAP_FUNC;
        }
        if (v == -0x11) {
            return ValType.HEAP_EXTERN;
        }
        if ((v == ValType.HEAP_EXN || v == ValType.HEAP_NOEXN) && in.exceptions()) {
            return (int) v;
        }
        if (v < 0 && v >= -0x40 && in.gc() && ValType.isAbstractHeap((int) v)) {
            return (int) v;
        }
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw in.error("malformed reference type", at);
        }
        return (int) v;
    }

    // ---- immediates of the last instruction ----

    /**
     * The first index immediate (label, function, local, global, table, type of
     * {@code call_indirect}, data, element; the default label of {@code br_table}), as u32 bits.
     */
    public int index() {
        return index;
    }

    /** The second index: the table of {@code call_indirect} and {@code table.init}, the source of {@code table.copy}. */
    public int index2() {
        return index2;
    }

    /** The value of {@code i32.const} (sign-extended) or {@code i64.const}. */
    public long constValue() {
        return longValue;
    }

    /** The bit pattern of {@code f32.const} (low 32 bits) or {@code f64.const}. */
    public long floatBits() {
        return longValue;
    }

    /**
     * The block type: {@link #BLOCK_EMPTY}, {@code -1} when {@link #blockValType()} gives the single
     * result, or a type index (s33, so possibly out of range or negative, even -1: test
     * {@link #blockValType()} first).
     */
    public long blockType() {
        return longValue;
    }

    /** The single result type of a block, or null. */
    public ValType blockValType() {
        return type;
    }

    /** Number of labels in a {@code br_table} vector (the default excluded). */
    public int tableCount() {
        return targetCount;
    }

    /** Label {@code i} of a {@code br_table} vector; the default is {@link #index()}. */
    public int tableTarget(int i) {
        return targets[i];
    }

    /**
     * The memory of a load, store, {@code memory.size}, {@code memory.grow}, {@code memory.fill} or
     * {@code memory.init}; the destination of {@code memory.copy}. 0 without {@link Feature#MULTI_MEMORY}.
     */
    public int memoryIndex() {
        return memory;
    }

    /** The source memory of {@code memory.copy}. */
    public int memoryIndex2() {
        return memory2;
    }

    /** Alignment exponent of a memory instruction (u32 bits). */
    public int align() {
        return align;
    }

    /** Static offset of a memory instruction: its u64 bits (0 to 2^32-1 without memory64). */
    public long offset() {
        return offset;
    }

    /** Lane index of a lane instruction (0 to 255; the validator checks the range). */
    public int lane() {
        return lane;
    }

    /** The source type ({@code rt1}) of {@code br_on_cast} and {@code br_on_cast_fail}. */
    public ValType castSource() {
        return source;
    }

    /** The reference type of {@code ref.null}; the target type of {@code ref.test}, {@code ref.cast} and {@code br_on_cast}. */
    public ValType refType() {
        return type;
    }

    /** Number of types of a typed {@code select}. */
    public int selectTypeCount() {
        return selectTypeCount;
    }

    /** Type {@code i} of a typed {@code select}. */
    public ValType selectType(int i) {
        return selectTypes[i];
    }

    /** Number of catch clauses of a {@code try_table}. */
    public int catchCount() {
        return catchCount;
    }

    /** Kind of catch clause {@code i}: {@link #CATCH}, {@link #CATCH_REF}, {@link #CATCH_ALL}, {@link #CATCH_ALL_REF}. */
    public int catchKind(int i) {
        return catches[3 * i];
    }

    /** Tag index of catch clause {@code i} (u32 bits), -1 for catch_all and catch_all_ref. */
    public int catchTag(int i) {
        return catches[3 * i + 1];
    }

    /** Label of catch clause {@code i} (u32 bits). */
    public int catchLabel(int i) {
        return catches[3 * i + 2];
    }

    /** Low 8 bytes (little-endian) of a {@code v128.const} or of the lane indices of {@code i8x16.shuffle}. */
    public long v128Low() {
        return longValue;
    }

    /** High 8 bytes of a {@code v128.const} or {@code i8x16.shuffle}. */
    public long v128High() {
        return high;
    }
}
