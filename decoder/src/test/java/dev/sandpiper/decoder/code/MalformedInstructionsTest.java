package dev.sandpiper.decoder.code;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.binary.WasmReader;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Binary Format > Instructions: what makes an instruction sequence malformed (unknown
 * opcodes, reserved bytes that must be zero, bad type immediates, a misplaced {@code else}), each
 * reported with the reference interpreter's wording at the absolute offset of the defect.
 */
class MalformedInstructionsTest {

    /** A module with one function of type [] -> [] whose body is {@code body}; remembers its start. */
    private static final class OneFunction {
        final ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of());
        final byte[] bytes;

        OneFunction(Code body) {
            mb.memory(1, -1).function(0, body);
            bytes = mb.build();
        }

        int at(int relative) {
            return mb.bodyStart(0) + relative;
        }
    }

    @Test
    void unassignedSingleByteOpcodeIsIllegalAtItsOffset() {
        OneFunction f = new OneFunction(code().nop().raw(0x27).end());
        assertMalformed(f.bytes, "illegal opcode 27", f.at(1));
    }

    @Test
    void unassignedPrefixedOpcodesAreIllegalAtThePrefix() {
        OneFunction fc = new OneFunction(code().nop().raw(0xFC).u32(18).end());
        assertMalformed(fc.bytes, "illegal opcode fc 12", fc.at(1));
        OneFunction fd = new OneFunction(code().raw(0xFD).u32(0x9A).end());
        assertMalformed(fd.bytes, "illegal opcode fd 9a", fd.at(0));
        OneFunction huge = new OneFunction(code().raw(0xFD).u32(0xFFFFFFFFL).end());
        assertMalformed(huge.bytes, "illegal opcode fd ffffffff", huge.at(0));
    }

    @Test
    void subOpcodeIsAU32AndMayBePadded() {
        // i32.trunc_sat_f32_s as 0xFC with sub-opcode 0 padded to 5 bytes
        OneFunction f = new OneFunction(code().f32Const(1).raw(0xFC).raw(ModuleBytes.u32Padded(0, 5)).drop().end());
        Module m = ModuleDecoder.decode(f.bytes);
        CodeReader r = m.codeReader(0);
        r.next();
        assertEquals(Opcode.I32_TRUNC_SAT_F32_S, r.next());
    }

    @Test
    void overlongSubOpcodeIsTooLong() {
        OneFunction f = new OneFunction(code().raw(0xFD).raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).end());
        assertMalformed(f.bytes, "integer representation too long", f.at(1));
    }

    /** Without multi-memory (2.0), a memory index is a reserved byte that must be zero. */
    private static void assertZeroByteExpected(OneFunction f, int relative) {
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(f.bytes, Features.wasm20()));
        assertTrue(e.reason().startsWith("zero byte expected"), e.reason());
        assertTrue(e.reason().contains("multi-memory"), e.reason());
        assertEquals(f.at(relative), e.offset());
    }

    @Test
    void memorySizeAndGrowNeedAZeroByteIn20() {
        assertZeroByteExpected(new OneFunction(code().op(Opcode.MEMORY_SIZE).raw(0x01).drop().end()), 1);
        assertZeroByteExpected(new OneFunction(code().i32Const(0).op(Opcode.MEMORY_GROW).raw(0x80, 0x00).drop().end()), 3);
    }

    @Test
    void bulkMemoryInstructionsNeedTheirZeroBytesIn20() {
        assertZeroByteExpected(new OneFunction(code().op(Opcode.MEMORY_COPY).raw(0x00, 0x01).end()), 3);
        assertZeroByteExpected(new OneFunction(code().op(Opcode.MEMORY_FILL).raw(0x02).end()), 2);
        assertZeroByteExpected(new OneFunction(code().op(Opcode.MEMORY_INIT).u32(0).raw(0x01).end()), 3);
    }

    @Test
    void refNullNeedsAReferenceType() {
        OneFunction f = new OneFunction(code().op(Opcode.REF_NULL).raw(ValType.I32.code()).drop().end());
        assertMalformed(f.bytes, "malformed reference type", f.at(1));
    }

    @Test
    void typedSelectNeedsValueTypes() {
        OneFunction f = new OneFunction(code().op(Opcode.SELECT_T).u32(1).raw(0x40).end());
        assertMalformed(f.bytes, "malformed value type", f.at(2));
    }

    @Test
    void blockTypeWithAnUnknownValueTypeIsMalformed() {
        OneFunction f = new OneFunction(code().op(Opcode.BLOCK).raw(0x7A).end().end());
        assertMalformed(f.bytes, "malformed value type", f.at(1));
    }

    @Test
    void blockTypeIndexIsAnS33() {
        OneFunction f = new OneFunction(code().op(Opcode.BLOCK).raw(ModuleBytes.slebPadded(0, 5)).end().end());
        CodeReader r = ModuleDecoder.decode(f.bytes).codeReader(0);
        assertEquals(Opcode.BLOCK, r.next());
        assertEquals(0, r.blockType());
        assertNull(r.blockValType());
        OneFunction big = new OneFunction(code().op(Opcode.BLOCK).raw(0x80, 0x80, 0x80, 0x80, 0x10).end().end());
        assertMalformed(big.bytes, "integer too large", big.at(1));
    }

    @Test
    void negativeS33BlockTypeIsNeitherTheEmptyTypeNorAValueType() {
        // 0xC0 0x7F is -64 as an s33: the value of the empty block type's byte, but a (bad) type index
        byte[] body = code().op(Opcode.BLOCK).raw(0xC0, 0x7F).end().end().bytes();
        CodeReader r = new CodeReader(body, 0, body.length);
        assertEquals(Opcode.BLOCK, r.next());
        assertEquals(-64, r.blockType());
        assertNull(r.blockValType());
        byte[] empty = code().block().end().end().bytes();
        CodeReader e = new CodeReader(empty, 0, empty.length);
        e.next();
        assertEquals(CodeReader.BLOCK_EMPTY, e.blockType());
    }

    @Test
    void elseOutsideAnIfIsEndOpcodeExpected() {
        OneFunction top = new OneFunction(code().nop().else_().end());
        assertMalformed(top.bytes, "END opcode expected", top.at(1));
        OneFunction inBlock = new OneFunction(code().block().else_().end().end());
        assertMalformed(inBlock.bytes, "END opcode expected", inBlock.at(2));
        OneFunction twice = new OneFunction(code().i32Const(0).if_().else_().else_().end().end());
        assertMalformed(twice.bytes, "END opcode expected", twice.at(5));
    }

    @Test
    void truncatedImmediateIsUnexpectedEnd() {
        byte[] bytes = ModuleBytes.moduleOf(
                ModuleBytes.section(ModuleBytes.TYPE, ModuleBytes.vec(ModuleBytes.funcType(List.of(), List.of()))),
                ModuleBytes.section(ModuleBytes.FUNCTION, ModuleBytes.vec(ModuleBytes.u32(0))),
                ModuleBytes.section(ModuleBytes.CODE, ModuleBytes.vec(ModuleBytes.lengthPrefixed(
                        ModuleBytes.concat(ModuleBytes.bytes(0x00), code().op(Opcode.F64_CONST).raw(0, 0, 0).bytes())))));
        assertMalformed(bytes, WasmReader.UNEXPECTED_END);
    }

    @Test
    void lanesAreSingleBytesNotLeb() {
        // A lane index of 0x80 is a byte value 128 (validation rejects it), not a continuation.
        byte[] body = code().v128Zero().lane(Opcode.I8X16_EXTRACT_LANE_S, 0x80).drop().end().bytes();
        CodeReader r = new CodeReader(body, 0, body.length);
        r.next();
        assertEquals(Opcode.I8X16_EXTRACT_LANE_S, r.next());
        assertEquals(0x80, r.lane());
        assertEquals(Opcode.DROP, r.next());
    }

    @Test
    void codeReaderStopsAtItsEnd() {
        byte[] body = code().nop().bytes();
        CodeReader r = new CodeReader(body, 0, body.length);
        assertEquals(Opcode.NOP, r.next());
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::next);
        assertEquals(WasmReader.UNEXPECTED_END, e.reason());
        assertEquals(1, e.offset());
    }

    @Test
    void codeReaderReportsEachInstructionsOffset() {
        byte[] body = code().i32Const(300).i64Const(-1).drop().drop().end().bytes();
        CodeReader r = new CodeReader(body, 0, body.length);
        int[] offsets = new int[5];
        for (int i = 0; i < 5; i++) {
            r.next();
            offsets[i] = r.opcodeOffset();
        }
        assertEquals(List.of(0, 3, 5, 6, 7), java.util.Arrays.stream(offsets).boxed().toList());
        assertEquals(8, r.position());
    }

    @Test
    void brTableWithAHugeCountDoesNotAllocateForIt() {
        byte[] body = code().i32Const(0).op(Opcode.BR_TABLE).u32(0xFFFFFFFFL).raw(0, 0).bytes();
        CodeReader r = new CodeReader(body, 0, body.length);
        r.next();
        MalformedModuleException e = assertThrows(MalformedModuleException.class, r::next);
        assertEquals(WasmReader.UNEXPECTED_END, e.reason());
    }
}
