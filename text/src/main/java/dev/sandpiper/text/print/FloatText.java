package dev.sandpiper.text.print;

/**
 * Floating-point constants printed so that they parse back to the same bits: finite values as hex
 * floats (exact, no decimal rounding), {@code inf}, and NaNs with their payload as
 * {@code nan:0x...}, the sign as {@code -}.
 *
 * <p>Spec: 2.0, 6.3.2 Floating-Point ({@code text/values.html#floating-point}).
 */
final class FloatText {
    private FloatText() {}

    static String f32(int bits) {
        float v = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(v)) {
            return sign + "nan:0x" + Integer.toHexString(bits & 0x7F_FFFF);
        }
        if (Float.isInfinite(v)) {
            return sign + "inf";
        }
        return Float.toHexString(v);
    }

    static String f64(long bits) {
        double v = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(v)) {
            return sign + "nan:0x" + Long.toHexString(bits & 0xF_FFFF_FFFF_FFFFL);
        }
        if (Double.isInfinite(v)) {
            return sign + "inf";
        }
        return Double.toHexString(v);
    }
}
