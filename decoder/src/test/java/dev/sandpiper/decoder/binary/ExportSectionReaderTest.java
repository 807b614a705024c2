package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Export Section ({@code binary/modules.html#export-section}). */
class ExportSectionReaderTest {

    @Test
    void everyKindOfExportDecodes() {
        Module m = decode(module()
                .export("f", ExternKind.FUNC, 3)
                .export("t", ExternKind.TABLE, 0)
                .export("m", ExternKind.MEMORY, 1)
                .export("g\u00fc", ExternKind.GLOBAL, 300)
                .build());
        assertEquals(List.of(new Export("f", ExternKind.FUNC, 3), new Export("t", ExternKind.TABLE, 0),
                new Export("m", ExternKind.MEMORY, 1), new Export("g\u00fc", ExternKind.GLOBAL, 300)), m.exports());
    }

    @Test
    void duplicateNamesAndUnknownIndicesAreNotTheDecodersConcern() {
        Module m = decode(module().export("x", ExternKind.FUNC, 99).export("x", ExternKind.FUNC, 99).build());
        assertEquals(2, m.exports().size());
    }

    @Test
    void unknownExportKindIsMalformedAtTheKindByte() {
        byte[] m = module().rawExport(concat(name("e"), bytes(0x05, 0x00))).build();
        assertMalformed(m, "malformed export kind", 13);
    }

    @Test
    void exportNameMustBeUtf8() {
        byte[] m = module().rawExport(concat(bytes(2, 0xED, 0xA0), bytes(0x00, 0x00))).build();
        assertMalformed(m, "malformed UTF-8 encoding", 12);
    }
}
