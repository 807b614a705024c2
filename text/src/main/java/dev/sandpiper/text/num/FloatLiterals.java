package dev.sandpiper.text.num;

import java.math.BigInteger;

/**
 * Floating-point literals (spec 6.3.2) to their IEEE 754 bit patterns, rounded to nearest, ties to
 * even. A literal that rounds to infinity is {@code constant out of range}; {@code nan} is the
 * canonical NaN and {@code nan:0xN} the NaN with payload N, which must be 1 to 2^23-1 (f32) or
 * 2^52-1 (f64) (spec 6.3.2, side conditions of {@code fNmag}).
 */
public final class FloatLiterals {
    private FloatLiterals() {}

    /** The bits of an {@code f32} literal. */
    public static int f32(String text) {
        return (int) bits(text, Format.F32);
    }

    /** The bits of an {@code f64} literal. */
    public static long f64(String text) {
        return bits(text, Format.F64);
    }

    /** The IEEE 754 binary formats: mantissa bits and exponent range. */
    private enum Format {
        F32(23, 8),
        F64(52, 11);

        final int mantissaBits;
        final int emax;
        final int emin;

        Format(int mantissaBits, int exponentBits) {
            this.mantissaBits = mantissaBits;
            this.emax = (1 << (exponentBits - 1)) - 1;
            this.emin = 1 - emax;
        }

        long signBit() {
            return 1L << (mantissaBits + (this == F32 ? 8 : 11));
        }

        long infinity() {
            return (long) (2 * emax + 1) << mantissaBits;
        }
    }

    private static long bits(String text, Format f) {
        if (!NumberSyntax.isNumber(text)) {
            throw new LiteralException("unexpected token");
        }
        boolean negative = text.charAt(0) == '-';
        String m = text.substring(NumberSyntax.signLength(text));
        long sign = negative ? f.signBit() : 0;
        if (m.equals("inf")) {
            return sign | f.infinity();
        }
        if (m.equals("nan")) {
            return sign | f.infinity() | 1L << (f.mantissaBits - 1);
        }
        if (m.startsWith("nan:0x")) {
            long payload = IntLiterals.magnitude(m.substring(4), IntLiterals.OUT_OF_RANGE);
            if (payload == 0 || Long.compareUnsigned(payload, 1L << f.mantissaBits) >= 0) {
                throw new LiteralException(IntLiterals.OUT_OF_RANGE);
            }
            return sign | f.infinity() | payload;
        }
        if (m.startsWith("0x")) {
            return sign | hexMagnitude(m.substring(2), f);
        }
        return decimal(negative, m.replace("_", ""), f);
    }

    /** Decimal literals: the JDK's parsers round correctly to nearest-even. */
    private static long decimal(boolean negative, String m, Format f) {
        String s = (negative ? "-" : "") + m;
        if (f == Format.F32) {
            float v = Float.parseFloat(s);
            if (Float.isInfinite(v)) {
                throw new LiteralException(IntLiterals.OUT_OF_RANGE);
            }
            return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            throw new LiteralException(IntLiterals.OUT_OF_RANGE);
        }
        return Double.doubleToRawLongBits(v);
    }

    /** {@code hexnum ('.' hexnum?)? ([pP] [+-]? num)?} rounded exactly (sign excluded). */
    private static long hexMagnitude(String m, Format f) {
        int p = Math.max(m.indexOf('p'), m.indexOf('P'));
        String mant = (p < 0 ? m : m.substring(0, p)).replace("_", "");
        long exp = p < 0 ? 0 : saturatingExponent(m.substring(p + 1));
        int dot = mant.indexOf('.');
        String digits = dot < 0 ? mant : mant.substring(0, dot) + mant.substring(dot + 1);
        if (dot >= 0) {
            exp -= 4L * (mant.length() - dot - 1);
        }
        BigInteger value = new BigInteger(digits, 16);
        return round(value, exp, f);
    }

    private static long saturatingExponent(String e) {
        boolean neg = e.startsWith("-");
        long v = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c >= '0' && c <= '9') {
                v = Math.min(v * 10 + (c - '0'), 1_000_000_000L);
            }
        }
        return neg ? -v : v;
    }

    /** {@code value * 2^exp} rounded to nearest-even in format {@code f}, as bits (no sign). */
    static long round(BigInteger value, long exp, Format f) {
        if (value.signum() == 0) {
            return 0;
        }
        int precision = f.mantissaBits + 1;
        long e = value.bitLength() - 1 + exp; // value in [2^e, 2^(e+1))
        if (e > f.emax) {
            throw new LiteralException(IntLiterals.OUT_OF_RANGE);
        }
        if (e >= f.emin) {
            long shift = value.bitLength() - precision;
            BigInteger r = shiftRound(value, shift);
            if (r.bitLength() > precision) {
                r = r.shiftRight(1);
                e++;
            }
            if (e > f.emax) {
                throw new LiteralException(IntLiterals.OUT_OF_RANGE);
            }
            long mantissa = r.longValue() & ((1L << f.mantissaBits) - 1);
            return (e + f.emax) << f.mantissaBits | mantissa;
        }
        // Subnormal: multiples of 2^(emin - mantissaBits); a carry into 2^mantissaBits is the smallest normal.
        long shift = (f.emin - f.mantissaBits) - exp;
        return shiftRound(value, shift).longValue();
    }

    /** {@code v / 2^shift} rounded to nearest, ties to even ({@code shift} may be negative). */
    private static BigInteger shiftRound(BigInteger v, long shift) {
        if (shift <= 0) {
            return v.shiftLeft((int) -shift);
        }
        if (shift > v.bitLength() + 1) {
            return BigInteger.ZERO;
        }
        int s = (int) shift;
        BigInteger q = v.shiftRight(s);
        boolean half = v.testBit(s - 1);
        boolean sticky = v.getLowestSetBit() < s - 1;
        if (half && (sticky || q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        return q;
    }
}
