package dev.sandpiper.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.text.print.WatPrinter;
import org.junit.jupiter.api.Test;

/**
 * The 3.0 text forms of this step: {@code return_call}, {@code return_call_indirect}, memory
 * indices on memory instructions (named or numbered, optional for memory 0), parsed to the binary
 * format and printed back.
 */
class Wasm3TextTest {
    private static final String WAT = """
            (module
              (type $t (func (param i32) (result i32)))
              (table 1 funcref)
              (memory $a 1)
              (memory $b 2)
              (data $d "xy")
              (func $f (type $t) (return_call $f (local.get 0)))
              (func $g (type $t) (return_call_indirect (type $t) (local.get 0) (i32.const 0)))
              (func (param i32) (result i32)
                (i32.store $b offset=4 (local.get 0) (i32.const 7))
                (memory.copy $a $b (i32.const 0) (i32.const 4) (i32.const 4))
                (memory.init $b $d (i32.const 0) (i32.const 0) (i32.const 2))
                (memory.fill 1 (i32.const 0) (i32.const 0) (i32.const 1))
                (drop (memory.grow $b (i32.const 1)))
                (v128.store8_lane $b offset=2 3 (i32.const 0) (v128.const i64x2 0 0))
                (i32.add (i32.load $a (local.get 0)) (memory.size $b))))
            """;

    @Test
    void memoryIndicesAndTailCallsParseToTheirBinaryForms() {
        Module m = ModuleDecoder.decode(Wat.parseModule(WAT, "wasm3.wat"));
        assertEquals(2, m.memories().size());
        CodeReader f = m.codeReader(0);
        f.next();
        assertEquals(Opcode.RETURN_CALL, f.next());
        assertEquals(0, f.index());
        CodeReader g = m.codeReader(1);
        g.next();
        g.next();
        assertEquals(Opcode.RETURN_CALL_INDIRECT, g.next());
        CodeReader h = m.codeReader(2);
        h.next();
        h.next();
        assertEquals(Opcode.I32_STORE, h.next());
        assertEquals(1, h.memoryIndex());
        assertEquals(4, h.offset());
        assertEquals(2, h.align(), "the flag bit is not part of the alignment");
        skip(h, 3);
        assertEquals(Opcode.MEMORY_COPY, h.next());
        assertEquals(0, h.memoryIndex());
        assertEquals(1, h.memoryIndex2());
        skip(h, 3);
        assertEquals(Opcode.MEMORY_INIT, h.next());
        assertEquals(1, h.memoryIndex());
        assertEquals(0, h.index());
        skip(h, 3);
        assertEquals(Opcode.MEMORY_FILL, h.next());
        assertEquals(1, h.memoryIndex());
        skip(h, 1);
        assertEquals(Opcode.MEMORY_GROW, h.next());
        assertEquals(1, h.memoryIndex());
        skip(h, 3);
        assertEquals(Opcode.V128_STORE8_LANE, h.next());
        assertEquals(1, h.memoryIndex());
        assertEquals(2, h.offset());
        assertEquals(3, h.lane());
        skip(h, 1);
        assertEquals(Opcode.I32_LOAD, h.next());
        assertEquals(0, h.memoryIndex());
        assertEquals(Opcode.MEMORY_SIZE, h.next());
        assertEquals(1, h.memoryIndex());
    }

    private static void skip(CodeReader r, int n) {
        for (int i = 0; i < n; i++) {
            r.next();
        }
    }

    @Test
    void printedTextParsesBackToTheSameBinary() {
        byte[] binary = Wat.parseModule(WAT, "wasm3.wat");
        String text = WatPrinter.print(binary);
        assertTrue(text.contains("i32.store 1 offset=4"), text);
        assertTrue(text.contains("memory.copy 0 1"), text);
        assertTrue(text.contains("memory.init 1 0"), text);
        assertTrue(text.contains("return_call 0"), text);
        assertTrue(text.contains("v128.store8_lane 1 offset=2 3"), text);
        assertEquals(java.util.HexFormat.of().formatHex(binary),
                java.util.HexFormat.of().formatHex(Wat.parseModule(text, "printed.wat")));
    }
}
