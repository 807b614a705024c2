package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Immediates of vector (0xFD) instructions, which run in stack form as
 * {@code [VECTOR words top subop immediates...]} ({@link CodeTranslator#vector}): {@code words}
 * counts the words after the op, itself included, so the interpreter can step over the instruction
 * without decoding it; {@code top} is the canonical slot above the operands; {@code subop} is the
 * instruction's 0xFD sub-opcode. The immediates by kind:
 *
 * <ul>
 *   <li>none;
 *   <li>{@code v128.const}: the 16 bytes as four little-endian ints, lowest first;
 *   <li>{@code i8x16.shuffle}: the 16 lane indices packed the same way, index {@code i} in byte
 *       {@code i};
 *   <li>a lane index ({@code extract_lane}, {@code replace_lane}): {@code lane};
 *   <li>a memory access: {@code offLo offHi memory} (the offset a u64 in two ints, 3.0's memory64;
 *       the alignment hint does not matter at run time; the memory index, 0 but with 3.0's
 *       multiple memories);
 *   <li>a lane memory access: {@code offLo offHi lane memory}.
 * </ul>
 *
 * Each instruction costs one unit of fuel; loads and stores are trap sites.
 */
final class VectorTranslation {
    private VectorTranslation() {}

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        int sub = op.code();
        switch (op.immediate()) {
            case NONE -> t.vector(op, sub);
            case V128, SHUFFLE -> {
                long lo = r.v128Low();
                long hi = r.v128High();
                t.vector(op, sub, (int) lo, (int) (lo >>> 32), (int) hi, (int) (hi >>> 32));
            }
            case LANE -> t.vector(op, sub, r.lane());
            case MEMARG -> t.vector(op, sub, (int) r.offset(), (int) (r.offset() >>> 32), r.memoryIndex());
            case MEMARG_LANE -> t.vector(op, sub, (int) r.offset(), (int) (r.offset() >>> 32), r.lane(),
                    r.memoryIndex());
            default -> throw new IllegalStateException("no translation for " + op);
        }
    }
}
