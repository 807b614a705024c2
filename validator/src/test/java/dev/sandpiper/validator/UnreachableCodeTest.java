package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The polymorphic operand stack (spec 2.0, Appendix > Validation Algorithm): after {@code unreachable},
 * {@code br}, {@code br_table} and {@code return} the rest of the block pops values of any type from
 * an empty stack, but what it pushes itself is still typed, and the block's end still checks it.
 */
class UnreachableCodeTest {

    /** The four instructions that end reachable code, each with what it needs before it in a [] -> [i32] function. */
    private static List<Supplier<Code>> enders() {
        return List.of(
                () -> code().unreachable(),
                () -> code().i32Const(0).br(0),
                () -> code().i32Const(0).i32Const(0).brTable(new long[] {0}, 0),
                () -> code().i32Const(0).return_());
    }

    @Test
    void afterEachEnderAnyOperandsMayBePopped() {
        for (Supplier<Code> ender : enders()) {
            valid(func(List.of(), List.of(I32), ender.get().op(Opcode.I32_ADD).end()));
            valid(func(List.of(), List.of(I32), ender.get().drop().drop().drop().i32Const(1).end()));
            valid(func(List.of(), List.of(I32), ender.get().end()));
        }
    }

    @Test
    void afterEachEnderPushedValuesAreStillTyped() {
        for (Supplier<Code> ender : enders()) {
            Code c = ender.get().i64Const(1);
            int add = c.size();
            c.op(Opcode.I32_ADD).end();
            invalidAt(func(List.of(), List.of(I32), c), "type mismatch", 0, add);
        }
    }

    @Test
    void afterEachEnderTheBlockEndStillChecksWhatWasPushed() {
        for (Supplier<Code> ender : enders()) {
            Code c = ender.get().f32Const(1);
            int end = c.size();
            c.end();
            invalidAt(func(List.of(), List.of(I32), c), "type mismatch", 0, end);
            Code extra = ender.get().i32Const(1).i32Const(2);
            int end2 = extra.size();
            extra.end();
            invalidAt(func(List.of(), List.of(I32), extra), "type mismatch", 0, end2);
        }
    }

    @Test
    void polymorphismEndsWithTheBlock() {
        valid(voidFunc(code().block().unreachable().op(Opcode.I32_ADD).drop().end().end()));
        Code c = code().block().unreachable().end();
        int add = c.size();
        c.op(Opcode.I32_ADD).drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, add);
    }

    @Test
    void unreachableBlockWithResultsIsValid() {
        valid(func(List.of(), List.of(I64), code().block(I64).unreachable().end().end()));
        valid(func(List.of(), List.of(V128), code().block(V128).v128Zero().br(0).end().end()));
    }

    @Test
    void selectInUnreachableCodeTakesItsTypeFromWhatIsKnown() {
        valid(func(List.of(), List.of(F32), code().unreachable().select().end()));
        valid(func(List.of(), List.of(F32), code().unreachable().f32Const(1).i32Const(0).select().end()));
        // the known operand makes the result an i64, which the function's end rejects
        Code c = code().unreachable().i64Const(1).i32Const(0).select();
        int end = c.size();
        c.end();
        invalidAt(func(List.of(), List.of(F32), c), "type mismatch", 0, end);
        // a known reference operand is not allowed in an untyped select
        Code refs = code().unreachable().refNull(FUNCREF).i32Const(0);
        int select = refs.size();
        refs.select().drop().end();
        invalidAt(voidFunc(refs), "type mismatch", 0, select);
    }

    @Test
    void refIsNullInUnreachableCodeAcceptsTheUnknownType() {
        valid(func(List.of(), List.of(I32), code().unreachable().refIsNull().end()));
    }

    @Test
    void brTableInUnreachableCodeChecksTheKnownOperands() {
        valid(voidFunc(code().block(I32).unreachable().brTable(new long[] {0}, 0).end().drop().end()));
        Code c = code().block(I32).unreachable().i64Const(0).i32Const(0);
        int brTable = c.size();
        c.brTable(new long[] {0}, 0).end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, brTable);
    }

    @Test
    void elseResetsPolymorphism() {
        Code c = code().i32Const(1).if_(I32).unreachable().else_();
        int add = c.size();
        c.op(Opcode.I32_ADD).end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, add);
    }

    @Test
    void codeAfterReturnInANestedBlockIsPolymorphicOnlyThere() {
        valid(func(List.of(), List.of(I32), code().block().i32Const(0).return_().op(Opcode.I64_ADD).drop().end()
                .i32Const(3).end()));
    }
}
