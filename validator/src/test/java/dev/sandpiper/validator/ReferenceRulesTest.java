package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Validation > Instructions > Reference Instructions ({@code valid/instructions.html#reference-instructions}),
 * with C.refs from Validation > Modules: a function body may only name functions declared elsewhere
 * in the module (element segments, exports, global initialisers).
 */
class ReferenceRulesTest {

    private static Code refFunc0() {
        return code().refFunc(0).drop().end();
    }

    @Test
    void refNullPushesItsType() {
        valid(func(List.of(), List.of(EXTERNREF), code().refNull(EXTERNREF).end()));
        Code c = code().refNull(FUNCREF);
        int end = c.size();
        c.end();
        invalidAt(func(List.of(), List.of(EXTERNREF), c), "type mismatch", 0, end);
    }

    @Test
    void refIsNullNeedsAReference() {
        valid(func(List.of(), List.of(I32), code().refNull(FUNCREF).refIsNull().end()));
        Code c = code().i32Const(0);
        int isNull = c.size();
        c.refIsNull().drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, isNull);
    }

    @Test
    void refFuncOfAnUndeclaredFunctionIsRejected() {
        invalidAt(voidFunc(refFunc0()), "undeclared function reference", 0, 0);
    }

    @Test
    void refFuncOfAnUnknownFunctionIsRejected() {
        Code c = code();
        c.refFunc(1).drop().end();
        invalidAt(voidFunc(c), "unknown function", 0, 0);
    }

    @Test
    void functionsNamedByElementSegmentsAreDeclared() {
        valid(voidFunc(refFunc0()).elemDeclarative(0));
        valid(voidFunc(refFunc0()).elemPassive(0));
        valid(voidFunc(refFunc0()).elemDeclarativeExprs(FUNCREF, ModuleBytes.refFuncExpr(0)));
    }

    @Test
    void functionsNamedByExportsAreDeclared() {
        valid(voidFunc(refFunc0()).export("f", ExternKind.FUNC, 0));
    }

    @Test
    void functionsNamedByGlobalInitialisersAreDeclared() {
        valid(voidFunc(refFunc0()).global(FUNCREF, false, ModuleBytes.refFuncExpr(0)));
    }

    @Test
    void referencesInsideFunctionBodiesDoNotDeclare() {
        // function 1 names function 0 with ref.func, which does not make it a declared reference
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).function(0, refFunc0()).function(0, refFunc0());
        invalidAt(mb, "undeclared function reference", 0, 0);
    }

    @Test
    void importedFunctionsCanBeDeclaredToo() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).importFunc("m", "f", 0)
                .function(0, refFunc0()).elemDeclarative(0);
        valid(mb);
        ModuleBytes undeclared = ModuleBytes.module().type(List.of(), List.of()).importFunc("m", "f", 0)
                .function(0, refFunc0());
        invalidAt(undeclared, "undeclared function reference", 0, 0);
    }

    @Test
    void refFuncPushesAFuncref() {
        Code c = code().refFunc(0);
        int end = c.size();
        c.end();
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(ValType.EXTERNREF)).function(0, c)
                .elemDeclarative(0);
        invalidAt(mb, "type mismatch", 0, end);
    }
}
