package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;

/**
 * {@code ref.null}, {@code ref.is_null}, {@code ref.func}.
 *
 * <p>Spec: 2.0, Validation > Instructions > Reference Instructions,
 * {@code valid/instructions.html#reference-instructions}.
 */
final class ReferenceRules {
    private ReferenceRules() {}

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        switch (op) {
            case REF_NULL -> s.pushOperand(code.refType());
            case REF_IS_NULL -> {
                int t = s.popOperand();
                if (!TypeStack.isReference(t)) {
                    throw v.invalid("type mismatch: ref.is_null needs a reference, found " + TypeStack.name(t));
                }
                s.pushOperand(ValType.I32);
            }
            case REF_FUNC -> {
                int f = code.index();
                ControlRules.function(v, f);
                if (!v.context.isDeclaredRef(f)) {
                    throw v.invalid("undeclared function reference " + f);
                }
                s.pushOperand(ValType.FUNCREF);
            }
            default -> throw new AssertionError(op);
        }
    }
}
