package dev.sandpiper.text.num;

/**
 * The shapes a {@code v128.const} literal is written in (spec 6.5.9 Vector Instructions:
 * {@code v128.const i8x16 i8^16 | i16x8 i16^8 | i32x4 i32^4 | i64x2 i64^2 | f32x4 f32^4 | f64x2 f64^2}),
 * with the packing of lane literals into 16 little-endian bytes.
 */
public enum VectorShape {
    I8X16("i8x16", 16, false),
    I16X8("i16x8", 8, false),
    I32X4("i32x4", 4, false),
    I64X2("i64x2", 2, false),
    F32X4("f32x4", 4, true),
    F64X2("f64x2", 2, true);

    private final String text;
    private final int lanes;
    private final boolean floating;

    VectorShape(String text, int lanes, boolean floating) {
        this.text = text;
        this.lanes = lanes;
        this.floating = floating;
    }

    /** The shape named {@code keyword}, or null. */
    public static VectorShape of(String keyword) {
        for (VectorShape s : values()) {
            if (s.text.equals(keyword)) {
                return s;
            }
        }
        return null;
    }

    public int lanes() {
        return lanes;
    }

    /** Bytes per lane. */
    public int laneBytes() {
        return 16 / lanes;
    }

    public boolean isFloat() {
        return floating;
    }

    /** The bits of one lane literal, zero-extended (range-checked per lane type). */
    public long laneBits(String literal) {
        return switch (this) {
            case I8X16 -> IntLiterals.iN(literal, 8);
            case I16X8 -> IntLiterals.iN(literal, 16);
            case I32X4 -> IntLiterals.iN(literal, 32);
            case I64X2 -> IntLiterals.i64(literal);
            case F32X4 -> FloatLiterals.f32(literal) & 0xFFFF_FFFFL;
            case F64X2 -> FloatLiterals.f64(literal);
        };
    }

    /** The 16 bytes of {@code v128.const} with these lane literals (exactly {@link #lanes()} of them). */
    public byte[] encode(String[] literals) {
        byte[] out = new byte[16];
        int width = laneBytes();
        for (int i = 0; i < lanes; i++) {
            long bits = laneBits(literals[i]);
            for (int b = 0; b < width; b++) {
                out[i * width + b] = (byte) (bits >>> (8 * b));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
