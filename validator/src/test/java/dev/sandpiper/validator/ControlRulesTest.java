package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Validation > Instructions > Control Instructions ({@code valid/instructions.html#control-instructions}):
 * blocks and their types, branches and their labels, calls. Each failure is checked for the suite's
 * wording, the function index and the offset of the offending instruction.
 */
class ControlRulesTest {

    // ---------------------------------------------------------------- blocks

    @Test
    void blockWithAValueTypeMustLeaveThatValue() {
        valid(func(List.of(), List.of(I64), code().block(I64).i64Const(1).end().end()));
        Code c = code().block(I32).i64Const(1);
        int end = c.size();
        c.end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, end);
    }

    @Test
    void blockMustNotLeaveExtraValues() {
        Code c = code().block().i32Const(1);
        int end = c.size();
        c.end().end();
        invalidAt(voidFunc(c), "type mismatch", 0, end);
    }

    @Test
    void blockCannotSeeValuesBelowItsBase() {
        Code c = code().i32Const(1).block();
        int drop = c.size();
        c.drop().end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, drop);
    }

    @Test
    void blockTypeIndexGivesParamsAndResults() {
        // type 1: [i32 i64] -> [i64 i32]
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(I32))
                .type(List.of(I32, I64), List.of(I64, I32))
                .function(0, code().i32Const(1).i64Const(2).blockType(1).drop().drop().i64Const(3).i32Const(4)
                        .end().drop().drop().i32Const(0).end());
        valid(mb);
        Code c = code().i32Const(1).i64Const(2).blockType(1);
        int end = c.size();
        c.end().drop().drop().i32Const(0).end();
        invalidAt(ModuleBytes.module().type(List.of(), List.of(I32)).type(List.of(I32, I64), List.of(I64, I32))
                .function(0, c), "type mismatch", 0, end);
    }

    @Test
    void blockParamsArePoppedFromTheEnclosingStack() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).type(List.of(I32), List.of());
        Code c = code();
        int block = c.size();
        c.blockType(1).drop().end().end();
        invalidAt(mb.function(0, c), "type mismatch", 0, block);
    }

    @Test
    void unknownBlockTypeIndexIsUnknownType() {
        Code c = code();
        int block = c.size();
        c.blockType(5).end().end();
        invalidAt(voidFunc(c), "unknown type", 0, block);
    }

    @Test
    void negativeS33BlockTypeIsAnUnknownTypeNotTheEmptyType() {
        // -64 in two bytes has the value of the empty block type's byte 0x40 but is a (negative) type index
        Code c = code();
        int block = c.size();
        c.op(Opcode.BLOCK).raw(ModuleBytes.slebPadded(-64, 2)).end().end();
        invalidAt(voidFunc(c), "unknown type", 0, block);
        Code minusOne = code();
        minusOne.op(Opcode.LOOP).raw(ModuleBytes.slebPadded(-1, 2)).end().end();
        invalidAt(voidFunc(minusOne), "unknown type", 0, 0);
    }

    @Test
    void loopResultsComeFromItsEnd() {
        valid(func(List.of(), List.of(F32), code().loop(F32).f32Const(1).end().end()));
    }

    @Test
    void ifNeedsAnI32Condition() {
        Code c = code().i64Const(0);
        int iff = c.size();
        c.if_().end().end();
        invalidAt(voidFunc(c), "type mismatch", 0, iff);
    }

    @Test
    void ifWithResultNeedsAnElse() {
        valid(func(List.of(), List.of(I32), code().i32Const(1).if_(I32).i32Const(2).else_().i32Const(3).end().end()));
        Code c = code().i32Const(1).if_(I32).i32Const(2);
        int end = c.size();
        c.end().end();
        invalidAt(func(List.of(), List.of(I32), c), "type mismatch", 0, end);
    }

    @Test
    void ifWithoutElseMayPassParamsThrough() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(I32)).type(List.of(I32), List.of(I32))
                .function(0, code().i32Const(5).i32Const(1).ifType(1).i32Const(1).op(Opcode.I32_ADD).end().end());
        valid(mb);
    }

    @Test
    void thenArmIsCheckedAtElse() {
        Code c = code().i32Const(1).if_(I32).i64Const(2);
        int els = c.size();
        c.else_().i32Const(3).end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, els);
    }

    @Test
    void elseArmIsCheckedAtEnd() {
        Code c = code().i32Const(1).if_(I32).i32Const(2).else_();
        int end = c.size();
        c.end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, end);
    }

    @Test
    void functionMustEndWithExactlyItsResults() {
        Code missing = code();
        invalidAt(func(List.of(), List.of(I32), missing.end()), "type mismatch", 0, 0);
        Code wrong = code().f32Const(1);
        int end = wrong.size();
        invalidAt(func(List.of(), List.of(I32), wrong.end()), "type mismatch", 0, end);
        Code extra = code().i32Const(1).i32Const(2);
        int end2 = extra.size();
        invalidAt(func(List.of(), List.of(I32), extra.end()), "type mismatch", 0, end2);
    }

    // ---------------------------------------------------------------- branches

    @Test
    void branchToADepthBeyondTheOpenFramesIsAnUnknownLabel() {
        Code c = code().block();
        int br = c.size();
        c.br(2).end().end();
        invalidAt(voidFunc(c), "unknown label", 0, br);
        valid(voidFunc(code().block().br(1).end().end()));
    }

    @Test
    void hugeLabelIsUnknownNotNegative() {
        Code c = code();
        c.br(0xFFFFFFFFL).end();
        invalidAt(voidFunc(c), "unknown label", 0, 0);
    }

    @Test
    void branchCarriesTheLabelsValues() {
        valid(func(List.of(), List.of(I32), code().block(I32).i32Const(1).br(0).end().end()));
        Code c = code().block(I32).i64Const(1);
        int br = c.size();
        c.br(0).end().end();
        invalidAt(func(List.of(), List.of(I32), c), "type mismatch", 0, br);
    }

    @Test
    void branchToALoopCarriesItsParamsNotItsResults() {
        // type 1: [i32] -> [i64]; the branch back to the loop carries the i32
        valid(ModuleBytes.module().type(List.of(), List.of()).type(List.of(I32), List.of(I64))
                .function(0, code().i32Const(0).loopType(1).i32Const(1).op(Opcode.I32_ADD).br(0).end().drop().end()));
        // a loop of type [] -> [i64] takes no values along its branch
        valid(ModuleBytes.module().type(List.of(), List.of()).type(List.of(), List.of(I64))
                .function(0, code().loopType(1).br(0).end().drop().end()));
        // a loop of type [i32] -> [] needs an i32 on its branch
        Code c = code().i32Const(0).loopType(1).i64Const(1);
        int br = c.size();
        c.br(0).end().end();
        invalidAt(ModuleBytes.module().type(List.of(), List.of()).type(List.of(I32), List.of()).function(0, c),
                "type mismatch", 0, br);
    }

    @Test
    void brIfNeedsACondition() {
        Code c = code().block(I32).i32Const(1);
        int brIf = c.size();
        c.brIf(0).end().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, brIf);
    }

    @Test
    void brIfLeavesTheLabelsValuesOnTheStack() {
        valid(func(List.of(), List.of(I64),
                code().block(I64).i64Const(1).i32Const(0).brIf(0).i64Const(2).op(Opcode.I64_ADD).end().end()));
    }

    @Test
    void brTableTargetsMustAgreeInArity() {
        ModuleBytes ok = func(List.of(I32), List.of(I32),
                code().block(I32).block(I32).i32Const(7).localGet(0).brTable(new long[] {0, 1}, 1).end().end().end());
        valid(ok);
        Code c = code().block().block(I32).i32Const(7).localGet(0);
        int brTable = c.size();
        c.brTable(new long[] {0}, 1).end().drop().end().end();
        invalidAt(func(List.of(I32), List.of(), c), "type mismatch", 0, brTable);
    }

    @Test
    void brTableNeedsAnI32Index() {
        Code c = code().block().i64Const(0);
        int brTable = c.size();
        c.brTable(new long[] {0}, 0).end().end();
        invalidAt(voidFunc(c), "type mismatch", 0, brTable);
    }

    @Test
    void brTableWithAnUnknownTargetIsAnUnknownLabel() {
        Code c = code().i32Const(0);
        int brTable = c.size();
        c.brTable(new long[] {0, 3}, 0).end();
        invalidAt(voidFunc(c), "unknown label", 0, brTable);
        Code d = code().i32Const(0);
        d.brTable(new long[] {}, 1).end();
        invalidAt(voidFunc(d), "unknown label", 0, brTable);
    }

    @Test
    void returnNeedsTheFunctionsResults() {
        valid(func(List.of(), List.of(V128), code().v128Zero().return_().end()));
        Code c = code().i32Const(0);
        int ret = c.size();
        c.return_().end();
        invalidAt(func(List.of(), List.of(V128), c), "type mismatch", 0, ret);
    }

    // ---------------------------------------------------------------- calls

    @Test
    void callToAnUnknownFunction() {
        Code c = code();
        c.call(1).end();
        invalidAt(voidFunc(c), "unknown function", 0, 0);
    }

    @Test
    void callPopsParamsAndPushesResults() {
        ModuleBytes ok = ModuleBytes.module().type(List.of(I32, I64), List.of(F32)).type(List.of(), List.of(F32))
                .importFunc("m", "f", 0)
                .function(1, code().i32Const(1).i64Const(2).call(0).end());
        valid(ok);
        ModuleBytes bad = ModuleBytes.module().type(List.of(I32, I64), List.of(F32)).type(List.of(), List.of(F32))
                .importFunc("m", "f", 0);
        Code c = code().i64Const(1).i32Const(2);
        int call = c.size();
        c.call(0).end();
        invalidAt(bad.function(1, c), "type mismatch", 0, call);
    }

    @Test
    void errorsInALaterFunctionReportItsIndexCountingImports() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .importFunc("m", "a", 0).importFunc("m", "b", 0)
                .function(0, code().end());
        Code c = code().nop();
        int at = c.size();
        c.i32Const(1).end();
        invalidAt(mb.function(0, c), "type mismatch", 1, at + 2);
    }

    @Test
    void callIndirectNeedsAFuncrefTable() {
        ModuleBytes noTable = ModuleBytes.module().type(List.of(), List.of());
        Code c = code().i32Const(0);
        int ci = c.size();
        c.callIndirect(0, 0).end();
        invalidAt(noTable.function(0, c), "unknown table", 0, ci);

        ModuleBytes externs = ModuleBytes.module().type(List.of(), List.of()).table(EXTERNREF, 1, -1);
        invalidAt(externs.function(0, c), "type mismatch", 0, ci);

        valid(ModuleBytes.module().type(List.of(), List.of()).table(EXTERNREF, 1, -1).table(FUNCREF, 1, -1)
                .function(0, code().i32Const(0).callIndirect(0, 1).end()));
    }

    @Test
    void callIndirectTypeMustExist() {
        Code c = code().i32Const(0);
        int ci = c.size();
        c.callIndirect(3, 0).end();
        invalidAt(ModuleBytes.module().type(List.of(), List.of()).table(FUNCREF, 1, -1).function(0, c),
                "unknown type", 0, ci);
    }

    @Test
    void callIndirectPopsTheIndexThenTheParams() {
        ModuleBytes base = ModuleBytes.module().type(List.of(), List.of()).type(List.of(I64), List.of(I32))
                .table(FUNCREF, 1, -1);
        valid(base.function(0, code().i64Const(5).i32Const(0).callIndirect(1, 0).drop().end()));
        Code c = code().i32Const(0).i64Const(5);
        int ci = c.size();
        c.callIndirect(1, 0).drop().end();
        ModuleBytes bad = ModuleBytes.module().type(List.of(), List.of()).type(List.of(I64), List.of(I32))
                .table(FUNCREF, 1, -1).function(0, c);
        invalidAt(bad, "type mismatch", 0, ci);
    }
}
