package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.text.print.WatPrinter;
import org.junit.jupiter.api.Test;

/**
 * 3.0's memory64 in the text format: an {@code i64} address type before limits, u64 limits and
 * {@code offset=}, inline segments of a 64-bit memory or table at {@code i64.const 0}, and the
 * printer writing them back; under 2.0's grammar a u64 literal is "i32 constant out of range".
 */
class Memory64TextTest {
    private static final String WAT = """
            (module
              (import "m" "mem" (memory $m i64 1 2))
              (memory $w i64 (data "xyz"))
              (memory $n 0x1_0000 0x1_0000)
              (table $t i64 0 0xffff_ffff_ffff_ffff funcref)
              (table $u i64 funcref (elem $f))
              (func $f (result i32)
                (i32.load $w offset=0xffff_ffff_ffff_fff0 align=1 (i64.const 8))))
            """;

    @Test
    void addressTypesLimitsAndOffsetsParseToTheirBinaryForms() {
        Module m = ModuleDecoder.decode(Wat.parseModule(WAT, "memory64.wat"));
        Limits imported = m.memorySpace().get(0).limits();
        assertEquals(new Limits(1, 2, true, true), imported);
        Limits inline = m.memorySpace().get(1).limits();
        assertEquals(new Limits(1, 1, true, true), inline, "three bytes of data: one page, i64");
        assertFalse(m.memorySpace().get(2).limits().address64());
        assertEquals(new Limits(0, -1L, true, true), m.tables().get(0).limits(), "a maximum of 2^64-1");
        assertTrue(m.tables().get(1).limits().address64());
        assertEquals(Opcode.I64_CONST, m.codeReader(m.data().get(0).offset()).next(), "inline data at i64.const 0");
        assertEquals(Opcode.I64_CONST, m.codeReader(m.elements().get(0).offset()).next(), "inline elem at i64.const 0");
        CodeReader r = m.codeReader(0);
        r.next();
        assertEquals(Opcode.I32_LOAD, r.next());
        assertEquals(1, r.memoryIndex());
        assertEquals(0xFFFF_FFFF_FFFF_FFF0L, r.offset());
    }

    @Test
    void thePrinterWritesThemBackAndTheyParseAgain() {
        byte[] binary = Wat.parseModule(WAT, "memory64.wat");
        String printed = WatPrinter.print(ModuleDecoder.decode(binary));
        assertTrue(printed.contains("i64 1 2"), printed);
        assertTrue(printed.contains("i64 0 18446744073709551615"), printed);
        assertTrue(printed.contains("offset=18446744073709551600"), printed);
        assertEquals(WatPrinter.print(ModuleDecoder.decode(Wat.parseModule(printed, "printed.wat"))), printed);
    }

    @Test
    void underTwoPointOhsGrammarLimitsAndOffsetsAreU32() {
        String wide = "(module (memory 0x1_0000_0000))";
        assertEquals(new Limits(1L << 32, Limits.NO_MAX),
                ModuleDecoder.decode(Wat.parseModule(wide, "wide.wat")).memories().get(0).limits());
        TextFormatException e = assertThrows(TextFormatException.class, () -> Wat.parse(wide, "wide.wat", false));
        assertTrue(e.reason().startsWith("i32 constant out of range"), e.getMessage());
        String offset = "(module (memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0)))))";
        assertThrows(TextFormatException.class, () -> Wat.parse(offset, "offset.wat", false));
    }
}
