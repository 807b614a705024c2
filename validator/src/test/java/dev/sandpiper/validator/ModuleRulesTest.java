package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.i32Expr;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.ExternKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Validation > Modules ({@code valid/modules.html}): start function, exports, element and
 * data segments.
 */
class ModuleRulesTest {

    private static ModuleBytes voidFunction() {
        return ModuleBytes.module().type(List.of(), List.of()).function(0, code().end());
    }

    // ---------------------------------------------------------------- start

    @Test
    void startFunctionOfTypeVoidToVoid() {
        valid(voidFunction().start(0));
        valid(ModuleBytes.module().type(List.of(), List.of()).importFunc("m", "f", 0).start(0));
    }

    @Test
    void startFunctionMustExist() {
        invalidModule(voidFunction().start(1), "unknown function");
    }

    @Test
    void startFunctionIndexOfAllOnesIsUnknownNotAbsent() {
        invalidModule(voidFunction().start(0xFFFFFFFFL), "unknown function");
        invalidModule(voidFunction().start(0x80000000L), "unknown function");
    }

    @Test
    void startFunctionWithParamsOrResultsIsRejected() {
        invalidModule(ModuleBytes.module().type(List.of(I32), List.of()).function(0, code().end()).start(0),
                "start function");
        invalidModule(ModuleBytes.module().type(List.of(), List.of(I32)).function(0, code().i32Const(0).end()).start(0),
                "start function");
    }

    // ---------------------------------------------------------------- exports

    @Test
    void everyKindCanBeExported() {
        valid(voidFunction().table(FUNCREF, 0, -1).memory(0, -1).global(I32, false, i32Expr(0))
                .export("f", ExternKind.FUNC, 0).export("t", ExternKind.TABLE, 0)
                .export("m", ExternKind.MEMORY, 0).export("g", ExternKind.GLOBAL, 0));
    }

    @Test
    void exportNamesMustBeDistinct() {
        InvalidModuleException e = invalidModule(voidFunction().memory(0, -1)
                .export("x", ExternKind.FUNC, 0).export("x", ExternKind.MEMORY, 0), "duplicate export name");
        assertEquals(-1, e.offset());
        valid(voidFunction().export("x", ExternKind.FUNC, 0).export("X", ExternKind.FUNC, 0));
    }

    @Test
    void exportedItemsMustExist() {
        invalidModule(voidFunction().export("f", ExternKind.FUNC, 1), "unknown function");
        invalidModule(voidFunction().export("t", ExternKind.TABLE, 0), "unknown table");
        invalidModule(voidFunction().export("m", ExternKind.MEMORY, 0), "unknown memory");
        invalidModule(voidFunction().export("g", ExternKind.GLOBAL, 0), "unknown global");
        invalidModule(voidFunction().export("g", ExternKind.GLOBAL, 0xFFFFFFFFL), "unknown global");
    }

    @Test
    void mutableGlobalsMayBeExported() {
        valid(ModuleBytes.module().global(I32, true, i32Expr(0)).export("g", ExternKind.GLOBAL, 0));
    }

    // ---------------------------------------------------------------- element segments

    @Test
    void activeElementSegmentNeedsAnExistingTable() {
        InvalidModuleException e = invalidModule(voidFunction().elemActive(i32Expr(0), 0), "unknown table");
        assertEquals(true, e.offset() > 0, "at the segment's offset expression");
        invalidModule(voidFunction().table(FUNCREF, 1, -1).elemActiveTable(1, i32Expr(0), 0), "unknown table");
        valid(voidFunction().table(FUNCREF, 1, -1).table(FUNCREF, 1, -1).elemActiveTable(1, i32Expr(0), 0));
    }

    @Test
    void activeSegmentTypeMustMatchTheTable() {
        invalidModule(voidFunction().table(EXTERNREF, 1, -1).elemActive(i32Expr(0), 0), "type mismatch");
        valid(voidFunction().table(EXTERNREF, 1, -1)
                .elemActiveTableExprs(0, i32Expr(0), EXTERNREF, ModuleBytes.refNullExpr(EXTERNREF)));
    }

    @Test
    void elementFunctionIndicesMustExist() {
        invalidModule(voidFunction().elemPassive(0, 1), "unknown function");
        invalidModule(voidFunction().elemDeclarative(7), "unknown function");
    }

    @Test
    void passiveAndDeclarativeSegmentsNeedNoTable() {
        valid(voidFunction().elemPassive(0).elemDeclarative(0)
                .elemPassiveExprs(EXTERNREF, ModuleBytes.refNullExpr(EXTERNREF)));
    }

    // ---------------------------------------------------------------- data segments

    @Test
    void activeDataSegmentNeedsAnExistingMemory() {
        invalidModule(ModuleBytes.module().dataActive(i32Expr(0), bytes(1)), "unknown memory");
        invalidModule(ModuleBytes.module().memory(1, -1).dataActiveMemory(1, i32Expr(0), bytes(1)), "unknown memory");
        valid(ModuleBytes.module().memory(1, -1).dataActiveMemory(0, i32Expr(0), bytes(1)));
    }

    @Test
    void passiveDataSegmentNeedsNoMemory() {
        valid(ModuleBytes.module().dataPassive(bytes(1, 2)));
    }
}
