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

import dev.sandpiper.decoder.ModuleBytes.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Validation > Instructions > Parametric Instructions ({@code valid/instructions.html#parametric-instructions}). */
class ParametricRulesTest {

    @Test
    void dropTakesAnyValue() {
        valid(voidFunc(code().i32Const(1).drop().v128Zero().drop().refNull(EXTERNREF).drop().end()));
    }

    @Test
    void dropOnAnEmptyStackIsATypeMismatch() {
        Code c = code().nop();
        int drop = c.size();
        c.drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, drop);
    }

    @Test
    void untypedSelectOfNumbersOrVectors() {
        valid(func(List.of(), List.of(I64), code().i64Const(1).i64Const(2).i32Const(0).select().end()));
        valid(func(List.of(), List.of(V128), code().v128Zero().v128Zero().i32Const(0).select().end()));
    }

    @Test
    void untypedSelectNeedsAnI32Condition() {
        Code c = code().i32Const(1).i32Const(2).i64Const(0);
        int select = c.size();
        c.select().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, select);
    }

    @Test
    void untypedSelectOperandsMustAgree() {
        Code c = code().i32Const(1).f32Const(2).i32Const(0);
        int select = c.size();
        c.select().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, select);
    }

    @Test
    void untypedSelectRejectsReferences() {
        Code c = code().refNull(FUNCREF).refNull(FUNCREF).i32Const(0);
        int select = c.size();
        c.select().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, select);
    }

    @Test
    void untypedSelectWithoutOperandsIsATypeMismatch() {
        Code c = code().i32Const(0);
        int select = c.size();
        c.select().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, select);
        Code one = code().i32Const(1).i32Const(0);
        int select1 = one.size();
        one.select().drop().end();
        invalidAt(voidFunc(one), "type mismatch", 0, select1);
    }

    @Test
    void typedSelectAllowsReferences() {
        valid(func(List.of(), List.of(EXTERNREF),
                code().refNull(EXTERNREF).refNull(EXTERNREF).i32Const(1).selectT(EXTERNREF).end()));
    }

    @Test
    void typedSelectChecksItsOperandsAgainstTheType() {
        Code c = code().f32Const(1).i32Const(2).i32Const(0);
        int select = c.size();
        c.selectT(F32).drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, select);
    }

    @Test
    void typedSelectTakesExactlyOneType() {
        Code none = code().i32Const(1).i32Const(2).i32Const(0);
        int at = none.size();
        none.selectT().drop().end();
        invalidAt(voidFunc(none), "invalid result arity", 0, at);
        Code two = code().i32Const(1).i32Const(2).i32Const(0);
        two.selectT(I32, I32).drop().end();
        invalidAt(voidFunc(two), "invalid result arity", 0, at);
    }
}
