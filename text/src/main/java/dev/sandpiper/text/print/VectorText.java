package dev.sandpiper.text.print;

/**
 * {@code v128.const} operands as four {@code i32x4} lanes (hex, so every bit pattern is written
 * exactly and reads back the same), and the sixteen lane indices of {@code i8x16.shuffle}.
 *
 * <p>Spec: 2.0, 6.5.7 Vector Instructions ({@code text/instructions.html#vector-instructions}).
 */
final class VectorText {
    private VectorText() {}

    static void i32x4(StringBuilder sb, long low, long high) {
        sb.append("i32x4");
        for (long half : new long[] {low, high}) {
            lane(sb, (int) half);
            lane(sb, (int) (half >>> 32));
        }
    }

    private static void lane(StringBuilder sb, int v) {
        sb.append(" 0x").append(String.format("%08x", v));
    }

    static void laneBytes(StringBuilder sb, long low, long high) {
        for (int i = 0; i < 16; i++) {
            long half = i < 8 ? low : high;
            sb.append(' ').append((half >>> (8 * (i & 7))) & 0xFF);
        }
    }
}
