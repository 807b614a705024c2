package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Checks the immediates of instructions whose operand types are fixed (so the stack effect comes
 * from {@link Opcode}'s table): memory, table, segment and lane indices, and alignment. Dispatches
 * on the immediate kind to the family that owns the rule.
 */
final class Immediates {
    private Immediates() {}

    static void check(FunctionValidator v, Opcode op, CodeReader code) {
        switch (op.immediate()) {
            case MEMARG, MEMORY_INDEX, MEMORY_COPY, MEMORY_INIT, DATA_INDEX -> MemoryRules.immediates(v, op, code);
            case MEMARG_LANE -> {
                MemoryRules.immediates(v, op, code);
                VectorRules.lane(v, op, code.lane());
            }
            case LANE -> VectorRules.lane(v, op, code.lane());
            case SHUFFLE -> VectorRules.shuffle(v, code);
            case TABLE_INDEX, TABLE_INIT, TABLE_COPY, ELEM_INDEX -> TableRules.immediates(v, op, code);
            default -> { }
        }
    }
}
