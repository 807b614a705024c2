package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Validation > Instructions > Table Instructions ({@code valid/instructions.html#table-instructions}). */
class TableRulesTest {

    /** Table 0 externref, table 1 funcref; element segment 0 funcref, 1 externref. */
    private static ModuleBytes tables(Code body) {
        return voidFunc(body).table(EXTERNREF, 1, -1).table(FUNCREF, 1, -1)
                .elemPassive(0).elemPassiveExprs(EXTERNREF, ModuleBytes.refNullExpr(EXTERNREF));
    }

    @Test
    void tableGetAndSetUseTheTablesElementType() {
        valid(tables(code().i32Const(0).op(Opcode.TABLE_GET).u32(0).drop()
                .i32Const(0).refNull(FUNCREF).op(Opcode.TABLE_SET).u32(1).end()));
        Code c = code().i32Const(0).refNull(FUNCREF);
        int set = c.size();
        c.op(Opcode.TABLE_SET).u32(0).end();
        invalidAt(tables(c), "type mismatch", 0, set);
    }

    @Test
    void tableGetOfAnUnknownTable() {
        Code c = code().i32Const(0);
        int get = c.size();
        c.op(Opcode.TABLE_GET).u32(2).drop().end();
        invalidAt(tables(c), "unknown table", 0, get);
    }

    @Test
    void tableGrowTakesAnInitialValueAndADelta() {
        valid(tables(code().refNull(EXTERNREF).i32Const(1).op(Opcode.TABLE_GROW).u32(0).drop().end()));
        Code c = code().i32Const(1).refNull(EXTERNREF);
        int grow = c.size();
        c.op(Opcode.TABLE_GROW).u32(0).drop().end();
        invalidAt(tables(c), "type mismatch", 0, grow);
    }

    @Test
    void tableFillTakesIndexValueAndCount() {
        valid(tables(code().i32Const(0).refNull(FUNCREF).i32Const(1).op(Opcode.TABLE_FILL).u32(1).end()));
        Code c = code().i32Const(0).refNull(FUNCREF).i32Const(1);
        int fill = c.size();
        c.op(Opcode.TABLE_FILL).u32(0).end();
        invalidAt(tables(c), "type mismatch", 0, fill);
    }

    @Test
    void tableSizeOfAnUnknownTable() {
        valid(tables(code().op(Opcode.TABLE_SIZE).u32(1).drop().end()));
        Code c = code();
        c.op(Opcode.TABLE_SIZE).u32(5).drop().end();
        invalidAt(tables(c), "unknown table", 0, 0);
    }

    @Test
    void tableInitNeedsAMatchingSegmentAndTable() {
        valid(tables(code().i32Const(0).i32Const(0).i32Const(0).op(Opcode.TABLE_INIT).u32(0).u32(1).end()));
        Code mismatch = code().i32Const(0).i32Const(0).i32Const(0);
        int init = mismatch.size();
        mismatch.op(Opcode.TABLE_INIT).u32(1).u32(1).end();
        invalidAt(tables(mismatch), "type mismatch", 0, init);
        Code unknownSegment = code().i32Const(0).i32Const(0).i32Const(0);
        unknownSegment.op(Opcode.TABLE_INIT).u32(2).u32(1).end();
        invalidAt(tables(unknownSegment), "unknown elem segment", 0, init);
        Code unknownTable = code().i32Const(0).i32Const(0).i32Const(0);
        unknownTable.op(Opcode.TABLE_INIT).u32(0).u32(7).end();
        invalidAt(tables(unknownTable), "unknown table", 0, init);
    }

    @Test
    void tableInitPopsThreeI32s() {
        Code c = code().i32Const(0).i32Const(0);
        int init = c.size();
        c.op(Opcode.TABLE_INIT).u32(0).u32(1).end();
        invalidAt(tables(c), "type mismatch", 0, init);
    }

    @Test
    void elemDropOfAnUnknownSegment() {
        valid(tables(code().op(Opcode.ELEM_DROP).u32(1).end()));
        Code c = code();
        c.op(Opcode.ELEM_DROP).u32(2).end();
        invalidAt(tables(c), "unknown elem segment", 0, 0);
        invalidAt(voidFunc(code().op(Opcode.ELEM_DROP).u32(0).end()), "unknown elem segment", 0, 0);
    }

    @Test
    void tableCopyNeedsTablesOfOneElementType() {
        ModuleBytes two = voidFunc(code().i32Const(0).i32Const(0).i32Const(0).op(Opcode.TABLE_COPY).u32(1).u32(2).end())
                .table(EXTERNREF, 1, -1).table(FUNCREF, 1, -1).table(FUNCREF, 1, -1);
        valid(two);
        Code c = code().i32Const(0).i32Const(0).i32Const(0);
        int copy = c.size();
        c.op(Opcode.TABLE_COPY).u32(0).u32(1).end();
        invalidAt(tables(c), "type mismatch", 0, copy);
        Code unknown = code().i32Const(0).i32Const(0).i32Const(0);
        unknown.op(Opcode.TABLE_COPY).u32(0).u32(9).end();
        invalidAt(tables(unknown), "unknown table", 0, copy);
    }

    @Test
    void tableInstructionsWorkOnImportedTables() {
        valid(ModuleBytes.module().type(List.of(), List.of(I32)).importTable("m", "t", FUNCREF, 0, -1)
                .function(0, code().op(Opcode.TABLE_SIZE).u32(0).end()));
    }
}
