package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.ValType;

/**
 * {@code local.get/set/tee}, {@code global.get/set}.
 *
 * <p>Spec: 2.0, Validation > Instructions > Variable Instructions,
 * {@code valid/instructions.html#variable-instructions}; 3.0, Local Instructions, for the
 * initialisation of locals without a default value.
 */
final class VariableRules {
    private VariableRules() {}

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        int index = code.index();
        switch (op) {
            case LOCAL_GET -> s.pushOperand(v.readLocal(index));
            case LOCAL_SET -> {
                s.popOperand(v.local(index));
                s.setLocal(index);
            }
            case LOCAL_TEE -> {
                ValType t = v.local(index);
                s.popOperand(t);
                s.pushOperand(t);
                s.setLocal(index);
            }
            case GLOBAL_GET -> s.pushOperand(global(v, index).valType());
            case GLOBAL_SET -> {
                GlobalType g = global(v, index);
                if (!g.mutable()) {
                    // One message for both suites' assert_invalid texts: 2.0's "global is
                    // immutable" first, then 3.0's "immutable global".
                    throw v.invalid("global is immutable: global.set of immutable global " + index);
                }
                s.popOperand(g.valType());
            }
            default -> throw new AssertionError(op);
        }
    }

    private static GlobalType global(FunctionValidator v, int index) {
        if (index < 0 || index >= v.context.globals.size()) {
            throw v.invalid("unknown global " + Integer.toUnsignedString(index));
        }
        return v.context.globals.get(index);
    }
}
