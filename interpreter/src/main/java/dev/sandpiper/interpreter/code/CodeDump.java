package dev.sandpiper.interpreter.code;

import java.util.TreeSet;

/**
 * Disassembles translated code, one op per line with its word index and immediates. A branch target
 * is a word index, the {@code n} word of the target block's {@code FUEL}; it is labelled
 * {@code L<target>} above the op holding it. For failing tests, debugging and {@code sandpiper}'s
 * tooling.
 */
public final class CodeDump {
    private CodeDump() {}

    /** Number of immediate words of the op at {@code pc}. */
    public static int immediates(int[] code, int pc) {
        int op = code[pc];
        if (op >= Op.BR_IF_EQ_C) {
            return 2; // [BR_IF_xx_C c target]
        }
        if (op >= Op.FUSED_BASE) {
            return 1; // [BR_IF_xx target], [I32_xx_C c], [I32_xx_L slot]
        }
        if (op >= Op.NUMERIC_BASE) {
            return 0;
        }
        return switch (op) {
            case Op.UNREACHABLE, Op.DROP, Op.SELECT, Op.SELECT_WIDE, Op.MEMORY_SIZE, Op.MEMORY_GROW,
                    Op.MEMORY_FILL, Op.MEMORY_COPY, Op.REF_NULL, Op.REF_IS_NULL -> 0;
            case Op.BR_ADJ, Op.BR_IF_ADJ -> 3;
            case Op.CALL_INDIRECT, Op.CONST64, Op.TABLE_COPY, Op.TABLE_INIT -> 2;
            case Op.BR_TABLE -> 1 + 3 * (code[pc + 1] + 1);
            case Op.VECTOR -> VectorTranslation.immediates(code, pc);
            default -> 1;
        };
    }

    public static String dump(FunctionCode fn) {
        int[] code = fn.code();
        TreeSet<Integer> targets = new TreeSet<>();
        for (int pc = 0; pc < code.length; pc += 1 + immediates(code, pc)) {
            switch (code[pc]) {
                case Op.BR, Op.BR_ADJ, Op.BR_IF, Op.BR_IF_ADJ, Op.BR_UNLESS -> targets.add(code[pc + 1]);
                case Op.BR_TABLE -> {
                    for (int e = 0; e <= code[pc + 1]; e++) {
                        targets.add(code[pc + 2 + 3 * e]);
                    }
                }
                default -> {
                    if (code[pc] >= Op.BR_IF_EQ_C) {
                        targets.add(code[pc + 2]);
                    } else if (code[pc] >= Op.BR_IF_EQ && code[pc] <= Op.BR_IF_EQZ) {
                        targets.add(code[pc + 1]);
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(fn.describe()).append(": params ").append(fn.paramSlots()).append(", locals ")
                .append(fn.localSlots()).append(", max stack ").append(fn.maxStackSlots()).append(", results ")
                .append(fn.resultSlots()).append('\n');
        for (int pc = 0; pc < code.length; pc += 1 + immediates(code, pc)) {
            int n = immediates(code, pc);
            for (int word = pc; word <= pc + n; word++) {
                if (targets.contains(word)) {
                    sb.append("L").append(word).append(":\n");
                }
            }
            sb.append(String.format("%5d  %s", pc, Op.name(code[pc])));
            for (int i = 1; i <= n; i++) {
                sb.append(' ').append(code[pc + i]);
            }
            int refund = fn.refundAt(pc + 1 + n);
            if (refund > 0) {
                sb.append("    ; refund ").append(refund);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
