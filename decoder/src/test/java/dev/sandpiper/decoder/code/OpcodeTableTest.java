package dev.sandpiper.decoder.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of 2.0 instructions in {@link Opcode}: encodings, lookups, names, features, memory
 * widths, lane counts and fixed signatures, against the spec's binary/instructions.html and the
 * appendix's index of instructions.
 */
class OpcodeTableTest {

    /** Opcodes of 2.0 with this prefix. */
    private static long count(int prefix) {
        return Arrays.stream(Opcode.values()).filter(o -> o.prefix() == prefix && o.feature().inWasm20()).count();
    }

    @Test
    void tailCallsAreTheTwoSingleByteOpcodesAfterCallIndirect() {
        assertSame(Opcode.RETURN_CALL, Opcode.single(0x12));
        assertSame(Opcode.RETURN_CALL_INDIRECT, Opcode.single(0x13));
        assertSame(Feature.TAIL_CALL, Opcode.RETURN_CALL.feature());
        assertSame(ImmediateKind.CALL_INDIRECT, Opcode.RETURN_CALL_INDIRECT.immediate());
    }

    @Test
    void twoPointZeroHas183SingleByte18FcAnd236FdOpcodes() {
        assertEquals(183, count(0));
        assertEquals(18, count(Opcode.PREFIX_FC));
        assertEquals(236, count(Opcode.PREFIX_FD));
    }

    @Test
    void everyOpcodeIsFoundByItsOwnEncoding() {
        for (Opcode op : Opcode.values()) {
            Opcode found = switch (op.prefix()) {
                case 0 -> Opcode.single(op.code());
                case Opcode.PREFIX_FC -> Opcode.prefixedFC(op.code());
                case Opcode.PREFIX_FB -> Opcode.prefixedFB(op.code());
                case Opcode.PREFIX_FD -> Opcode.prefixedFD(op.code());
                default -> throw new AssertionError(op);
            };
            assertSame(op, found, op.text());
        }
    }

    @Test
    void unassignedEncodingsAreNotOpcodes() {
        for (int b : new int[] {0x1D, 0x1E, 0x27, 0xC5,
                0xCF, 0xD7, 0xFB, 0xFE, 0xFF}) {
            assertNull(Opcode.single(b), Integer.toHexString(b));
        }
        assertNull(Opcode.single(Opcode.PREFIX_FC), "a prefix is not an instruction");
        assertNull(Opcode.single(Opcode.PREFIX_FD), "a prefix is not an instruction");
        assertNull(Opcode.prefixedFC(18));
        assertNull(Opcode.prefixedFC(31));
        assertNull(Opcode.prefixedFC(32));
        assertNull(Opcode.prefixedFC(0xFFFFFFFFL));
        assertNull(Opcode.prefixedFC(-1));
        assertNull(Opcode.prefixedFB(31));
        assertNull(Opcode.prefixedFB(32));
        assertNull(Opcode.prefixedFB(-1));
        for (int c : new int[] {0x9A, 0xA2, 0xA5, 0xA6, 0xAF, 0xB0, 0xB2, 0xB3, 0xB4, 0xBB, 0xC2, 0xC5, 0xC6, 0xCF,
                0xD0, 0xD2, 0xD3, 0xD4, 0xE2, 0xEE}) {
            assertNull(Opcode.prefixedFD(c), Integer.toHexString(c));
        }
        assertNull(Opcode.prefixedFD(0x114));
        assertNull(Opcode.prefixedFD(-1));
    }

    @Test
    void relaxedSimdIsTwentyOpcodesFrom0x100To0x113() {
        for (int c = 0x100; c <= 0x113; c++) {
            Opcode op = Opcode.prefixedFD(c);
            assertSame(Feature.RELAXED_SIMD, op.feature(), Integer.toHexString(c));
            assertTrue(op.text().contains(".relaxed_"), op.text());
            assertTrue(op.hasFixedSignature(), op.text());
        }
        assertSame(Opcode.I8X16_RELAXED_SWIZZLE, Opcode.prefixedFD(0x100));
        assertSame(Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, Opcode.prefixedFD(0x113));
        assertEquals(3, Opcode.F64X2_RELAXED_NMADD.popCount());
        assertEquals(2, Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S.popCount());
        assertEquals(20, Arrays.stream(Opcode.values()).filter(o -> o.feature() == Feature.RELAXED_SIMD).count());
    }

    @Test
    void textNamesAreUniqueAndFollowTheTextFormat() {
        Set<String> names = new HashSet<>();
        for (Opcode op : Opcode.values()) {
            // ref.test and ref.cast have a second opcode for a nullable target type (3.0 GC)
            boolean nullableForm = op == Opcode.REF_TEST_NULL || op == Opcode.REF_CAST_NULL;
            assertTrue(names.add(op.text()) || nullableForm, "duplicate " + op.text());
            assertEquals(op.text(), op.toString());
            assertEquals(op.name().toLowerCase(), op.text().replace('.', '_') + (nullableForm ? "_null" : ""),
                    "constant named after its text");
        }
    }

    @Test
    void prefixedInstructionsBelongToTheirProposals() {
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == Opcode.PREFIX_FD) {
                assertEquals(op.code() < 0x100 ? Feature.SIMD : Feature.RELAXED_SIMD, op.feature(), op.text());
            }
            if (op.prefix() == Opcode.PREFIX_FC && op.code() <= 7) {
                assertEquals(Feature.SATURATING_FLOAT_TO_INT, op.feature(), op.text());
            }
        }
        for (int b = 0xC0; b <= 0xC4; b++) {
            assertEquals(Feature.SIGN_EXTENSION, Opcode.single(b).feature());
        }
        for (Opcode op : new Opcode[] {Opcode.MEMORY_INIT, Opcode.DATA_DROP, Opcode.MEMORY_COPY,
                Opcode.MEMORY_FILL, Opcode.TABLE_INIT, Opcode.ELEM_DROP, Opcode.TABLE_COPY}) {
            assertEquals(Feature.BULK_MEMORY, op.feature(), op.text());
        }
        for (Opcode op : new Opcode[] {Opcode.SELECT_T, Opcode.REF_NULL, Opcode.REF_IS_NULL, Opcode.REF_FUNC,
                Opcode.TABLE_GET, Opcode.TABLE_SET, Opcode.TABLE_GROW, Opcode.TABLE_SIZE, Opcode.TABLE_FILL}) {
            assertEquals(Feature.REFERENCE_TYPES, op.feature(), op.text());
        }
    }

    @Test
    void memoryWidthOfEveryLoadAndStoreMatchesItsName() {
        for (Opcode op : Opcode.values()) {
            ImmediateKind k = op.immediate();
            if (k != ImmediateKind.MEMARG && k != ImmediateKind.MEMARG_LANE) {
                assertEquals(0, op.memoryBytes(), op.text());
                continue;
            }
            String t = op.text();
            int expected;
            if (t.matches(".*(load|store)(8|16|32|64)(_s|_u|_lane|_splat|_zero)?$")) {
                expected = Integer.parseInt(t.replaceAll(".*(load|store)(8|16|32|64).*", "$2")) / 8;
            } else if (t.matches("v128\\.load(8x8|16x4|32x2)_[su]")) {
                expected = 8;
            } else if (t.startsWith("v128.")) {
                expected = 16;
            } else {
                expected = t.startsWith("i32") || t.startsWith("f32") ? 4 : 8;
            }
            assertEquals(expected, op.memoryBytes(), t);
        }
    }

    @Test
    void laneCountsFollowTheShape() {
        assertEquals(16, Opcode.I8X16_EXTRACT_LANE_S.lanes());
        assertEquals(8, Opcode.I16X8_REPLACE_LANE.lanes());
        assertEquals(4, Opcode.F32X4_EXTRACT_LANE.lanes());
        assertEquals(2, Opcode.I64X2_REPLACE_LANE.lanes());
        assertEquals(16, Opcode.V128_LOAD8_LANE.lanes());
        assertEquals(8, Opcode.V128_STORE16_LANE.lanes());
        assertEquals(4, Opcode.V128_LOAD32_LANE.lanes());
        assertEquals(2, Opcode.V128_STORE64_LANE.lanes());
        assertEquals(0, Opcode.I32_ADD.lanes());
    }

    @Test
    void fixedSignaturesAreThoseOfTheSpec() {
        assertSignature(Opcode.I32_ADD, "i32 i32", "i32");
        assertSignature(Opcode.I64_EQZ, "i64", "i32");
        assertSignature(Opcode.F64_PROMOTE_F32, "f32", "f64");
        assertSignature(Opcode.I64_STORE32, "i32 i64", "");
        assertSignature(Opcode.V128_BITSELECT, "v128 v128 v128", "v128");
        assertSignature(Opcode.I8X16_SHL, "v128 i32", "v128");
        assertSignature(Opcode.I64X2_REPLACE_LANE, "v128 i64", "v128");
        assertSignature(Opcode.V128_STORE8_LANE, "i32 v128", "");
        assertSignature(Opcode.MEMORY_GROW, "i32", "i32");
        assertSignature(Opcode.TABLE_COPY, "i32 i32 i32", "");
        assertSignature(Opcode.NOP, "", "");
        assertSignature(Opcode.V128_ANY_TRUE, "v128", "i32");
    }

    @Test
    void contextDependentInstructionsHaveNoFixedSignature() {
        for (Opcode op : new Opcode[] {Opcode.DROP, Opcode.SELECT, Opcode.SELECT_T, Opcode.LOCAL_GET, Opcode.BLOCK,
                Opcode.BR_TABLE, Opcode.CALL, Opcode.REF_NULL, Opcode.REF_IS_NULL, Opcode.TABLE_GET,
                Opcode.TABLE_GROW, Opcode.TABLE_FILL, Opcode.UNREACHABLE}) {
            assertFalse(op.hasFixedSignature(), op.text());
        }
    }

    private static void assertSignature(Opcode op, String pops, String pushes) {
        assertTrue(op.hasFixedSignature(), op.text());
        assertEquals(pops, join(op.pops()), op.text() + " pops");
        assertEquals(pops.isEmpty() ? 0 : pops.split(" ").length, op.popCount());
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < op.pushCount(); i++) {
            p.append(i == 0 ? "" : " ").append(op.push(i));
        }
        assertEquals(pushes, p.toString(), op.text() + " pushes");
    }

    private static String join(ValType[] ts) {
        StringBuilder b = new StringBuilder();
        for (ValType t : ts) {
            b.append(b.length() == 0 ? "" : " ").append(t);
        }
        return b.toString();
    }

    @Test
    void familiesFollowTheSpecsSubsections() {
        assertEquals(Family.MEMORY, Opcode.V128_LOAD.family());
        assertEquals(Family.VECTOR, Opcode.V128_CONST.family());
        assertEquals(Family.PARAMETRIC, Opcode.SELECT_T.family());
        assertEquals(Family.TABLE, Opcode.ELEM_DROP.family());
        assertEquals(Family.MEMORY, Opcode.DATA_DROP.family());
        assertEquals(Family.NUMERIC, Opcode.I64_TRUNC_SAT_F64_U.family());
        assertEquals(Family.REFERENCE, Opcode.REF_FUNC.family());
        assertEquals(Family.CONTROL, Opcode.CALL_INDIRECT.family());
    }
}
