package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Binary Format > Modules ({@code binary/modules.html#binary-module}): the preamble, and the
 * constraints that span sections: function and code sections of equal length, the data count section
 * agreeing with the data section and present when code names data segments.
 */
class ModuleStructureTest {

    private static ModuleBytes oneType() {
        return ModuleBytes.module().type(List.of(), List.of());
    }

    // ---------------------------------------------------------------- preamble

    @Test
    void emptyAndShortInputsAreUnexpectedEnd() {
        assertMalformed(bytes(), "unexpected end", 0);
        assertMalformed(bytes(0x00, 0x61, 0x73), "unexpected end", 3);
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D), "unexpected end", 4);
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00), "unexpected end", 7);
    }

    @Test
    void wrongMagicIsDetectedAtOffsetZero() {
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00), "magic header not detected", 0);
        assertMalformed(bytes('a', 's', 'm', 0x00, 0x01, 0x00, 0x00, 0x00), "magic header not detected", 0);
        assertMalformed(bytes(0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00), "magic header not detected", 0);
    }

    @Test
    void versionOtherThanOneIsUnknownAtOffsetFour() {
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00), "unknown binary version", 4);
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x00, 0x00, 0x00, 0x01), "unknown binary version", 4);
        assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00), "unknown binary version", 4);
    }

    @Test
    void decoderCopiesItsInput() {
        byte[] bytes = oneType().function(0, code().nop().end()).build();
        Module m = decode(bytes);
        java.util.Arrays.fill(bytes, (byte) 0);
        assertEquals(Opcode.NOP, m.codeReader(0).next());
    }

    // ---------------------------------------------------------------- function and code sections

    @Test
    void functionSectionWithoutCodeSectionIsInconsistent() {
        byte[] bytes = oneType().declareFunction(0).build();
        assertMalformed(bytes, "function and code section have inconsistent lengths", bytes.length);
    }

    @Test
    void codeSectionWithoutFunctionSectionIsInconsistent() {
        byte[] bytes = oneType().body(List.of(), code().end().bytes()).build();
        assertMalformed(bytes, "function and code section have inconsistent lengths", bytes.length);
    }

    @Test
    void moreFunctionsThanBodiesIsInconsistent() {
        byte[] bytes = oneType().function(0, code().end()).declareFunction(0).build();
        assertMalformed(bytes, "function and code section have inconsistent lengths", bytes.length);
    }

    @Test
    void emptyFunctionSectionWithoutCodeSectionIsConsistent() {
        assertEquals(0, decode(oneType().emptySection(ModuleBytes.FUNCTION).build()).definedFunctionCount());
    }

    // ---------------------------------------------------------------- data count

    @Test
    void dataCountEqualToTheSegmentsIsKept() {
        Module m = decode(ModuleBytes.module().dataCount(2).dataPassive(bytes(1)).dataPassive(bytes()).build());
        assertEquals(2, m.dataCount());
    }

    @Test
    void dataCountOtherThanTheSegmentsIsInconsistent() {
        byte[] more = ModuleBytes.module().dataCount(2).dataPassive(bytes(1)).build();
        assertMalformed(more, "data count and data section have inconsistent lengths", more.length);
        byte[] withoutData = ModuleBytes.module().dataCount(1).build();
        assertMalformed(withoutData, "data count and data section have inconsistent lengths", withoutData.length);
    }

    @Test
    void dataCountOfZeroWithoutDataSectionIsConsistent() {
        assertEquals(0, decode(ModuleBytes.module().dataCount(0).build()).dataCount());
    }

    @Test
    void dataCountWithTheHighBitSetIsInconsistentNotAbsent() {
        byte[] allOnes = ModuleBytes.module().dataCount(0xFFFFFFFFL).build();
        assertMalformed(allOnes, "data count and data section have inconsistent lengths");
        byte[] high = ModuleBytes.module().dataCount(0x80000000L).dataPassive(bytes()).build();
        assertMalformed(high, "data count and data section have inconsistent lengths");
    }

    @Test
    void memoryInitNeedsTheDataCountSectionWhenThereAreDataSegments() {
        byte[] bytes = oneType().memory(1, -1)
                .function(0, code().i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_INIT).u32(0).raw(0).end())
                .dataPassive(bytes(1)).build();
        assertMalformed(bytes, "data count section required", bytes.length);
    }

    @Test
    void dataDropNeedsTheDataCountSectionWhenThereAreDataSegments() {
        byte[] bytes = oneType().function(0, code().op(Opcode.DATA_DROP).u32(0).end()).dataPassive(bytes(1)).build();
        assertMalformed(bytes, "data count section required", bytes.length);
    }

    @Test
    void dataDropWithTheDataCountSectionDecodes() {
        Module m = decode(oneType().function(0, code().op(Opcode.DATA_DROP).u32(0).end())
                .dataCount(1).dataPassive(bytes(1)).build());
        assertEquals(1, m.dataCount());
    }

    @Test
    void codeWithoutDataIndicesNeedsNoDataCountSection() {
        Module m = decode(oneType().memory(1, -1)
                .function(0, code().i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_COPY).raw(0, 0).end())
                .dataPassive(bytes(1)).build());
        assertEquals(-1, m.dataCount());
    }
}
