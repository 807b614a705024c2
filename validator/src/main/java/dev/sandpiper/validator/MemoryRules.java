package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;

/**
 * Memory instructions: the memory must exist, the alignment must not exceed the access width, and
 * {@code memory.init} / {@code data.drop} must name a data segment.
 *
 * <p>Spec: 2.0, Validation > Instructions > Memory Instructions,
 * {@code valid/instructions.html#memory-instructions}; 3.0, the same section (a memory index on
 * each of them).
 */
final class MemoryRules {
    private MemoryRules() {}

    static void immediates(FunctionValidator v, Opcode op, CodeReader code) {
        if (op != Opcode.DATA_DROP) {
            memory(v, code.memoryIndex());
            if (op == Opcode.MEMORY_COPY) {
                memory(v, code.memoryIndex2());
            }
        }
        switch (op.immediate()) {
            case MEMARG, MEMARG_LANE -> {
                int align = code.align();
                int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
                if (align < 0 || align > natural) {
                    throw v.invalid("alignment must not be larger than natural: 2^"
                            + Integer.toUnsignedString(align) + " for a " + op.memoryBytes() + "-byte access");
                }
                // 3.0, Validation > Instructions > Memory Instructions (memarg): the offset is
                // below 2^|at|, so a memory of address type i32 takes u32 offsets only.
                if ((code.offset() >>> 32) != 0 && v.context.memoryAddress(code.memoryIndex()) == ValType.I32) {
                    throw v.invalid("offset out of range: " + Long.toUnsignedString(code.offset())
                            + " for a memory of address type i32");
                }
            }
            case MEMORY_INIT, DATA_INDEX -> {
                int d = code.index();
                if (d < 0 || d >= v.context.dataCount) {
                    throw v.invalid("unknown data segment " + Integer.toUnsignedString(d));
                }
            }
            default -> { }
        }
    }

    /** The memory an instruction names must exist (3.0: any index; 2.0 decodes only 0). */
    private static void memory(FunctionValidator v, int index) {
        if (Integer.compareUnsigned(index, v.context.memoryCount) >= 0) {
            throw v.invalid("unknown memory " + Integer.toUnsignedString(index));
        }
    }
}
