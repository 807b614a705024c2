package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;

/**
 * {@code ref.null}, {@code ref.is_null}, {@code ref.func}, {@code ref.as_non_null}.
 *
 * <p>Spec: 2.0, Validation > Instructions > Reference Instructions,
 * {@code valid/instructions.html#reference-instructions}; 3.0, the same section.
 */
final class ReferenceRules {
    private ReferenceRules() {}

    /**
     * The type of {@code ref.func f}: 3.0 gives {@code (ref $t)}, $t the function's type index; 2.0
     * gives funcref.
     */
    static ValType funcRefType(ModuleContext c, int f) {
        return c.module.features().enabled(Feature.FUNCTION_REFERENCES)
                ? ValType.ref(false, c.module.functionTypeIndex(f)) : ValType.FUNCREF;
    }

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        switch (op) {
            case REF_NULL -> s.pushOperand(v.checked(code.refType()));
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
                s.pushOperand(funcRefType(v.context, f));
            }
            case REF_AS_NON_NULL -> {
                // Spec: 3.0, Reference Instructions: [(ref null ht)] -> [(ref ht)]; traps on null.
                int t = ControlRules.popReference(v, s);
                s.pushOperand(t == TypeStack.UNKNOWN ? t : TypeStack.code(TypeStack.type(t).withNullable(false)));
            }
            default -> throw new AssertionError(op);
        }
    }
}
