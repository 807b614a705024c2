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

    public static String dump(FunctionCode fn) {
        int[] code = fn.code();
        TreeSet<Integer> targets = new TreeSet<>();
        for (int pc = 0; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
            int op = code[pc];
            if (op == Op.BR) {
                targets.add(code[pc + 1]);
            } else if (op == Op.BR_IF || op == Op.BR_UNLESS) {
                targets.add(code[pc + 2]);
            } else if (op >= Op.BR_IF_EQ && op <= Op.BR_IF_GE_U_C) {
                targets.add(code[pc + 3]);
            } else if (op == Op.BR_TABLE) {
                for (int e = 0; e <= code[pc + 2]; e++) {
                    targets.add(code[pc + 5 + 2 * e]);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(fn.describe()).append(": params ").append(fn.paramSlots()).append(", locals ")
                .append(fn.localSlots()).append(" (zero slot ").append(fn.zeroSlot()).append("), max stack ")
                .append(fn.maxStackSlots()).append(", results ").append(fn.resultSlots()).append('\n');
        for (int pc = 0; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
            int n = Op.immediates(code, pc);
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
