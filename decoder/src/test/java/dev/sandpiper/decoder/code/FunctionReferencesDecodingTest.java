package dev.sandpiper.decoder.code;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What typed function references add to the binary format (spec 3.0, Binary Format > Types >
 * Reference Types; Instructions; Modules > Table Section), and how each is refused without
 * {@link Feature#FUNCTION_REFERENCES}.
 */
class FunctionReferencesDecodingTest {
    private static final ValType REF_0 = ValType.ref(false, 0);
    private static final ValType REF_NULL_0 = ValType.ref(true, 0);

    @Test
    void referenceTypesDecodeWithTheirHeapTypes() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(REF_NULL_0, ValType.REF_EXTERN), List.of(ValType.REF_FUNC)).build();
        Module m = ModuleDecoder.decode(bytes, Features.all());
        assertEquals(List.of(REF_NULL_0, ValType.REF_EXTERN), m.types().get(0).params());
        assertSame(ValType.REF_FUNC, m.types().get(0).results().get(0));
        assertSame(ValType.FUNCREF, ValType.ref(true, ValType.HEAP_FUNC), "(ref null func) is funcref");
    }

    @Test
    void withoutTheFeatureATypedReferenceIsAMalformedValueTypeNamingIt() {
        byte[] bytes = ModuleBytes.module().type(List.of(REF_0), List.of()).build();
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(bytes, Features.wasm20()));
        assertTrue(e.reason().startsWith("malformed value type"), e.reason());
        assertTrue(e.reason().contains("function-references"), e.reason());
    }

    @Test
    void theNewInstructionsDecodeWithTheirImmediates() {
        byte[] bytes = ModuleBytes.module().type(List.of(), List.of())
                .function(0, code().refNull(REF_NULL_0).callRef(0)
                        .refNull(REF_NULL_0).returnCallRef(0)
                        .op(Opcode.REF_AS_NON_NULL).op(Opcode.BR_ON_NULL).u32(1)
                        .op(Opcode.BR_ON_NON_NULL).u32(2).end())
                .build();
        CodeReader r = ModuleDecoder.decode(bytes, Features.all()).codeReader(0);
        assertEquals(Opcode.REF_NULL, r.next());
        assertSame(REF_NULL_0, r.refType());
        assertEquals(Opcode.CALL_REF, r.next());
        assertEquals(0, r.index());
        r.next();
        assertEquals(Opcode.RETURN_CALL_REF, r.next());
        assertEquals(Opcode.REF_AS_NON_NULL, r.next());
        assertEquals(Opcode.BR_ON_NULL, r.next());
        assertEquals(1, r.index());
        assertEquals(Opcode.BR_ON_NON_NULL, r.next());
        assertEquals(2, r.index());
    }

    @Test
    void withoutTheFeatureTheInstructionsAreIllegalOpcodesNamingIt() {
        byte[] bytes = ModuleBytes.module().type(List.of(), List.of())
                .function(0, code().op(Opcode.REF_AS_NON_NULL).end()).build();
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(bytes, Features.all().without(Feature.FUNCTION_REFERENCES)));
        assertTrue(e.reason().startsWith("illegal opcode"), e.reason());
        assertTrue(e.reason().contains("function-references"), e.reason());
    }

    @Test
    void aTableMayCarryAnInitialiser() {
        byte[] entry = ModuleBytes.concat(ModuleBytes.bytes(0x40, 0x00), ModuleBytes.valType(ValType.REF_FUNC),
                ModuleBytes.limits(2, -1), ModuleBytes.refFuncExpr(0));
        byte[] bytes = ModuleBytes.module().rawTable(entry).rawTable(ModuleBytes.concat(
                ModuleBytes.valType(ValType.FUNCREF), ModuleBytes.limits(1, -1))).build();
        Module m = ModuleDecoder.decode(bytes, Features.all());
        assertSame(ValType.REF_FUNC, m.tables().get(0).elementType());
        assertNotNull(m.tables().get(0).init());
        assertNull(m.tables().get(1).init());
        assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(bytes, Features.wasm20()));
    }
}
