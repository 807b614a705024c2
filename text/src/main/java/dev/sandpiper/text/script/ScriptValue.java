package dev.sandpiper.text.script;

import dev.sandpiper.decoder.model.ValType;

/**
 * A constant of a script: a number's bits, a vector's 128 bits, or a reference.
 *
 * @param type the value's type
 * @param bits i32 and f32: the 32 bits zero-extended; i64 and f64: the 64 bits; v128: the low 64
 *     bits (lanes 0.. in little-endian order); externref: the host reference number; else 0
 * @param high v128: the high 64 bits; else 0
 * @param isNull whether this is a null reference ({@code ref.null})
 */
public record ScriptValue(ValType type, long bits, long high, boolean isNull) {

    public static ScriptValue number(ValType type, long bits) {
        return new ScriptValue(type, bits, 0, false);
    }

    public static ScriptValue v128(long low, long high) {
        return new ScriptValue(ValType.V128, low, high, false);
    }

    public static ScriptValue nullRef(ValType type) {
        return new ScriptValue(type, 0, 0, true);
    }

    /** {@code (ref.extern n)}: the host reference numbered {@code n}. */
    public static ScriptValue externRef(long n) {
        return new ScriptValue(ValType.EXTERNREF, n, 0, false);
    }

    /** {@code (ref.host n)}: the host reference numbered {@code n} in the internal hierarchy (3.0 GC scripts). */
    public static ScriptValue hostRef(long n) {
        return new ScriptValue(ValType.ref(false, ValType.HEAP_ANY), n, 0, false);
    }

    /** {@code (ref.func n)}: a reference to function {@code n} of the module. */
    public static ScriptValue funcRef(long n) {
        return new ScriptValue(ValType.FUNCREF, n, 0, false);
    }
}
