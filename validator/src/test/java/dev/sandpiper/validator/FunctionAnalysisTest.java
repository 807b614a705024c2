package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.validator.analysis.FunctionAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facts validation hands to execution ({@link FunctionAnalysis}): the largest operand stack
 * height, and for every branch site its instruction, target, and the 64-bit slots it keeps and
 * drops. Every expected value here is computed by hand from the byte layout written next to the
 * code; offsets are relative to the function's first instruction.
 */
class FunctionAnalysisTest {

    /** One branch site, relative to the body's start (the target too, unless it is RETURN). */
    record Site(int instruction, int target, int keep, int drop) {}

    /** The analysed function and where its body starts. */
    record Analysed(FunctionAnalysis analysis, int bodyStart) {
        List<Site> sites() {
            List<Site> out = new ArrayList<>();
            for (int i = 0; i < analysis.branchSiteCount(); i++) {
                int target = analysis.target(i);
                out.add(new Site(analysis.instruction(i) - bodyStart,
                        target == FunctionAnalysis.RETURN ? FunctionAnalysis.RETURN : target - bodyStart,
                        analysis.keep(i), analysis.drop(i)));
            }
            return out;
        }

        boolean isWide(int relative) {
            return analysis.isWide(bodyStart + relative);
        }
    }

    private static Analysed analyse(ModuleBytes mb, int defined) {
        ValidatedModule vm = Validation.valid(mb);
        return new Analysed(vm.analysis(defined), mb.bodyStart(defined));
    }

    private static Analysed analyse(List<ValType> params, List<ValType> results, Code body) {
        return analyse(Validation.func(params, results, body), 0);
    }

    @Test
    void emptyFunctionHasNoSitesAndNoStack() {
        Analysed a = analyse(List.of(), List.of(), code().end());
        assertEquals(0, a.analysis().maxStackSlots());
        assertEquals(List.of(), a.sites());
    }

    @Test
    void branchToTheFunctionLabelTargetsTheFinalEnd() {
        // 0 i32.const 1 | 2 i32.const 2 | 4 br 0 | 6 end
        Analysed a = analyse(List.of(), List.of(I32), code().i32Const(1).i32Const(2).br(0).end());
        assertEquals(2, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(4, 6, 1, 1)), a.sites());
    }

    @Test
    void returnKeepsTheResultsAndDropsTheRest() {
        // 0 i32.const 0 | 2 i64.const 7 | 4 return | 5 end
        Analysed a = analyse(List.of(), List.of(I64), code().i32Const(0).i64Const(7).return_().end());
        assertEquals(List.of(new Site(4, FunctionAnalysis.RETURN, 1, 1)), a.sites());
        assertEquals(2, a.analysis().maxStackSlots());
    }

    @Test
    void v128ValuesCountTwoSlots() {
        // 0 v128.const (18 bytes) | 18 i32.const 0 | 20 v128.const | 38 br 0 | 40 end
        Analysed a = analyse(List.of(), List.of(V128), code().v128Zero().i32Const(0).v128Zero().br(0).end());
        assertEquals(5, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(38, 40, 2, 3)), a.sites());
    }

    @Test
    void branchToALoopTargetsTheLoopInstruction() {
        // 0 i64.const 5 | 2 loop | 4 i64.const 6 | 6 i32.const 0 | 8 br_if 0 | 10 drop | 11 end | 12 drop | 13 end
        Analysed a = analyse(List.of(), List.of(),
                code().i64Const(5).loop().i64Const(6).i32Const(0).brIf(0).drop().end().drop().end());
        assertEquals(3, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(8, 2, 0, 1)), a.sites());
    }

    @Test
    void branchToALoopWithParamsKeepsTheParams() {
        // type 1: [i32] -> [i32]
        // 0 i32.const 1 | 2 loop (type 1) | 4 i64.const 3 | 6 i32.const 4 | 8 i32.const 0 | 10 br_if 0
        // 12 drop | 13 drop | 14 end | 15 end
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of(I32)).type(List.of(I32), List.of(I32))
                .function(0, code().i32Const(1).loopType(1).i64Const(3).i32Const(4).i32Const(0).brIf(0)
                        .drop().drop().end().end());
        Analysed a = analyse(mb, 0);
        assertEquals(4, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(10, 2, 1, 2)), a.sites());
    }

    @Test
    void branchOutOfNestedBlocksDropsTheValuesOfBoth() {
        // 0 i32.const 1 | 2 block | 4 i64.const 2 | 6 block | 8 f32.const 3 (5 bytes) | 13 br 1
        // 15 end | 16 drop | 17 end | 18 drop | 19 end
        Analysed a = analyse(List.of(), List.of(),
                code().i32Const(1).block().i64Const(2).block().f32Const(3).br(1).end().drop().end().drop().end());
        assertEquals(3, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(13, 17, 0, 2)), a.sites());
    }

    @Test
    void multiValueBlockKeepsAllItsResults() {
        // type 1: [i32 v128] -> [i32 v128]
        // 0 i64.const 9 | 2 i32.const 1 | 4 v128.const | 22 block (type 1) | 24 drop | 25 drop
        // 26 f32.const 0 | 31 i32.const 5 | 33 v128.const | 51 br 0 | 53 end | 54 drop | 55 drop | 56 drop | 57 end
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).type(List.of(I32, V128), List.of(I32, V128))
                .function(0, code().i64Const(9).i32Const(1).v128Zero().blockType(1).drop().drop()
                        .f32Const(0).i32Const(5).v128Zero().br(0).end().drop().drop().drop().end());
        Analysed a = analyse(mb, 0);
        assertEquals(5, a.analysis().maxStackSlots());
        assertEquals(List.of(new Site(51, 53, 3, 1)), a.sites());
        assertTrue(a.isWide(24), "drop of the v128 param");
        assertFalse(a.isWide(25), "drop of the i32 param");
        assertTrue(a.isWide(54), "drop of the v128 result");
        assertFalse(a.isWide(55));
        assertFalse(a.isWide(56), "i64 is one slot, not wide");
    }

    @Test
    void brTableHasOneSitePerLabelThenTheDefault() {
        // 0 i64.const 0 | 2 block i32 (A) | 4 i32.const 10 | 6 block i32 (B) | 8 i32.const 20 | 10 local.get 0
        // 12 br_table [0 1 0] 2 (6 bytes) | 18 end (B) | 19 drop | 20 end (A) | 21 local.set 0 | 23 drop
        // 24 local.get 0 | 26 end
        Analysed a = analyse(List.of(I32), List.of(I32),
                code().i64Const(0).block(I32).i32Const(10).block(I32).i32Const(20).localGet(0)
                        .brTable(new long[] {0, 1, 0}, 2).end().drop().end().localSet(0).drop().localGet(0).end());
        assertEquals(4, a.analysis().maxStackSlots());
        assertEquals(List.of(
                new Site(12, 18, 1, 0),
                new Site(12, 20, 1, 1),
                new Site(12, 18, 1, 0),
                new Site(12, 26, 1, 2)), a.sites());
    }

    @Test
    void branchesInBothArmsOfAnIfTargetItsSingleEnd() {
        // 0 local.get 0 | 2 if | 4 local.get 0 | 6 br_if 0 | 8 else | 9 local.get 0 | 11 br_if 0 | 13 end | 14 end
        Analysed a = analyse(List.of(I32), List.of(),
                code().localGet(0).if_().localGet(0).brIf(0).else_().localGet(0).brIf(0).end().end());
        assertEquals(List.of(new Site(6, 13, 0, 0), new Site(11, 13, 0, 0)), a.sites());
        assertEquals(1, a.analysis().maxStackSlots());
    }

    @Test
    void sitesComeInInstructionOrderAcrossKinds() {
        // 0 block | 2 i32.const 0 | 4 br_if 0 | 6 end | 7 i32.const 1 | 9 br_if 0 | 11 return | 12 end
        Analysed a = analyse(List.of(), List.of(),
                code().block().i32Const(0).brIf(0).end().i32Const(1).brIf(0).return_().end());
        assertEquals(List.of(new Site(4, 6, 0, 0), new Site(9, 12, 0, 0), new Site(11, FunctionAnalysis.RETURN, 0, 0)),
                a.sites());
    }

    @Test
    void branchesInUnreachableCodeDropNothing() {
        // 0 i32.const 1 | 2 i64.const 2 | 4 unreachable | 5 br 0 | 7 end
        Analysed a = analyse(List.of(), List.of(), code().i32Const(1).i64Const(2).unreachable().br(0).end());
        assertEquals(List.of(new Site(5, 7, 0, 0)), a.sites());
        assertEquals(2, a.analysis().maxStackSlots());
    }

    @Test
    void dropAndSelectOfV128AreWideAndOfI64AreNot() {
        // 0 v128.const | 18 drop | 19 i64.const 1 | 21 drop | 22 v128.const | 40 v128.const | 58 i32.const 0
        // 60 select | 61 drop | 62 i64.const 1 | 64 i64.const 2 | 66 i32.const 0 | 68 select | 69 drop | 70 end
        Analysed a = analyse(List.of(), List.of(), code()
                .v128Zero().drop().i64Const(1).drop()
                .v128Zero().v128Zero().i32Const(0).select().drop()
                .i64Const(1).i64Const(2).i32Const(0).select().drop().end());
        assertTrue(a.isWide(18), "drop v128");
        assertFalse(a.isWide(21), "drop i64");
        assertTrue(a.isWide(60), "select v128");
        assertTrue(a.isWide(61), "drop of the selected v128");
        assertFalse(a.isWide(68), "select i64");
        assertFalse(a.isWide(69), "drop of the selected i64");
        assertFalse(a.isWide(0), "not a drop or select");
        assertEquals(5, a.analysis().maxStackSlots());
    }

    @Test
    void eachFunctionHasItsOwnAnalysis() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .function(0, code().v128Zero().drop().end())
                .function(0, code().i32Const(0).drop().block().br(0).end().end());
        Analysed first = analyse(mb, 0);
        Analysed second = analyse(mb, 1);
        assertEquals(2, first.analysis().maxStackSlots());
        assertEquals(0, first.analysis().branchSiteCount());
        assertTrue(first.isWide(18));
        assertEquals(1, second.analysis().maxStackSlots());
        assertEquals(List.of(new Site(5, 7, 0, 0)), second.sites());
        assertFalse(second.isWide(2));
    }

    @Test
    void stackHeightCountsOperandsNotLocals() {
        Analysed a = analyse(Validation.func(List.of(V128, V128), List.of(F32), new ValType[] {V128, V128},
                code().f32Const(1).end()), 0);
        assertEquals(1, a.analysis().maxStackSlots());
    }
}
