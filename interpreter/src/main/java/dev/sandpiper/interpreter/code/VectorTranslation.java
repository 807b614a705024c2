package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.interpreter.RelaxedVectors;

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
 * Each instruction costs one unit of fuel; loads and stores are trap sites. A relaxed instruction
 * (3.0) is translated as the 2.0 instruction it is in the deterministic profile, where it is one
 * ({@link RelaxedVectors#deterministic}).
 */
final class VectorTranslation {
    private VectorTranslation() {}

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        // A relaxed instruction that is a 2.0 one in the deterministic profile runs as that one.
        Opcode same = RelaxedVectors.deterministic(op);
        if (same != null) {
            op = same;
        }
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
