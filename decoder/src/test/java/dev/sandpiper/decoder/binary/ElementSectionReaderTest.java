package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.i32Expr;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static dev.sandpiper.decoder.ModuleBytes.refFuncExpr;
import static dev.sandpiper.decoder.ModuleBytes.refNullExpr;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;
import dev.sandpiper.decoder.model.ValType;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Binary Format > Modules > Element Section ({@code binary/modules.html#element-section}):
 * the eight encodings, flags 0 to 7.
 */
class ElementSectionReaderTest {

    private static Module allEightEncodings() {
        return decode(module()
                .elemActive(i32Expr(1), 10, 11)                                          // 0
                .elemPassive(12)                                                         // 1
                .elemActiveTable(3, i32Expr(2), 13, 14, 15)                              // 2
                .elemDeclarative(16)                                                     // 3
                .elemActiveExprs(i32Expr(3), refFuncExpr(17), refNullExpr(ValType.FUNCREF)) // 4
                .elemPassiveExprs(ValType.EXTERNREF, refNullExpr(ValType.EXTERNREF))     // 5
                .elemActiveTableExprs(4, i32Expr(4), ValType.FUNCREF, refFuncExpr(18))   // 6
                .elemDeclarativeExprs(ValType.FUNCREF, refFuncExpr(19), refFuncExpr(20)) // 7
                .build());
    }

    private static int firstConst(Module m, ConstExpr e) {
        CodeReader r = m.codeReader(e);
        r.next();
        return r.index() != 0 ? r.index() : (int) r.constValue();
    }

    @Test
    void modesFollowTheFlags() {
        Module m = allEightEncodings();
        SegmentMode[] expected = {SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE,
                SegmentMode.DECLARATIVE, SegmentMode.ACTIVE, SegmentMode.PASSIVE, SegmentMode.ACTIVE,
                SegmentMode.DECLARATIVE};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], m.elements().get(i).mode(), "flag " + i);
        }
    }

    @Test
    void activeSegmentsHaveTableAndOffsetOthersNeither() {
        Module m = allEightEncodings();
        int[] tables = {0, 0, 3, 0, 0, 0, 4, 0};
        int[] offsets = {1, -1, 2, -1, 3, -1, 4, -1};
        for (int i = 0; i < 8; i++) {
            ElementSegment e = m.elements().get(i);
            assertEquals(tables[i], e.tableIndex(), "table of flag " + i);
            if (offsets[i] < 0) {
                assertNull(e.offset(), "offset of flag " + i);
            } else {
                assertNotNull(e.offset(), "offset of flag " + i);
                CodeReader r = m.codeReader(e.offset());
                assertEquals(Opcode.I32_CONST, r.next());
                assertEquals(offsets[i], r.constValue());
            }
        }
    }

    @Test
    void functionIndexEncodingsKeepTheIndices() {
        Module m = allEightEncodings();
        assertArrayEquals(new int[] {10, 11}, m.elements().get(0).functionIndices());
        assertArrayEquals(new int[] {12}, m.elements().get(1).functionIndices());
        assertArrayEquals(new int[] {13, 14, 15}, m.elements().get(2).functionIndices());
        assertArrayEquals(new int[] {16}, m.elements().get(3).functionIndices());
        for (int i = 0; i < 4; i++) {
            assertNull(m.elements().get(i).exprs(), "flag " + i);
            // 3.0 (typed function references): function indices are of type (ref func).
            assertEquals(ValType.REF_FUNC, m.elements().get(i).type(), "flag " + i);
        }
        assertEquals(3, m.elements().get(2).size());
    }

    @Test
    void expressionEncodingsKeepTheExpressionsAndTheirType() {
        Module m = allEightEncodings();
        ElementSegment e4 = m.elements().get(4);
        assertNull(e4.functionIndices());
        assertEquals(ValType.FUNCREF, e4.type(), "flag 4 is funcref");
        assertEquals(2, e4.size());
        assertEquals(17, firstConst(m, e4.exprs().get(0)));
        CodeReader nul = m.codeReader(e4.exprs().get(1));
        assertEquals(Opcode.REF_NULL, nul.next());
        assertEquals(ValType.FUNCREF, nul.refType());

        assertEquals(ValType.EXTERNREF, m.elements().get(5).type());
        assertEquals(18, firstConst(m, m.elements().get(6).exprs().get(0)));
        assertEquals(2, m.elements().get(7).size());
        assertEquals(20, firstConst(m, m.elements().get(7).exprs().get(1)));
    }

    @Test
    void flagsAboveSevenAreAMalformedSegmentKind() {
        assertMalformed(module().rawElement(concat(u32(8), bytes(0x00))).build(), "malformed elements segment kind", 11);
        assertMalformed(module().rawElement(concat(u32(0xFFFFFFFFL), bytes(0x00))).build(),
                "malformed elements segment kind", 11);
    }

    @Test
    void elementKindOtherThanZeroIsMalformed() {
        // flag 1, elemkind at 12
        assertMalformed(module().rawElement(bytes(0x01, 0x01, 0x00)).build(), "malformed element kind", 12);
    }

    @Test
    void expressionSegmentsNeedAReferenceType() {
        assertMalformed(module().rawElement(bytes(0x05, ValType.I32.code(), 0x00)).build(),
                "malformed reference type", 12);
    }

    @Test
    void flagMayBePadded() {
        Module m = decode(module().rawElement(concat(new byte[] {(byte) 0x83, (byte) 0x80, 0x00}, bytes(0x00, 0x01, 0x05)))
                .build());
        assertEquals(SegmentMode.DECLARATIVE, m.elements().get(0).mode());
        assertArrayEquals(new int[] {5}, m.elements().get(0).functionIndices());
    }

    @Test
    void truncatedFunctionIndicesAreUnexpectedEnd() {
        assertMalformed(module().rawElement(bytes(0x01, 0x00, 0x03, 0x01)).build(), WasmReader.UNEXPECTED_END, 15);
    }
}
