package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec 2.0, Validation > Instructions > Numeric and Vector Instructions: every instruction without
 * immediates whose typing is fixed ({@code t.add}, conversions, comparisons, vector arithmetic...)
 * is typed from the {@link Opcode} table: its operands of the right types validate and push its
 * results; an operand of any other type is a type mismatch at the instruction.
 */
class FixedSignatureRulesTest {

    static List<Opcode> fixedWithoutImmediates() {
        return Arrays.stream(Opcode.values())
                .filter(o -> o.hasFixedSignature() && o.immediate() == ImmediateKind.NONE && o.popCount() > 0)
                .toList();
    }

    private static void push(Code c, ValType t) {
        switch (t.kind()) {
            case I32 -> c.i32Const(0);
            case I64 -> c.i64Const(0);
            case F32 -> c.f32Const(0);
            case F64 -> c.f64Const(0);
            case V128 -> c.v128Zero();
            default -> throw new AssertionError(t);
        }
    }

    /** Another numeric or vector type than {@code t}. */
    private static ValType other(ValType t) {
        return t == ValType.I32 ? ValType.F64 : ValType.I32;
    }

    @ParameterizedTest
    @MethodSource("fixedWithoutImmediates")
    void rightOperandsValidateAndTheResultsHaveTheirTypes(Opcode op) {
        Code c = code();
        for (int i = 0; i < op.popCount(); i++) {
            push(c, op.pop(i));
        }
        c.op(op);
        // consume the results with their exact types: local.set into locals of those types
        ValType[] locals = new ValType[op.pushCount()];
        for (int i = op.pushCount() - 1; i >= 0; i--) {
            locals[i] = op.push(i);
            c.localSet(i);
        }
        valid(Validation.func(List.of(), List.of(), locals, c.end()));
    }

    @ParameterizedTest
    @MethodSource("fixedWithoutImmediates")
    void anOperandOfAnotherTypeIsATypeMismatchAtTheInstruction(Opcode op) {
        for (int wrong = 0; wrong < op.popCount(); wrong++) {
            Code c = code();
            for (int i = 0; i < op.popCount(); i++) {
                push(c, i == wrong ? other(op.pop(i)) : op.pop(i));
            }
            int at = c.size();
            c.op(op);
            for (int i = 0; i < op.pushCount(); i++) {
                c.drop();
            }
            invalidAt(voidFunc(c.end()), "type mismatch", 0, at);
        }
    }

    @ParameterizedTest
    @MethodSource("fixedWithoutImmediates")
    void tooFewOperandsIsATypeMismatch(Opcode op) {
        Code c = code();
        for (int i = 1; i < op.popCount(); i++) {
            push(c, op.pop(i));
        }
        int at = c.size();
        c.op(op);
        for (int i = 0; i < op.pushCount(); i++) {
            c.drop();
        }
        invalidAt(voidFunc(c.end()), "type mismatch", 0, at);
    }
}
