package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;

/**
 * {@code drop} and {@code select}, the two instructions whose operand type comes from the stack.
 *
 * <p>Spec: 2.0, Validation > Instructions > Parametric Instructions,
 * {@code valid/instructions.html#parametric-instructions}.
 */
final class ParametricRules {
    private ParametricRules() {}

    static void apply(FunctionValidator v, Opcode op, CodeReader code) {
        TypeStack s = v.stack;
        switch (op) {
            case DROP -> {
                if (s.popOperand() == TypeStack.code(ValType.V128)) {
                    v.markWide();
                }
            }
            case SELECT -> {
                s.popOperand(ValType.I32);
                if (s.operandsAboveBase() == 0 && !s.isUnreachable()) {
                    // Nothing to select from: the text format's "(select (result))" of arity 0 and
                    // an untyped select on an empty stack encode to the same bytes, and the suite
                    // names this error both ways.
                    throw v.invalid("type mismatch: select without operands (invalid result arity 0)");
                }
                int t1 = s.popOperand();
                int t2 = s.popOperand();
                // Untyped select works on numeric or vector operands of one type (not references).
                boolean numeric = TypeStack.isNumeric(t1) && TypeStack.isNumeric(t2);
                boolean vector = TypeStack.isVector(t1) && TypeStack.isVector(t2);
                if (!numeric && !vector) {
                    throw v.invalid("type mismatch: select needs numeric or vector operands, found "
                            + TypeStack.name(t2) + " and " + TypeStack.name(t1));
                }
                if (t1 != t2 && t1 != TypeStack.UNKNOWN && t2 != TypeStack.UNKNOWN) {
                    throw v.invalid("type mismatch: select operands " + TypeStack.name(t2) + " and "
                            + TypeStack.name(t1));
                }
                int t = t1 == TypeStack.UNKNOWN ? t2 : t1;
                if (t == TypeStack.code(ValType.V128)) {
                    v.markWide();
                }
                s.pushOperand(t);
            }
            case SELECT_T -> {
                if (code.selectTypeCount() != 1) {
                    throw v.invalid("invalid result arity: select takes one type, not " + code.selectTypeCount());
                }
                ValType t = v.checked(code.selectType(0));
                s.popOperand(ValType.I32);
                s.popOperand(t);
                s.popOperand(t);
                s.pushOperand(t);
            }
            default -> throw new AssertionError(op);
        }
    }
}
