package dev.sandpiper.connect.convert;

import java.math.BigDecimal;

/**
 * Floating-point values in an Event row. A finite float is the exact decimal of its shortest text
 * ({@code 0.1f} is {@code 0.1}), which reads back to the same float. JSON has no NaN or infinities, and an Event's
 * exact decimals have no negative zero, so those four values travel as the strings Java prints for them:
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, {@code "-0.0"}; back in a float field they are the float
 * again. (A decision this module makes where contract.md's last section is silent.)
 */
final class FloatText {
    private FloatText() {
    }

    static Object ofDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || isNegativeZero(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(Double.toString(d));
    }

    static Object ofFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || isNegativeZero(f)) {
            return Double.toString(f);
        }
        return new BigDecimal(Float.toString(f));
    }

    /** The double a JSON value stands for in a float64 field, or null when it is not a number or one of the four strings. */
    static Double toDouble(Object json) {
        if (json instanceof Number n) {
            return toBigDecimal(n).doubleValue();
        }
        if (json instanceof String s) {
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0.0" -> -0.0d;
                default -> null;
            };
        }
        return null;
    }

    /** As {@link #toDouble}, for a float32 field. */
    static Float toFloat(Object json) {
        if (json instanceof Number n) {
            return toBigDecimal(n).floatValue();
        }
        Double d = json instanceof String ? toDouble(json) : null;
        return d == null ? null : d.floatValue();
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal b) {
            return b;
        }
        if (n instanceof java.math.BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static boolean isNegativeZero(double d) {
        return d == 0 && Double.doubleToRawLongBits(d) != 0;
    }
}
