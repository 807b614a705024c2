package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Memory instructions: the memory must exist, the alignment must not exceed the access width, and
 * {@code memory.init} / {@code data.drop} must name a data segment.
 *
 * <p>Spec: 2.0, Validation > Instructions > Memory Instructions,
 * {@code valid/instructions.html#memory-instructions}.
 */
final class MemoryRules {
    private MemoryRules() {}

    static void immediates(FunctionValidator v, Opcode op, CodeReader code) {
        if (op != Opcode.DATA_DROP && v.context.memoryCount == 0) {
            throw v.invalid("unknown memory 0");
        }
        switch (op.immediate()) {
            case MEMARG, MEMARG_LANE -> {
                int align = code.align();
                int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
                if (align < 0 || align > natural) {
                    throw v.invalid("alignment must not be larger than natural: 2^"
                            + Integer.toUnsignedString(align) + " for a " + op.memoryBytes() + "-byte access");
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
}
