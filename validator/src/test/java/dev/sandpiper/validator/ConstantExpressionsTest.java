package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.expr;
import static dev.sandpiper.decoder.ModuleBytes.globalGetExpr;
import static dev.sandpiper.decoder.ModuleBytes.i32Expr;
import static dev.sandpiper.decoder.ModuleBytes.refFuncExpr;
import static dev.sandpiper.decoder.ModuleBytes.refNullExpr;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Validation > Instructions > Constant Expressions ({@code valid/instructions.html#constant-expressions}):
 * global initialisers and segment offsets and elements. Offsets are absolute: a global section alone
 * starts its first entry at 11, so the first initialiser starts at 13. 3.0 adds integer arithmetic
 * and reading defined globals, each refused under 2.0's {@link Features}.
 */
class ConstantExpressionsTest {

    @Test
    void everyConstantInstructionIsAllowed() {
        valid(ModuleBytes.module().type(List.of(), List.of()).importGlobal("m", "g", I64, false)
                .function(0, code().end())
                .global(I32, false, i32Expr(-1))
                .global(I64, false, globalGetExpr(0))
                .global(F32, false, expr(code().f32Const(1.5f)))
                .global(F64, true, expr(code().f64Const(2.5)))
                .global(V128, false, expr(code().v128Zero()))
                .global(FUNCREF, false, refFuncExpr(0))
                .global(EXTERNREF, true, refNullExpr(EXTERNREF)));
    }

    @Test
    void nonConstantInstructionIsRejectedAtItsOffset() {
        ModuleBytes mb = ModuleBytes.module().global(I32, false,
                expr(code().i32Const(1).i32Const(2).op(Opcode.I32_DIV_S)));
        InvalidModuleException e = invalidModule(mb, "constant expression required");
        assertEquals(13 + 4, e.offset());
    }

    @Test
    void arithmeticNeedsExtendedConstAndItsErrorNamesIt() {
        ModuleBytes mb = ModuleBytes.module().global(I32, false,
                expr(code().i32Const(1).i32Const(2).op(Opcode.I32_ADD)));
        InvalidModuleException e = invalidModule(mb, "constant expression required", Features.wasm20());
        assertEquals(13 + 4, e.offset());
        assertTrue(e.reason().contains("extended-const"), e.reason());
        valid(mb);
    }

    @Test
    void extendedConstantExpressionsAreTypedAsCode() {
        valid(ModuleBytes.module().global(I64, false, expr(code().i64Const(2).i64Const(3).op(Opcode.I64_MUL)
                .i64Const(1).op(Opcode.I64_SUB))));
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().i32Const(1).i64Const(2).op(Opcode.I32_ADD))),
                "type mismatch");
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().i32Const(1).op(Opcode.I32_SUB))),
                "type mismatch");
        invalidModule(ModuleBytes.module().global(I64, false, expr(code().i32Const(1).i32Const(2).op(Opcode.I32_MUL))),
                "type mismatch");
    }

    @Test
    void controlAndVariableInstructionsAreNotConstant() {
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().nop().i32Const(0))),
                "constant expression required");
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().block(I32).i32Const(0).end())),
                "constant expression required");
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().localGet(0))), "constant expression required");
    }

    @Test
    void in20GlobalGetMayOnlyReadImportedGlobals() {
        ModuleBytes mb = ModuleBytes.module()
                .global(I32, false, i32Expr(1))
                .global(I32, false, globalGetExpr(0));
        invalidModule(mb, "unknown global", Features.wasm20());
    }

    @Test
    void in30AnInitialiserReadsEarlierGlobalsAndASegmentAny() {
        valid(ModuleBytes.module().global(I32, false, i32Expr(1)).global(I32, false, globalGetExpr(0)));
        invalidModule(ModuleBytes.module().global(I32, false, globalGetExpr(1)).global(I32, false, i32Expr(1)),
                "unknown global");
        invalidModule(ModuleBytes.module().global(I32, false, globalGetExpr(0)), "unknown global");
        valid(ModuleBytes.module().memory(1, -1).global(I32, false, i32Expr(4))
                .dataActive(expr(code().globalGet(0).i32Const(1).op(Opcode.I32_ADD)), ModuleBytes.bytes(1)));
    }

    @Test
    void globalGetOfAMutableImportIsNotConstant() {
        ModuleBytes mb = ModuleBytes.module().importGlobal("m", "g", I32, true).global(I32, false, globalGetExpr(0));
        invalidModule(mb, "constant expression required");
    }

    @Test
    void initialiserMustHaveTheGlobalsType() {
        InvalidModuleException e = invalidModule(ModuleBytes.module().global(I64, false, i32Expr(0)), "type mismatch");
        assertEquals(13, e.offset());
        invalidModule(ModuleBytes.module().importGlobal("m", "g", F32, false).global(F64, false, globalGetExpr(0)),
                "type mismatch");
        invalidModule(ModuleBytes.module().global(EXTERNREF, false, refNullExpr(FUNCREF)), "type mismatch");
    }

    @Test
    void initialiserMustLeaveExactlyOneValue() {
        invalidModule(ModuleBytes.module().global(I32, false, expr(code())), "type mismatch");
        invalidModule(ModuleBytes.module().global(I32, false, expr(code().i32Const(1).i32Const(2))), "type mismatch");
    }

    @Test
    void refFuncOfAnUnknownFunction() {
        invalidModule(ModuleBytes.module().global(FUNCREF, false, refFuncExpr(0)), "unknown function");
    }

    @Test
    void segmentOffsetsAreConstantI32Expressions() {
        ModuleBytes ok = ModuleBytes.module().importGlobal("m", "base", I32, false).memory(1, -1)
                .dataActive(globalGetExpr(0), ModuleBytes.bytes(1));
        valid(ok);
        invalidModule(ModuleBytes.module().memory(1, -1).dataActive(ModuleBytes.i64Expr(0), ModuleBytes.bytes()),
                "type mismatch");
        ModuleBytes product = ModuleBytes.module().table(FUNCREF, 1, -1).elemActive(expr(code().i32Const(0).i32Const(1)
                .op(Opcode.I32_MUL)));
        invalidModule(product, "constant expression required", Features.wasm20());
        valid(product);
    }

    @Test
    void elementExpressionsHaveTheSegmentsType() {
        valid(ModuleBytes.module().type(List.of(), List.of()).function(0, code().end())
                .elemPassiveExprs(FUNCREF, refFuncExpr(0), refNullExpr(FUNCREF)));
        invalidModule(ModuleBytes.module().elemPassiveExprs(EXTERNREF, refNullExpr(FUNCREF)), "type mismatch");
        invalidModule(ModuleBytes.module().elemPassiveExprs(FUNCREF, i32Expr(0)), "type mismatch");
    }
}
