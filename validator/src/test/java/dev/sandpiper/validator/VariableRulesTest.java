package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Validation > Instructions > Variable Instructions ({@code valid/instructions.html#variable-instructions}). */
class VariableRulesTest {

    @Test
    void localsArePartsParamsThenDeclaredLocals() {
        // params i32, i64; locals f64, v128: indices 0..3
        valid(func(List.of(I32, I64), List.of(V128), new ValType[] {F64, V128},
                code().localGet(0).drop().localGet(1).drop().localGet(2).drop().localGet(3).end()));
    }

    @Test
    void localIndexBeyondParamsAndLocalsIsUnknown() {
        Code c = code();
        c.localGet(2).drop().end();
        invalidAt(func(List.of(I32), List.of(), new ValType[] {I64}, c), "unknown local", 0, 0);
        Code huge = code();
        huge.localGet(0xFFFFFFFFL).drop().end();
        invalidAt(voidFunc(huge), "unknown local", 0, 0);
    }

    @Test
    void localSetNeedsAValueOfTheLocalsType() {
        Code c = code().i32Const(1);
        int set = c.size();
        c.localSet(0).end();
        invalidAt(func(List.of(I64), List.of(), c), "type mismatch", 0, set);
        valid(func(List.of(I64), List.of(), code().i64Const(1).localSet(0).end()));
    }

    @Test
    void localTeeKeepsTheValue() {
        valid(func(List.of(), List.of(F64), new ValType[] {F64}, code().f64Const(1).localTee(0).end()));
        Code c = code().f64Const(1);
        int tee = c.size();
        c.localTee(0).drop().end();
        invalidAt(func(List.of(), List.of(), new ValType[] {I32}, c), "type mismatch", 0, tee);
    }

    @Test
    void localSetOnEmptyStackIsATypeMismatch() {
        Code c = code();
        c.localSet(0).end();
        invalidAt(func(List.of(I32), List.of(), c), "type mismatch", 0, 0);
    }

    @Test
    void globalIndexSpaceStartsWithImports() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(I64))
                .importGlobal("m", "g", I64, false)
                .global(I32, true, ModuleBytes.i32Expr(0))
                .function(0, code().i32Const(3).globalSet(1).globalGet(0).end());
        valid(mb);
    }

    @Test
    void unknownGlobal() {
        Code c = code();
        c.globalGet(1).drop().end();
        invalidAt(voidFunc(c).global(I32, false, ModuleBytes.i32Expr(0)), "unknown global", 0, 0);
        Code s = code().i32Const(0);
        int set = s.size();
        s.globalSet(0).end();
        invalidAt(voidFunc(s), "unknown global", 0, set);
    }

    @Test
    void immutableGlobalCannotBeSet() {
        Code c = code().i32Const(1);
        int set = c.size();
        c.globalSet(0).end();
        invalidAt(voidFunc(c).global(I32, false, ModuleBytes.i32Expr(0)), "global is immutable", 0, set);
        Code d = code().i32Const(1);
        d.globalSet(0).end();
        invalidAt(voidFunc(d).importGlobal("m", "g", I32, false), "global is immutable", 0, set);
    }

    @Test
    void globalSetNeedsTheGlobalsType() {
        Code c = code().i64Const(1);
        int set = c.size();
        c.globalSet(0).end();
        invalidAt(voidFunc(c).global(I32, true, ModuleBytes.i32Expr(0)), "type mismatch", 0, set);
    }
}
