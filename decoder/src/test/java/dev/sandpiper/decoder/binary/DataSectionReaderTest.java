package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.i32Expr;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.SegmentMode;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Data Section ({@code binary/modules.html#data-section}): flags 0 to 2. */
class DataSectionReaderTest {

    @Test
    void theThreeEncodingsDecode() {
        Module m = decode(module()
                .dataActive(i32Expr(16), bytes(1, 2, 3))
                .dataPassive(bytes(4))
                .dataActiveMemory(2, i32Expr(32), bytes())
                .build());
        DataSegment d0 = m.data().get(0);
        assertEquals(SegmentMode.ACTIVE, d0.mode());
        assertEquals(0, d0.memoryIndex());
        assertArrayEquals(bytes(1, 2, 3), m.copyData(d0));
        CodeReader r = m.codeReader(d0.offset());
        r.next();
        assertEquals(16, r.constValue());

        DataSegment d1 = m.data().get(1);
        assertEquals(SegmentMode.PASSIVE, d1.mode());
        assertNull(d1.offset());
        assertArrayEquals(bytes(4), m.copyData(d1));

        DataSegment d2 = m.data().get(2);
        assertEquals(SegmentMode.ACTIVE, d2.mode());
        assertEquals(2, d2.memoryIndex());
        assertEquals(0, d2.length());
    }

    @Test
    void dataBytesAreARangeOfTheModule() {
        byte[] bytes = module().dataPassive(bytes(0xAA, 0xBB)).build();
        Module m = decode(bytes);
        DataSegment d = m.data().get(0);
        assertEquals(bytes.length - 2, d.dataStart());
        assertEquals(2, d.length());
        bytes[bytes.length - 1] = 0; // the decoder copied its input
        assertArrayEquals(bytes(0xAA, 0xBB), m.copyData(d));
    }

    @Test
    void flagsAboveTwoAreAMalformedSegmentKind() {
        assertMalformed(module().rawData(concat(u32(3), bytes(0))).build(), "malformed data segment kind", 11);
        assertMalformed(module().rawData(concat(u32(0x80000000L), bytes(0))).build(), "malformed data segment kind", 11);
    }

    @Test
    void dataLongerThanTheInputIsUnexpectedEnd() {
        // flag 1 at 11, length 5 at 12, two bytes at 13
        assertMalformed(module().rawData(bytes(0x01, 0x05, 0xAA, 0xBB)).build(), WasmReader.UNEXPECTED_END);
    }

    @Test
    void hugeDataLengthFailsWithoutAllocating() {
        assertMalformed(module().rawData(concat(bytes(0x01), u32(0xFFFFFFFFL), bytes(0xAA))).build(),
                WasmReader.UNEXPECTED_END);
    }
}
