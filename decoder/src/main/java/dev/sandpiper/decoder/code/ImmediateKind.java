package dev.sandpiper.decoder.code;

/**
 * The immediates an instruction carries in the binary format, and so what {@link CodeReader}
 * exposes after reading it.
 *
 * <p>Spec: 2.0, Binary Format > Instructions, {@code binary/instructions.html}.
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
    /** {@code memarg}: {@link CodeReader#align()}, {@link CodeReader#offset()}. */
    MEMARG,
    /** One reserved byte that must be zero (the memory index of 2.0). */
    ZERO_BYTE,
    I32,
    I64,
    F32,
    F64,
    /** {@code vec(valtype)} of a typed {@code select}. */
    SELECT_TYPES,
    /** The reference type of {@code ref.null}. */
    REF_TYPE,
    /** {@code dataidx 0x00}. */
    MEMORY_INIT,
    DATA_INDEX,
    /** {@code 0x00 0x00}. */
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
    MEMARG_LANE
}
