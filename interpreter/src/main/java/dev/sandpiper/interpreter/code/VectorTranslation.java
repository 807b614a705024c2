package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Translation of vector (0xFD) instructions into {@link Op#VECTOR} words:
 * {@code [VECTOR words subop immediates...]}, where {@code words} counts the immediate words, itself
 * included, so the interpreter can step over the instruction without decoding it, and {@code subop}
 * is the instruction's 0xFD sub-opcode. The immediates by kind:
 *
 * <ul>
 *   <li>none: {@code [VECTOR 2 subop]};
 *   <li>{@code v128.const}: the 16 bytes as four little-endian ints, lowest first:
 *       {@code [VECTOR 6 subop b0..3 b4..7 b8..11 b12..15]};
 *   <li>{@code i8x16.shuffle}: the 16 lane indices packed the same way, index {@code i} in byte
 *       {@code i};
 *   <li>a lane index ({@code extract_lane}, {@code replace_lane}): {@code [VECTOR 3 subop lane]};
 *   <li>a memory access: {@code [VECTOR 3 subop offset]} (the offset as a u32 in an int; the
 *       alignment hint does not matter at run time);
 *   <li>a lane memory access: {@code [VECTOR 4 subop offset lane]}.
 * </ul>
 *
 * Each instruction costs one unit of fuel; loads and stores are trap sites.
 */
final class VectorTranslation {
    private VectorTranslation() {}

    /** Immediate words of the {@link Op#VECTOR} op at {@code pc}. */
    static int immediates(int[] code, int pc) {
        return code[pc + 1];
    }

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        int sub = op.code();
        switch (op.immediate()) {
            case NONE -> t.emitCosted(Op.VECTOR, 2, sub);
            case V128, SHUFFLE -> {
                long lo = r.v128Low();
                long hi = r.v128High();
                t.emitCosted(Op.VECTOR, 6, sub, (int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
            }
            case LANE -> t.emitCosted(Op.VECTOR, 3, sub, r.lane());
            case MEMARG -> {
                t.emitCosted(Op.VECTOR, 3, sub, (int) r.offset());
                t.trapSite();
            }
            case MEMARG_LANE -> {
                t.emitCosted(Op.VECTOR, 4, sub, (int) r.offset(), r.lane());
                t.trapSite();
            }
            default -> throw new IllegalStateException("no translation for " + op);
        }
    }
}
