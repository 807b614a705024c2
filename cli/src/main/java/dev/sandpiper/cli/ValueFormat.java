package dev.sandpiper.cli;

import dev.sandpiper.decoder.model.ValType;
import java.util.List;

/**
 * Command-line values: {@code TYPE:VALUE} arguments parsed into raw bits, and results printed the same
 * way. Integers are decimal (signed or unsigned) or {@code 0x} hex; floats take Java's decimal and
 * hexadecimal forms ({@code 1.5}, {@code 0x1p-3}), {@code inf}, {@code -inf}, {@code nan} and
 * {@code nan:0xPAYLOAD}; references are {@code null} or a handle. A bare integer is an i32.
 *
 * <p>A v128 is {@code v128:SHAPE:LANE,LANE,...}, {@code SHAPE} one of {@code i8x16}, {@code i16x8},
 * {@code i32x4}, {@code i64x2}, {@code f32x4}, {@code f64x2}, with exactly that many lanes, lane 0
 * first (the lowest bytes in memory); each lane takes the integer or float forms above
 * ({@code v128:i8x16:0,-1,255,...}, {@code v128:f32x4:1.5,nan,-inf,0x1p-3}). A v128 result is printed
 * in one shape for all v128 results, {@code i32x4} unless chosen otherwise, integer lanes as signed
 * decimals.
 */
final class ValueFormat {
    private ValueFormat() {}

    /** The type named by an argument's prefix, or I32 for a bare value. */
    static ValType typeOf(String arg) {
        int colon = arg.indexOf(':');
        if (colon < 0) {
            return ValType.I32;
        }
        return switch (arg.substring(0, colon)) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FUNCREF;
            case "externref" -> ValType.EXTERNREF;
            case "anyref" -> ValType.ref(true, ValType.HEAP_ANY);
            default -> throw new IllegalArgumentException("unknown type '" + arg.substring(0, colon)
                    + "' (use i32, i64, f32, f64, v128, funcref, externref or anyref)");
        };
    }

    /** The raw bits of an argument. */
    static long parse(String arg) {
        ValType type = typeOf(arg);
        String v = arg.indexOf(':') < 0 ? arg : arg.substring(arg.indexOf(':') + 1);
        try {
            return switch (type.kind()) {
                case I32 -> (int) integer(v, 32);
                case I64 -> integer(v, 64);
                case F32 -> f32(v);
                case F64 -> f64(v);
                case FUNCREF, EXTERNREF, EXNREF, ANYREF -> v.equals("null") ? -1 : Long.parseLong(v);
                case V128 -> throw new IllegalArgumentException("a v128 takes two slots: use parseV128");
                default -> throw new IllegalArgumentException("unsupported type " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a valid " + type + " value");
        }
    }

    /** A signed or unsigned integer of {@code bits} (8, 16, 32 or 64) bits, as a long. */
    private static long integer(String v, int bits) {
        boolean negative = v.startsWith("-");
        String digits = negative || v.startsWith("+") ? v.substring(1) : v;
        long magnitude = digits.startsWith("0x") || digits.startsWith("0X")
                ? Long.parseUnsignedLong(digits.substring(2).replace("_", ""), 16)
                : Long.parseUnsignedLong(digits.replace("_", ""));
        if (bits < 64) {
            long max = negative ? 1L << (bits - 1) : (1L << bits) - 1;
            if (Long.compareUnsigned(magnitude, max) > 0) {
                throw new IllegalArgumentException("'" + v + "' does not fit in " + bits + " bits");
            }
        } else if (negative && Long.compareUnsigned(magnitude, 1L << 63) > 0) {
            throw new IllegalArgumentException("'" + v + "' does not fit in 64 bits");
        }
        return negative ? -magnitude : magnitude;
    }

    private static long f32(String v) {
        String s = v.startsWith("+") ? v.substring(1) : v;
        boolean negative = s.startsWith("-");
        String m = negative ? s.substring(1) : s;
        int sign = negative ? 0x80000000 : 0;
        if (m.equals("inf") || m.equals("infinity")) {
            return sign | 0x7F800000;
        }
        if (m.equals("nan")) {
            return sign | 0x7FC00000;
        }
        if (m.startsWith("nan:0x")) {
            int payload = Integer.parseUnsignedInt(m.substring(6), 16);
            if (payload == 0 || payload > 0x7FFFFF) {
                throw new IllegalArgumentException("f32 NaN payload must be 1..0x7fffff");
            }
            return sign | 0x7F800000 | payload;
        }
        return Float.floatToRawIntBits(Float.parseFloat(s));
    }

    private static long f64(String v) {
        String s = v.startsWith("+") ? v.substring(1) : v;
        boolean negative = s.startsWith("-");
        String m = negative ? s.substring(1) : s;
        long sign = negative ? Long.MIN_VALUE : 0;
        if (m.equals("inf") || m.equals("infinity")) {
            return sign | 0x7FF0000000000000L;
        }
        if (m.equals("nan")) {
            return sign | 0x7FF8000000000000L;
        }
        if (m.startsWith("nan:0x")) {
            long payload = Long.parseUnsignedLong(m.substring(6), 16);
            if (payload == 0 || payload > 0xFFFFFFFFFFFFFL) {
                throw new IllegalArgumentException("f64 NaN payload must be 1..0xfffffffffffff");
            }
            return sign | 0x7FF0000000000000L | payload;
        }
        return Double.doubleToRawLongBits(Double.parseDouble(s));
    }

    /** The v128 shapes, in the order of their lane widths. */
    static final List<String> SHAPES = List.of("i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2");

    /** The shape v128 results are printed in unless another is chosen. */
    static final String DEFAULT_SHAPE = "i32x4";

    /** Lane width in bits of a shape from {@link #SHAPES}. */
    private static int laneBits(String shape) {
        return Integer.parseInt(shape.substring(1, shape.indexOf('x')));
    }

    /** Checks that {@code shape} is one of {@link #SHAPES}. */
    static String shape(String shape) {
        if (!SHAPES.contains(shape)) {
            throw new IllegalArgumentException("unknown v128 shape '" + shape + "' (use " + String.join(", ", SHAPES) + ")");
        }
        return shape;
    }

    /**
     * The two slots, low half first, of a {@code v128:SHAPE:LANE,...} argument: lane {@code i} of
     * {@code b} bits is bits {@code i*b} to {@code i*b+b-1} of the 128.
     */
    static long[] parseV128(String arg) {
        String rest = arg.substring(arg.indexOf(':') + 1);
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("write a v128 as v128:SHAPE:LANE,LANE,... (for example v128:i32x4:1,2,3,4)");
        }
        String shape = shape(rest.substring(0, colon));
        int bits = laneBits(shape);
        String[] lanes = rest.substring(colon + 1).split(",", -1);
        if (lanes.length != 128 / bits) {
            throw new IllegalArgumentException("a " + shape + " v128 takes " + (128 / bits) + " lanes, not " + lanes.length);
        }
        long[] halves = new long[2];
        for (int i = 0; i < lanes.length; i++) {
            String v = lanes[i].trim();
            long lane;
            try {
                lane = switch (shape) {
                    case "f32x4" -> f32(v);
                    case "f64x2" -> f64(v);
                    default -> integer(v, bits);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a valid " + shape + " lane");
            }
            int bit = i * bits;
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            halves[bit >>> 6] |= (lane & mask) << (bit & 63);
        }
        return halves;
    }

    /** {@code v128:SHAPE:LANE,...} for a v128 result's two slots, low half first. */
    static String formatV128(long lo, long hi, String shape) {
        int bits = laneBits(shape);
        StringBuilder sb = new StringBuilder("v128:").append(shape).append(':');
        for (int bit = 0; bit < 128; bit += bits) {
            long half = bit < 64 ? lo : hi;
            // The lane, sign-extended from its width.
            long lane = (half << (64 - (bit & 63) - bits)) >> (64 - bits);
            if (bit > 0) {
                sb.append(',');
            }
            sb.append(switch (shape) {
                case "f32x4" -> f32Text((int) lane);
                case "f64x2" -> f64Text(lane);
                default -> Long.toString(lane);
            });
        }
        return sb.toString();
    }

    /** {@code TYPE:VALUE} for a result's raw bits. */
    static String format(ValType type, long bits) {
        return type + ":" + switch (type.kind()) {
            case I32 -> Integer.toString((int) bits);
            case I64 -> Long.toString(bits);
            case F32 -> f32Text((int) bits);
            case F64 -> f64Text(bits);
            case FUNCREF, EXTERNREF, EXNREF, ANYREF -> bits == -1 ? "null" : Long.toString(bits);
            default -> Long.toHexString(bits);
        };
    }

    private static String f32Text(int bits) {
        float f = Float.intBitsToFloat(bits);
        String sign = bits < 0 ? "-" : "";
        if (Float.isNaN(f)) {
            int payload = bits & 0x7FFFFF;
            return sign + (payload == 0x400000 ? "nan" : "nan:0x" + Integer.toHexString(payload));
        }
        if (Float.isInfinite(f)) {
            return sign + "inf";
        }
        return Float.toString(f);
    }

    private static String f64Text(long bits) {
        double d = Double.longBitsToDouble(bits);
        String sign = bits < 0 ? "-" : "";
        if (Double.isNaN(d)) {
            long payload = bits & 0xFFFFFFFFFFFFFL;
            return sign + (payload == 0x8000000000000L ? "nan" : "nan:0x" + Long.toHexString(payload));
        }
        if (Double.isInfinite(d)) {
            return sign + "inf";
        }
        return Double.toString(d);
    }
}
