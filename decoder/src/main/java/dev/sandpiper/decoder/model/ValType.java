package dev.sandpiper.decoder.model;

/**
 * A value type with its binary encoding.
 *
 * <p>Spec: 2.0, Structure > Types > Value Types, {@code syntax/types.html#value-types};
 * Binary Format > Types, {@code binary/types.html#value-types}.
 */
public enum ValType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"),
    EXTERNREF(0x6F, "externref");

    private static final ValType[] BY_CODE = new ValType[128];

    static {
        for (ValType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String text;

    ValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The type's byte in the binary format. */
    public int code() {
        return code;
    }

    /** The value type whose binary encoding is {@code code}, or null. */
    public static ValType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** Slots of 64 bits a value of this type takes in a flat value array: 2 for v128, else 1. */
    public int slots() {
        return this == V128 ? 2 : 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
