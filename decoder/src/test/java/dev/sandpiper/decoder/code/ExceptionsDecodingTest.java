package dev.sandpiper.decoder.code;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What exception handling adds to the binary format (spec 3.0, Binary Format > Modules > Tag
 * Section, imports and exports of tags; Types: exnref; Instructions: {@code try_table} and its
 * catch clauses, {@code throw}, {@code throw_ref}, and the legacy instructions), and how each is
 * refused without {@link Feature#EXCEPTIONS} or {@link Feature#LEGACY_EXCEPTIONS}.
 */
class ExceptionsDecodingTest {
    private static ModuleBytes withTags() {
        return ModuleBytes.module().type(List.of(ValType.I32), List.of()).type(List.of(), List.of(ValType.EXNREF))
                .rawImport(concat(name("m"), name("t"), bytes(0x04, 0x00), u32(0)))
                .rawSectionAfter(5, section(13, vec(bytes(0x00, 0), bytes(0x00, 0))))
                .rawExport(concat(name("t2"), bytes(0x04), u32(2)));
    }

    @Test
    void tagsAreImportedDefinedAndExported() {
        Module m = ModuleDecoder.decode(withTags().build(), Features.all());
        assertEquals(3, m.tagCount());
        assertEquals(2, m.definedTagCount());
        assertEquals(0, m.tagTypeIndex(2));
        assertSame(ExternKind.TAG, m.exports().get(0).kind());
        assertSame(ValType.EXNREF, m.types().get(1).results().get(0));
    }

    @Test
    void withoutTheFeatureTheTagSectionIsAMalformedSectionIdNamingIt() {
        byte[] bytes = ModuleBytes.module().rawSectionAfter(5, section(13, vec())).build();
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(bytes, Features.wasm20()));
        assertTrue(e.reason().startsWith("malformed section id"), e.reason());
        assertTrue(e.reason().contains("exceptions"), e.reason());
    }

    @Test
    void tryTableDecodesItsCatchClauses() {
        // try_table (result i32) (catch 0 1) (catch_ref 2 3) (catch_all 4) (catch_all_ref 5)
        byte[] body = bytes(0x1F, 0x7F, 4, 0x00, 0, 1, 0x01, 2, 3, 0x02, 4, 0x03, 5, 0x0B);
        CodeReader r = new CodeReader(body, 0, body.length);
        assertSame(Opcode.TRY_TABLE, r.next());
        assertSame(ValType.I32, r.blockValType());
        assertEquals(4, r.catchCount());
        int[][] expected = {{CodeReader.CATCH, 0, 1}, {CodeReader.CATCH_REF, 2, 3}, {CodeReader.CATCH_ALL, -1, 4},
            {CodeReader.CATCH_ALL_REF, -1, 5}};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], r.catchKind(i));
            assertEquals(expected[i][1], r.catchTag(i));
            assertEquals(expected[i][2], r.catchLabel(i));
        }
        assertSame(Opcode.END, r.next());
    }

    @Test
    void anUnknownCatchKindIsMalformed() {
        byte[] body = bytes(0x1F, 0x40, 1, 0x04, 0, 0x0B);
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> new CodeReader(body, 0, body.length).next());
        assertTrue(e.reason().startsWith("malformed catch clause"), e.reason());
    }

    @Test
    void theInstructionsNeedTheirFeatures() {
        Features noLegacy = Features.all().without(Feature.LEGACY_EXCEPTIONS);
        byte[] tryBody = bytes(0x06, 0x40, 0x0B);
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> new CodeReader(tryBody, 0, tryBody.length, noLegacy).next());
        assertTrue(e.reason().contains("legacy-exceptions"), e.reason());
        assertSame(Opcode.THROW_REF, new CodeReader(bytes(0x0A), 0, 1, noLegacy).next());
        MalformedModuleException t = assertThrows(MalformedModuleException.class,
                () -> new CodeReader(bytes(0x08, 0), 0, 2, Features.wasm20()).next());
        assertTrue(t.reason().contains("exceptions"), t.reason());
    }
}
