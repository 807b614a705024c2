package dev.sandpiper.decoder.model;

/**
 * A field of a structure or the element of an array: a value type, or a packed type of
 * {@code packedBits} 8 ({@code i8}) or 16 ({@code i16}) whose values are {@code i32}s when read;
 * {@code mutable} when {@code struct.set}/{@code array.set} may write it. {@code type} is
 * {@link ValType#I32} for a packed field.
 *
 * <p>Spec: 3.0, Structure > Types > Field Types and Storage Types, {@code syntax/types.html#field-types}.
 */
public record FieldType(ValType type, int packedBits, boolean mutable) {
    /** Binary code of the packed storage type {@code i8}. */
    public static final int CODE_I8 = 0x78;
    /** Binary code of the packed storage type {@code i16}. */
    public static final int CODE_I16 = 0x77;

    public FieldType {
        if (packedBits != 0 && packedBits != 8 && packedBits != 16) {
            throw new IllegalArgumentException("packed width " + packedBits);
        }
        if (packedBits != 0) {
            type = ValType.I32;
        }
    }

    /** Whether the storage type is {@code i8} or {@code i16}. */
    public boolean isPacked() {
        return packedBits != 0;
    }

    /** Bytes a value of the storage type takes (3.0, Execution: |i8| = 1, |i16| = 2; 16 for v128). */
    public int byteSize() {
        if (isPacked()) {
            return packedBits / 8;
        }
        return switch (type.kind()) {
            case I32, F32 -> 4;
            case V128 -> 16;
            default -> 8;
        };
    }

    /** The storage type in the text format: {@code i8}, {@code i16} or the value type. */
    public String storageText() {
        return packedBits == 8 ? "i8" : packedBits == 16 ? "i16" : type.toString();
    }

    @Override
    public String toString() {
        return mutable ? "(mut " + storageText() + ")" : storageText();
    }
}
