package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ConstExpr;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Global Section ({@code binary/modules.html#global-section}). */
class GlobalSectionReaderTest {

    @Test
    void initialiserIsTheByteRangeUpToAndIncludingItsEnd() {
        Module m = decode(module().global(ValType.I64, true, ModuleBytes.i64Expr(-2)).build());
        // global entry at 11: type, mutability, then the expression at 13: 0x42 0x7E 0x0B
        ConstExpr init = m.globals().get(0).init();
        assertEquals(new ConstExpr(13, 16), init);
        CodeReader r = m.codeReader(init);
        assertEquals(Opcode.I64_CONST, r.next());
        assertEquals(-2, r.constValue());
        assertEquals(Opcode.END, r.next());
    }

    @Test
    void nonConstantInitialisersAreLeftToTheValidator() {
        Module m = decode(module().global(ValType.I32, false,
                ModuleBytes.expr(code().i32Const(1).i32Const(2).op(Opcode.I32_ADD))).build());
        assertEquals(1, m.globals().size());
    }

    @Test
    void initialiserWithNestedBlocksEndsAtTheOutermostEnd() {
        byte[] init = ModuleBytes.expr(code().block(ValType.I32).i32Const(1).end());
        Module m = decode(module().global(ValType.I32, false, init).build());
        assertEquals(13 + init.length, m.globals().get(0).init().end());
    }

    @Test
    void initialiserWithoutEndRunsOffTheInput() {
        byte[] m = module().rawGlobal(concat(bytes(ValType.I32.code(), 0), code().i32Const(0).bytes())).build();
        assertMalformed(m, WasmReader.UNEXPECTED_END, 15);
    }

    @Test
    void illegalOpcodeInAnInitialiserIsMalformed() {
        byte[] m = module().rawGlobal(concat(bytes(ValType.I32.code(), 0), bytes(0x27, 0x0B))).build();
        assertMalformed(m, "illegal opcode 27", 13);
    }
}
