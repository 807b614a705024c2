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
    public enum Kind { I32, I64, F32, F64, V128, FUNCREF, EXTERNREF, EXNREF, ANYREF }

    /** Heap type {@code func} (its binary code as a negative number, like the binary's s33). */
    public static final int HEAP_FUNC = -0x10;
    /** Heap type {@code extern}. */
    public static final int HEAP_EXTERN = -0x11;
    /** Heap type {@code exn}: caught exceptions (3.0, exception handling; binary 0x69). */
    public static final int HEAP_EXN = -0x17;
    /** Heap type {@code noexn}, the bottom of {@code exn}: only null (binary 0x74). */
    public static final int HEAP_NOEXN = -0x0C;
    /** Heap type {@code nofunc} (3.0 GC: the bottom of the function hierarchy). */
    public static final int HEAP_NOFUNC = -0x0D;
    /** Heap type {@code noextern} (3.0 GC: the bottom of the external hierarchy). */
    public static final int HEAP_NOEXTERN = -0x0E;
    /** Heap type {@code none} (3.0 GC: the bottom of the internal hierarchy). */
    public static final int HEAP_NONE = -0x0F;
    /** Heap type {@code any} (3.0 GC: the top of the internal hierarchy). */
    public static final int HEAP_ANY = -0x12;
    /** Heap type {@code eq}: references that {@code ref.eq} compares. */
    public static final int HEAP_EQ = -0x13;
    /** Heap type {@code i31}: unboxed 31-bit scalars. */
    public static final int HEAP_I31 = -0x14;
    /** Heap type {@code struct}: every structure. */
    public static final int HEAP_STRUCT = -0x15;
    /** Heap type {@code array}: every array. */
    public static final int HEAP_ARRAY = -0x16;

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
    /** The GC's abstract heap types, by their binary code (an s33, so negative). */
    private static final int[] GC_ABSTRACT = {HEAP_NOFUNC, HEAP_NOEXTERN, HEAP_NONE, HEAP_ANY, HEAP_EQ, HEAP_I31,
        HEAP_STRUCT, HEAP_ARRAY};

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
     * {@code (ref null? heap)}: {@code heap} is an abstract heap type ({@link #HEAP_FUNC},
     * {@link #HEAP_EXTERN}, or with GC {@link #HEAP_ANY} and the others) or a type index (which the
     * validator checks).
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
            if (!isAbstractHeap(heap)) {
                throw new IllegalArgumentException("heap type " + heap);
            }
            long key = (long) heap << 1 | (nullable ? 1 : 0);
            Kind kind = heap == HEAP_NOFUNC ? Kind.FUNCREF : heap == HEAP_NOEXTERN ? Kind.EXTERNREF : Kind.ANYREF;
            return CONCRETE.computeIfAbsent(key, k -> new ValType(kind, nullable ? 0x63 : 0x64, nullable, heap,
                    "(ref " + (nullable ? "null " : "") + heapName(heap) + ")"));
        }
        long key = (long) heap << 1 | (nullable ? 1 : 0);
        return CONCRETE.computeIfAbsent(key, k -> new ValType(Kind.FUNCREF, nullable ? 0x63 : 0x64, nullable, heap,
                "(ref " + (nullable ? "null " : "") + heap + ")"));
    }

    /** Whether {@code heap} is one of the abstract heap types (func, extern and GC's eight). */
    public static boolean isAbstractHeap(int heap) {
        if (heap == HEAP_FUNC || heap == HEAP_EXTERN) {
            return true;
        }
        for (int h : GC_ABSTRACT) {
            if (h == heap) {
                return true;
            }
        }
        return false;
    }

    /** The text-format name of an abstract heap type, or the number of a type index. */
    public static String heapName(int heap) {
        return switch (heap) {
            case HEAP_FUNC -> "func";
            case HEAP_EXTERN -> "extern";
            case HEAP_NOFUNC -> "nofunc";
            case HEAP_NOEXTERN -> "noextern";
            case HEAP_NONE -> "none";
            case HEAP_ANY -> "any";
            case HEAP_EQ -> "eq";
            case HEAP_I31 -> "i31";
            case HEAP_STRUCT -> "struct";
            case HEAP_ARRAY -> "array";
            case HEAP_EXN -> "exn";
            case HEAP_NOEXN -> "noexn";
            default -> Integer.toString(heap);
        };
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
        return kind == Kind.FUNCREF || kind == Kind.EXTERNREF || kind == Kind.EXNREF || kind == Kind.ANYREF;
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
