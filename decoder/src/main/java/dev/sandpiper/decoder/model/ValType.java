package dev.sandpiper.decoder.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A value type: a number type, {@code v128}, or a reference type {@code (ref null? ht)} whose heap
 * type {@code ht} is {@code func}, {@code extern} or a type index (3.0, typed function references).
 * Instances are interned, so {@code ==} is type equality; {@link #kind()} is the representation a
 * value of the type has at run time, for the {@code switch}es of the engines.
 *
 * <p>Spec: 3.0, Structure > Types > Value Types and Reference Types, {@code syntax/types.html};
 * Binary Format > Types, {@code binary/types.html#reference-types} ({@code 0x63 ht} nullable,
 * {@code 0x64 ht} non-null, {@code 0x70}/{@code 0x6F} short for {@code (ref null func/extern)}).
 */
public final class ValType {
    /** How values of a type are represented: one per 2.0 value type, references by their top type. */
    public enum Kind { I32, I64, F32, F64, V128, FUNCREF, EXTERNREF, EXNREF }

    /** Heap type {@code func} (its binary code as a negative number, like the binary's s33). */
    public static final int HEAP_FUNC = -0x10;
    /** Heap type {@code extern}. */
    public static final int HEAP_EXTERN = -0x11;
    /** Heap type {@code exn}: caught exceptions (3.0, exception handling; binary 0x69). */
    public static final int HEAP_EXN = -0x17;
    /** Heap type {@code noexn}, the bottom of {@code exn}: only null (binary 0x74). */
    public static final int HEAP_NOEXN = -0x0C;

    public static final ValType I32 = new ValType(Kind.I32, 0x7F, true, 0, "i32");
    public static final ValType I64 = new ValType(Kind.I64, 0x7E, true, 0, "i64");
    public static final ValType F32 = new ValType(Kind.F32, 0x7D, true, 0, "f32");
    public static final ValType F64 = new ValType(Kind.F64, 0x7C, true, 0, "f64");
    public static final ValType V128 = new ValType(Kind.V128, 0x7B, true, 0, "v128");
    /** {@code (ref null func)}. */
    public static final ValType FUNCREF = new ValType(Kind.FUNCREF, 0x70, true, HEAP_FUNC, "funcref");
    /** {@code (ref null extern)}. */
    public static final ValType EXTERNREF = new ValType(Kind.EXTERNREF, 0x6F, true, HEAP_EXTERN, "externref");
    /** {@code (ref func)}: what {@code ref.as_non_null} makes of a funcref. */
    public static final ValType REF_FUNC = new ValType(Kind.FUNCREF, 0x64, false, HEAP_FUNC, "(ref func)");
    /** {@code (ref extern)}. */
    public static final ValType REF_EXTERN = new ValType(Kind.EXTERNREF, 0x64, false, HEAP_EXTERN, "(ref extern)");

    /** {@code (ref null exn)}, {@code exnref} (3.0, exception handling). */
    public static final ValType EXNREF = new ValType(Kind.EXNREF, 0x69, true, HEAP_EXN, "exnref");
    /** {@code (ref exn)}. */
    public static final ValType REF_EXN = new ValType(Kind.EXNREF, 0x64, false, HEAP_EXN, "(ref exn)");
    /** {@code (ref null noexn)}, {@code nullexnref}. */
    public static final ValType NULLEXNREF = new ValType(Kind.EXNREF, 0x74, true, HEAP_NOEXN, "nullexnref");
    /** {@code (ref noexn)}: a type without values. */
    public static final ValType REF_NOEXN = new ValType(Kind.EXNREF, 0x64, false, HEAP_NOEXN, "(ref noexn)");

    private static final ValType[] BASIC = {I32, I64, F32, F64, V128, FUNCREF, EXTERNREF};
    private static final ConcurrentHashMap<Long, ValType> CONCRETE = new ConcurrentHashMap<>();

    private final Kind kind;
    private final int code;
    private final boolean nullable;
    private final int heap;
    private final String text;

    private ValType(Kind kind, int code, boolean nullable, int heap, String text) {
        this.kind = kind;
        this.code = code;
        this.nullable = nullable;
        this.heap = heap;
        this.text = text;
    }

    /** The 2.0 value types, in binary-code order from i32: the ones every edition has. */
    public static ValType[] values() {
        return BASIC.clone();
    }

    /**
     * {@code (ref null? heap)}: {@code heap} is {@link #HEAP_FUNC}, {@link #HEAP_EXTERN} or a type
     * index (a function type's, which the validator checks).
     */
    public static ValType ref(boolean nullable, int heap) {
        if (heap == HEAP_FUNC) {
            return nullable ? FUNCREF : REF_FUNC;
        }
        if (heap == HEAP_EXTERN) {
            return nullable ? EXTERNREF : REF_EXTERN;
        }
        if (heap == HEAP_EXN) {
            return nullable ? EXNREF : REF_EXN;
        }
        if (heap == HEAP_NOEXN) {
            return nullable ? NULLEXNREF : REF_NOEXN;
        }
        if (heap < 0) {
            throw new IllegalArgumentException("heap type " + heap);
        }
        long key = (long) heap << 1 | (nullable ? 1 : 0);
        return CONCRETE.computeIfAbsent(key, k -> new ValType(Kind.FUNCREF, nullable ? 0x63 : 0x64, nullable, heap,
                "(ref " + (nullable ? "null " : "") + heap + ")"));
    }

    /** The run-time representation. */
    public Kind kind() {
        return kind;
    }

    /** A small number per kind, as the 2.0 enum's ordinal was (i32 0 ... externref 6). */
    public int ordinal() {
        return kind.ordinal();
    }

    /** The type's first byte in the binary format ({@code 0x63}/{@code 0x64} for a typed reference). */
    public int code() {
        return code;
    }

    /** The one-byte value type whose binary encoding is {@code code}, or null. */
    public static ValType fromCode(int code) {
        for (ValType t : BASIC) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    public boolean isNumeric() {
        return kind.ordinal() <= Kind.F64.ordinal();
    }

    public boolean isReference() {
        return kind == Kind.FUNCREF || kind == Kind.EXTERNREF || kind == Kind.EXNREF;
    }

    /** A reference type that admits null; false for the other types. */
    public boolean isNullable() {
        return isReference() && nullable;
    }

    /**
     * Whether a local of this type has a default value (3.0, Validation > Types > Defaultable
     * Types): every type but a non-null reference.
     */
    public boolean isDefaultable() {
        return !isReference() || nullable;
    }

    /** The heap type of a reference type: {@link #HEAP_FUNC}, {@link #HEAP_EXTERN}, {@link #HEAP_EXN} or a type index. */
    public int heapType() {
        return heap;
    }

    /** Whether the heap type is a type index. */
    public boolean isConcrete() {
        return isReference() && heap >= 0;
    }

    /** This reference type with null admitted or not. */
    public ValType withNullable(boolean n) {
        return isReference() ? ref(n, heap) : this;
    }

    /** Slots of 64 bits a value of this type takes in a flat value array: 2 for v128, else 1. */
    public int slots() {
        return kind == Kind.V128 ? 2 : 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
