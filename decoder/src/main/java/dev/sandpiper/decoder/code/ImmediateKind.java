package dev.sandpiper.decoder.code;

/**
 * The immediates an instruction carries in the binary format, and so what {@link CodeReader}
 * exposes after reading it.
 *
 * <p>Spec: 2.0, Binary Format > Instructions, {@code binary/instructions.html}; 3.0, the same section
 * for memory indices.
 */
public enum ImmediateKind {
    NONE,
    /** {@code blocktype}: empty, one value type, or a type index (s33). */
    BLOCK_TYPE,
    /** A label index: {@link CodeReader#index()}. */
    LABEL,
    /** {@code vec(labelidx) labelidx}: {@link CodeReader#tableCount()}, {@link CodeReader#tableTarget(int)}. */
    BR_TABLE,
    FUNC_INDEX,
    /** {@code typeidx tableidx}: {@link CodeReader#index()}, {@link CodeReader#index2()}. */
    CALL_INDIRECT,
    LOCAL_INDEX,
    GLOBAL_INDEX,
    TABLE_INDEX,
    /**
     * {@code memarg}: {@link CodeReader#align()}, {@link CodeReader#offset()}, and with
     * {@link Feature#MULTI_MEMORY} {@link CodeReader#memoryIndex()} (flag bit 6 of the alignment).
     */
    MEMARG,
    /**
     * A memory index ({@link CodeReader#memoryIndex()}): {@code memory.size}, {@code memory.grow},
     * {@code memory.fill}. Without {@link Feature#MULTI_MEMORY} one reserved byte that must be zero,
     * as in 2.0.
     */
    MEMORY_INDEX,
    I32,
    I64,
    F32,
    F64,
    /** {@code vec(valtype)} of a typed {@code select}. */
    SELECT_TYPES,
    /** A type index: {@code call_ref}, {@code return_call_ref} ({@link CodeReader#index()}). */
    TYPE_INDEX,
    /**
     * The reference type of {@code ref.null}: a reference type byte in 2.0, a heap type with
     * {@link Feature#FUNCTION_REFERENCES} ({@link CodeReader#refType()} is then {@code (ref null ht)}).
     */
    REF_TYPE,
    /** {@code dataidx memidx} (the memory index a zero byte without {@link Feature#MULTI_MEMORY}). */
    MEMORY_INIT,
    DATA_INDEX,
    /** {@code memidx memidx} (destination, source; two zero bytes without {@link Feature#MULTI_MEMORY}). */
    MEMORY_COPY,
    /** {@code elemidx tableidx}: {@link CodeReader#index()}, {@link CodeReader#index2()}. */
    TABLE_INIT,
    ELEM_INDEX,
    /** {@code tableidx tableidx} (destination, source). */
    TABLE_COPY,
    /** 16 bytes of {@code v128.const}: {@link CodeReader#v128Low()}, {@link CodeReader#v128High()}. */
    V128,
    /** 16 lane indices of {@code i8x16.shuffle}, packed like {@link #V128}. */
    SHUFFLE,
    /** One lane index byte. */
    LANE,
    /** {@code memarg laneidx}. */
    MEMARG_LANE,
    /** A tag index: {@code throw}, {@code catch} ({@link CodeReader#index()}). */
    TAG_INDEX,
    /**
     * {@code blocktype vec(catch)} of {@code try_table}: {@link CodeReader#blockType()},
     * {@link CodeReader#catchCount()}, {@link CodeReader#catchKind(int)}, {@link CodeReader#catchTag(int)},
     * {@link CodeReader#catchLabel(int)}.
     */
    TRY_TABLE,
    /**
     * Two indices, {@link CodeReader#index()} then {@link CodeReader#index2()}: a type and a field
     * ({@code struct.get}), data or element segment ({@code array.new_data}), count
     * ({@code array.new_fixed}), or two types ({@code array.copy}). 3.0 GC.
     */
    TWO_INDICES,
    /** A heap type of {@code ref.test}/{@code ref.cast}: {@link CodeReader#refType()}, nullable by the opcode. */
    HEAP_TYPE,
    /**
     * {@code br_on_cast}: a flags byte (bit 0 the source, bit 1 the target nullable), a label
     * ({@link CodeReader#index()}), the source and target heap types ({@link CodeReader#castSource()},
     * {@link CodeReader#refType()}).
     */
    BR_ON_CAST
}
