package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.code.Opcode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A lane-by-lane reference for the vector instructions, written from the spec's definitions
 * (2.0, Execution > Numerics and Execution > Instructions > Vector Instructions) and independent of
 * the interpreter's code: a v128 is unpacked into an array of lanes through a little-endian
 * {@link ByteBuffer}, each lane is computed with plain scalar Java, and the lanes are packed back.
 * Instructions are told apart by their text names ({@code i16x8.add_sat_s}: shape {@code i16x8},
 * operator {@code add_sat_s}).
 *
 * <p>A float result lane that is NaN stands for "some NaN": {@link #nanPolicyApplies} says whether
 * the engine must then produce exactly the canonical NaN there.
 */
final class VectorReference {
    private VectorReference() {}

    /** A v128 as two longs, low half (lanes 0 and up) first. */
    record V(long lo, long hi) {
        @Override
        public String toString() {
            return String.format("v128(0x%016x_%016x)", hi, lo);
        }
    }

    // ---- lanes ----

    static int laneBits(String shape) {
        return Integer.parseInt(shape.substring(1, shape.indexOf('x')));
    }

    /** The lanes of {@code v}, each sign-extended ({@code signed}) or zero-extended to a long. */
    static long[] lanes(V v, int bits, boolean signed) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v.lo()).putLong(8, v.hi());
        long[] r = new long[128 / bits];
        for (int i = 0; i < r.length; i++) {
            r[i] = switch (bits) {
                case 8 -> signed ? b.get(i) : b.get(i) & 0xFFL;
                case 16 -> signed ? b.getShort(2 * i) : b.getShort(2 * i) & 0xFFFFL;
                case 32 -> signed ? b.getInt(4 * i) : b.getInt(4 * i) & 0xFFFFFFFFL;
                default -> b.getLong(8 * i);
            };
        }
        return r;
    }

    /** A v128 of {@code lanes}, each wrapped to {@code bits} bits. */
    static V pack(long[] lanes, int bits) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < lanes.length; i++) {
            switch (bits) {
                case 8 -> b.put(i, (byte) lanes[i]);
                case 16 -> b.putShort(2 * i, (short) lanes[i]);
                case 32 -> b.putInt(4 * i, (int) lanes[i]);
                default -> b.putLong(8 * i, lanes[i]);
            }
        }
        return new V(b.getLong(0), b.getLong(8));
    }

    private static String shape(Opcode op) {
        return op.text().substring(0, op.text().indexOf('.'));
    }

    private static String name(Opcode op) {
        return op.text().substring(op.text().indexOf('.') + 1);
    }

    private static boolean isFloat(String shape) {
        return shape.startsWith("f");
    }

    /**
     * Whether a NaN in a float lane of {@code op}'s result must be the canonical NaN (the engine's
     * policy for operators that produce NaNs). Not for {@code abs}, {@code neg} (bit operations),
     * {@code pmin}, {@code pmax} (they select an operand), or moves.
     */
    static boolean nanPolicyApplies(Opcode op) {
        String shape = shape(op);
        return isFloat(shape) && switch (name(op)) {
            case "add", "sub", "mul", "div", "min", "max", "sqrt", "ceil", "floor", "trunc", "nearest",
                    "demote_f64x2_zero", "promote_low_f32x4" -> true;
            default -> false;
        };
    }

    /** Lane width of {@code op}'s float result, or 0 if its result is not float lanes. */
    static int floatResultBits(Opcode op) {
        String shape = shape(op);
        return isFloat(shape) ? laneBits(shape) : 0;
    }

    // ---- scalar helpers, from the spec's definitions ----

    private static long satS(long v, int bits) {
        long max = (1L << (bits - 1)) - 1;
        return v > max ? max : Math.max(v, -max - 1);
    }

    private static long satU(long v, int bits) {
        long max = (1L << bits) - 1;
        return v > max ? max : Math.max(v, 0);
    }

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFFFFFFL;
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** fmin/fmax: NaN if either is; -0 is below +0; else the smaller/larger. */
    private static double minMax(double x, double y, boolean max) {
        if (x != x || y != y) {
            return Double.NaN;
        }
        if (x == 0 && y == 0) {
            boolean xNeg = Double.doubleToRawLongBits(x) < 0;
            boolean yNeg = Double.doubleToRawLongBits(y) < 0;
            return (max ? xNeg && yNeg : xNeg || yNeg) ? -0.0 : 0.0;
        }
        return max ? (x > y ? x : y) : (x < y ? x : y);
    }

    /**
     * fceil, ffloor, ftrunc, fnearest: NaN, infinities and zeros stay; otherwise the integral value in
     * the rounding direction, a zero result taking the operand's sign.
     */
    private static double round(double x, RoundingMode mode) {
        if (x != x || Double.isInfinite(x) || x == 0) {
            return x;
        }
        double r = new BigDecimal(x).setScale(0, mode).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }

    private static RoundingMode roundingMode(String name) {
        return switch (name) {
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            case "trunc" -> RoundingMode.DOWN;
            default -> RoundingMode.HALF_EVEN;
        };
    }

    /** trunc_sat to i32: NaN to 0, out of range to the nearest bound, else toward zero. */
    private static long truncSat(double x, boolean signed) {
        double min = signed ? -2147483648.0 : 0;
        double max = signed ? 2147483647.0 : 4294967295.0;
        if (x != x) {
            return 0;
        }
        if (x <= min) {
            return (long) min;
        }
        if (x >= max) {
            return (long) max;
        }
        return new BigDecimal(x).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    // ---- instructions ----

    /** A {@code v:v} instruction. */
    static V unary(Opcode op, V a) {
        String shape = shape(op);
        String name = name(op);
        int bits = laneBits(shape.equals("v128") ? "i64x2" : shape);
        switch (op.text()) {
            case "v128.not":
                return new V(~a.lo(), ~a.hi());
            case "f32x4.demote_f64x2_zero": {
                long[] x = lanes(a, 64, false);
                return pack(new long[] {bits((float) f64(x[0])), bits((float) f64(x[1])), 0, 0}, 32);
            }
            case "f64x2.promote_low_f32x4": {
                long[] x = lanes(a, 32, false);
                return pack(new long[] {bits((double) f32(x[0])), bits((double) f32(x[1]))}, 64);
            }
            case "i32x4.trunc_sat_f64x2_s_zero", "i32x4.trunc_sat_f64x2_u_zero": {
                boolean signed = name.contains("_s_");
                long[] x = lanes(a, 64, false);
                return pack(new long[] {truncSat(f64(x[0]), signed), truncSat(f64(x[1]), signed), 0, 0}, 32);
            }
            case "f64x2.convert_low_i32x4_s", "f64x2.convert_low_i32x4_u": {
                long[] x = lanes(a, 32, name.endsWith("_s"));
                return pack(new long[] {bits((double) x[0]), bits((double) x[1])}, 64);
            }
            default:
                break;
        }
        if (name.startsWith("extend_") || name.startsWith("extadd_pairwise_")) {
            int from = bits / 2;
            boolean signed = name.endsWith("_s");
            long[] x = lanes(a, from, signed);
            long[] r = new long[128 / bits];
            for (int i = 0; i < r.length; i++) {
                r[i] = name.startsWith("extend_low") ? x[i]
                        : name.startsWith("extend_high") ? x[i + r.length]
                        : x[2 * i] + x[2 * i + 1];
            }
            return pack(r, bits);
        }
        if (name.startsWith("trunc_sat_f32x4") || name.startsWith("convert_i32x4")) {
            boolean signed = name.endsWith("_s");
            long[] x = lanes(a, 32, name.startsWith("trunc") || signed);
            long[] r = new long[4];
            for (int i = 0; i < 4; i++) {
                // An i32 is exact as a double; the one rounding to float is then the correct one.
                r[i] = name.startsWith("trunc") ? truncSat(f32(x[i]), signed) : bits((float) (double) x[i]);
            }
            return pack(r, 32);
        }
        long[] x = lanes(a, bits, true);
        long[] r = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            if (isFloat(shape)) {
                long sign = bits == 32 ? 0x80000000L : Long.MIN_VALUE;
                double d = bits == 32 ? f32(x[i]) : f64(x[i]);
                double v = switch (name) {
                    case "sqrt" -> Math.sqrt(d);
                    case "abs", "neg" -> 0; // bit operations, below
                    default -> round(d, roundingMode(name));
                };
                r[i] = switch (name) {
                    case "abs" -> x[i] & ~sign;
                    case "neg" -> x[i] ^ sign;
                    default -> bits == 32 ? bits((float) v) : bits(v);
                };
            } else {
                r[i] = switch (name) {
                    case "abs" -> Math.abs(x[i]);
                    case "neg" -> -x[i];
                    case "popcnt" -> Long.bitCount(x[i] & 0xFF);
                    default -> throw new IllegalArgumentException(op.text());
                };
            }
        }
        return pack(r, bits);
    }

    /** A {@code v:i} instruction: {@code any_true}, {@code all_true}, {@code bitmask}. */
    static int reduce(Opcode op, V a) {
        if (op.text().equals("v128.any_true")) {
            return (a.lo() | a.hi()) != 0 ? 1 : 0;
        }
        long[] x = lanes(a, laneBits(shape(op)), true);
        int r = name(op).equals("all_true") ? 1 : 0;
        for (int i = 0; i < x.length; i++) {
            if (name(op).equals("all_true")) {
                r &= x[i] != 0 ? 1 : 0;
            } else if (x[i] < 0) {
                r |= 1 << i;
            }
        }
        return r;
    }

    /** A {@code vv:v} instruction without immediates. */
    static V binary(Opcode op, V a, V b) {
        String shape = shape(op);
        String name = name(op);
        switch (op.text()) {
            case "v128.and":
                return new V(a.lo() & b.lo(), a.hi() & b.hi());
            case "v128.andnot":
                return new V(a.lo() & ~b.lo(), a.hi() & ~b.hi());
            case "v128.or":
                return new V(a.lo() | b.lo(), a.hi() | b.hi());
            case "v128.xor":
                return new V(a.lo() ^ b.lo(), a.hi() ^ b.hi());
            case "i8x16.swizzle": {
                long[] x = lanes(a, 8, false);
                long[] s = lanes(b, 8, false);
                long[] r = new long[16];
                for (int i = 0; i < 16; i++) {
                    r[i] = s[i] < 16 ? x[(int) s[i]] : 0;
                }
                return pack(r, 8);
            }
            default:
                break;
        }
        int bits = laneBits(shape);
        if (name.startsWith("narrow_")) {
            boolean signed = name.endsWith("_s");
            long[] x = lanes(a, bits * 2, true);
            long[] y = lanes(b, bits * 2, true);
            long[] r = new long[128 / bits];
            for (int i = 0; i < r.length; i++) {
                long v = i < x.length ? x[i] : y[i - x.length];
                r[i] = signed ? satS(v, bits) : satU(v, bits);
            }
            return pack(r, bits);
        }
        if (name.startsWith("extmul_") || name.startsWith("dot_")) {
            boolean signed = name.endsWith("_s");
            long[] x = lanes(a, bits / 2, signed);
            long[] y = lanes(b, bits / 2, signed);
            long[] r = new long[128 / bits];
            for (int i = 0; i < r.length; i++) {
                if (name.startsWith("dot_")) {
                    r[i] = x[2 * i] * y[2 * i] + x[2 * i + 1] * y[2 * i + 1];
                } else {
                    int j = name.startsWith("extmul_low") ? i : i + r.length;
                    r[i] = x[j] * y[j];
                }
            }
            return pack(r, bits);
        }
        boolean unsigned = name.endsWith("_u");
        long[] x = lanes(a, bits, !unsigned || isFloat(shape));
        long[] y = lanes(b, bits, !unsigned || isFloat(shape));
        long[] r = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = isFloat(shape) ? floatLane(name, bits, x[i], y[i]) : intLane(name, bits, x[i], y[i]);
        }
        return pack(r, bits);
    }

    /** Integer lane operator; {@code x}, {@code y} signed or unsigned as the operator's suffix says. */
    private static long intLane(String name, int bits, long x, long y) {
        String base = name.endsWith("_s") || name.endsWith("_u") ? name.substring(0, name.length() - 2) : name;
        boolean cmp = switch (base) {
            case "eq", "ne", "lt", "gt", "le", "ge" -> true;
            default -> false;
        };
        if (cmp) {
            boolean t = switch (base) {
                case "eq" -> x == y;
                case "ne" -> x != y;
                case "lt" -> x < y;
                case "gt" -> x > y;
                case "le" -> x <= y;
                default -> x >= y;
            };
            return t ? -1 : 0;
        }
        return switch (name) {
            case "add" -> x + y;
            case "sub" -> x - y;
            case "mul" -> x * y;
            case "add_sat_s" -> satS(x + y, bits);
            case "sub_sat_s" -> satS(x - y, bits);
            case "add_sat_u" -> satU(x + y, bits);
            case "sub_sat_u" -> satU(x - y, bits);
            case "min_s", "min_u" -> Math.min(x, y);
            case "max_s", "max_u" -> Math.max(x, y);
            case "avgr_u" -> (x + y + 1) / 2;
            case "q15mulr_sat_s" -> satS((x * y + (1 << 14)) >> 15, 16);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Float lane operator on lane bits. */
    private static long floatLane(String name, int bits, long i, long j) {
        double x = bits == 32 ? f32(i) : f64(i);
        double y = bits == 32 ? f32(j) : f64(j);
        boolean cmp = switch (name) {
            case "eq", "ne", "lt", "gt", "le", "ge" -> true;
            default -> false;
        };
        if (cmp) {
            boolean t = switch (name) {
                case "eq" -> x == y;
                case "ne" -> x != y;
                case "lt" -> x < y;
                case "gt" -> x > y;
                case "le" -> x <= y;
                default -> x >= y;
            };
            return t ? -1 : 0;
        }
        switch (name) {
            case "pmin":
                return y < x ? j : i;
            case "pmax":
                return x < y ? j : i;
            default:
                break;
        }
        if (bits == 32) {
            float fx = f32(i);
            float fy = f32(j);
            float v = switch (name) {
                case "add" -> fx + fy;
                case "sub" -> fx - fy;
                case "mul" -> fx * fy;
                case "div" -> fx / fy;
                case "min" -> (float) minMax(fx, fy, false);
                case "max" -> (float) minMax(fx, fy, true);
                default -> throw new IllegalArgumentException(name);
            };
            return bits(v);
        }
        double v = switch (name) {
            case "add" -> x + y;
            case "sub" -> x - y;
            case "mul" -> x * y;
            case "div" -> x / y;
            case "min" -> minMax(x, y, false);
            case "max" -> minMax(x, y, true);
            default -> throw new IllegalArgumentException(name);
        };
        return bits(v);
    }

    /** {@code v128.bitselect}. */
    static V bitselect(V a, V b, V c) {
        return new V((a.lo() & c.lo()) | (b.lo() & ~c.lo()), (a.hi() & c.hi()) | (b.hi() & ~c.hi()));
    }

    /** {@code shl}, {@code shr_s}, {@code shr_u}: the count taken modulo the lane width. */
    static V shift(Opcode op, V a, int count) {
        int bits = laneBits(shape(op));
        String name = name(op);
        long[] x = lanes(a, bits, !name.equals("shr_u"));
        int k = Math.floorMod(count, bits);
        long[] r = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = name.equals("shl") ? x[i] << k : name.equals("shr_s") ? x[i] >> k : x[i] >>> k;
        }
        return pack(r, bits);
    }

    /** {@code splat} of an operand slot (an i32 or f32 slot holds its bits sign-extended). */
    static V splat(Opcode op, long scalar) {
        int bits = laneBits(shape(op));
        long[] r = new long[128 / bits];
        java.util.Arrays.fill(r, scalar);
        return pack(r, bits);
    }

    /** {@code extract_lane}: the result slot (i32 and f32 sign-extended to 64 bits). */
    static long extract(Opcode op, V a, int lane) {
        int bits = laneBits(shape(op));
        long v = lanes(a, bits, !op.text().endsWith("_u"))[lane];
        return bits == 32 ? (int) v : v;
    }

    /** {@code replace_lane}. */
    static V replace(Opcode op, V a, int lane, long scalar) {
        int bits = laneBits(shape(op));
        long[] x = lanes(a, bits, false);
        x[lane] = scalar;
        return pack(x, bits);
    }

    /** {@code i8x16.shuffle} with lane indices {@code s}. */
    static V shuffle(V a, V b, int[] s) {
        long[] x = lanes(a, 8, false);
        long[] y = lanes(b, 8, false);
        long[] r = new long[16];
        for (int i = 0; i < 16; i++) {
            r[i] = s[i] < 16 ? x[s[i]] : y[s[i] - 16];
        }
        return pack(r, 8);
    }
}
