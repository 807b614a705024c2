package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Locals;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Code Section ({@code binary/modules.html#code-section}). */
class CodeSectionReaderTest {

    private static ModuleBytes oneType() {
        return ModuleBytes.module().type(List.of(), List.of());
    }

    @Test
    void localDeclarationsAreExpandedInOrder() {
        Module m = decode(oneType().function(0,
                List.of(new Locals(2, ValType.I32), new Locals(0, ValType.F32), new Locals(1, ValType.V128),
                        new Locals(3, ValType.EXTERNREF)),
                code().end().bytes()).build());
        assertArrayEquals(new ValType[] {ValType.I32, ValType.I32, ValType.V128, ValType.EXTERNREF, ValType.EXTERNREF,
                ValType.EXTERNREF}, m.codes().get(0).locals());
    }

    @Test
    void bodyRangeStartsAtTheFirstInstructionAndEndsPastTheFinalEnd() {
        ModuleBytes mb = oneType().function(0, List.of(new Locals(1, ValType.I64)), code().nop().nop().end().bytes());
        Module m = decode(mb.build());
        FunctionBody body = m.codes().get(0);
        assertEquals(mb.bodyStart(0), body.codeStart());
        assertEquals(mb.bodyStart(0) + 3, body.codeEnd());
        CodeReader r = m.codeReader(0);
        assertEquals(Opcode.NOP, r.next());
        assertEquals(mb.bodyStart(0), r.opcodeOffset());
    }

    @Test
    void bodiesOfSeveralFunctionsAreSeparate() {
        ModuleBytes mb = oneType().function(0, code().nop().end()).function(0, code().unreachable().end());
        Module m = decode(mb.build());
        assertEquals(Opcode.NOP, m.codeReader(0).next());
        assertEquals(Opcode.UNREACHABLE, m.codeReader(1).next());
        assertEquals(mb.bodyStart(1), m.codes().get(1).codeStart());
    }

    @Test
    void bodyEndingBeforeItsDeclaredSizeIsASizeMismatchAtTheBodysStart() {
        ModuleBytes mb = oneType().declareFunction(0).rawCodeEntry(bytes(3, 0x00, 0x0B, 0x01));
        byte[] bytes = mb.build();
        int entryStart = bytes.length - 4;
        assertMalformed(bytes, "section size mismatch", entryStart + 1);
    }

    @Test
    void bodyWhoseEndLiesBeyondItsDeclaredSizeIsASizeMismatch() {
        ModuleBytes mb = oneType().declareFunction(0).rawCodeEntry(bytes(2, 0x00, 0x01, 0x0B));
        byte[] bytes = mb.build();
        assertMalformed(bytes, "section size mismatch", bytes.length - 3);
    }

    @Test
    void bodySizeBeyondTheInputIsOutOfBounds() {
        ModuleBytes mb = oneType().declareFunction(0).rawCodeEntry(bytes(9, 0x00, 0x0B));
        byte[] bytes = mb.build();
        assertMalformed(bytes, "length out of bounds", bytes.length - 3);
    }

    @Test
    void bodyWithoutEndRunsOffTheInput() {
        ModuleBytes mb = oneType().declareFunction(0).rawBody(bytes(0x00, 0x01));
        assertMalformed(mb.build(), WasmReader.UNEXPECTED_END);
    }

    @Test
    void elseAtTheBodysOwnLevelIsEndOpcodeExpected() {
        ModuleBytes mb = oneType().function(0, code().nop().else_().end());
        byte[] bytes = mb.build();
        assertMalformed(bytes, "END opcode expected", mb.bodyStart(0) + 1);
    }

    @Test
    void localOfAnUnknownTypeIsMalformed() {
        ModuleBytes mb = oneType().declareFunction(0).rawBody(bytes(0x01, 0x01, 0x7A, 0x0B));
        byte[] bytes = mb.build();
        assertMalformed(bytes, "malformed value type", bytes.length - 2);
    }

    @Test
    void localsUpToTheImplementationLimitAreAccepted() {
        Module m = decode(oneType().function(0,
                List.of(new Locals(ImplementationLimits.MAX_FUNCTION_LOCALS - 1, ValType.I32),
                        new Locals(1, ValType.F64)), code().end().bytes()).build());
        assertEquals(ImplementationLimits.MAX_FUNCTION_LOCALS, m.codes().get(0).locals().length);
        assertEquals(ValType.F64, m.codes().get(0).locals()[ImplementationLimits.MAX_FUNCTION_LOCALS - 1]);
    }

    @Test
    void localsBeyondTheImplementationLimitAreTooManyAtTheDeclarations() {
        ModuleBytes mb = oneType().function(0,
                List.of(new Locals(ImplementationLimits.MAX_FUNCTION_LOCALS, ValType.I32),
                        new Locals(1, ValType.I32)), code().end().bytes());
        byte[] bytes = mb.build();
        // the declarations (count, then two groups of u32 count and type) start right after the body size
        int declarations = mb.bodyStart(0) - (1 + u32(ImplementationLimits.MAX_FUNCTION_LOCALS).length + 1 + 2);
        assertMalformed(bytes, "too many locals", declarations);
    }

    @Test
    void localCountsSummingBeyondU32AreTooMany() {
        byte[] locals = concat(bytes(2), u32(0xFFFFFFFFL), bytes(ValType.I32.code()), u32(1), bytes(ValType.I64.code()));
        assertMalformed(oneType().declareFunction(0).rawBody(concat(locals, bytes(0x0B))).build(), "too many locals");
    }

    @Test
    void emptyCodeSectionMatchesAnEmptyFunctionSection() {
        Module m = decode(oneType().emptySection(ModuleBytes.FUNCTION).emptySection(ModuleBytes.CODE).build());
        assertEquals(0, m.codes().size());
    }
}
