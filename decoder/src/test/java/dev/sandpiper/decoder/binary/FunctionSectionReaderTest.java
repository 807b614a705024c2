package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Function Section ({@code binary/modules.html#function-section}). */
class FunctionSectionReaderTest {

    @Test
    void typeIndicesOfDefinedFunctionsAreKeptInOrder() {
        Module m = decode(ModuleBytes.module().type(List.of(), List.of())
                .function(0, code().end()).function(7, code().end()).function(0xFFFFFFFFL, code().end())
                .build());
        assertEquals(3, m.definedFunctionCount());
        assertEquals(0, m.definedFunctionTypeIndex(0));
        assertEquals(7, m.definedFunctionTypeIndex(1));
        assertEquals(0xFFFFFFFF, m.definedFunctionTypeIndex(2), "out of range indices are the validator's");
    }

    @Test
    void typeIndexMayBePadded() {
        byte[] m = moduleOf(
                section(ModuleBytes.FUNCTION, vec(ModuleBytes.u32Padded(3, 5))),
                section(ModuleBytes.CODE, vec(ModuleBytes.lengthPrefixed(bytes(0x00, 0x0B)))));
        assertEquals(3, decode(m).definedFunctionTypeIndex(0));
    }

    @Test
    void typeIndexTooLargeForU32IsMalformed() {
        byte[] m = moduleOf(section(ModuleBytes.FUNCTION, concat(bytes(1), bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x1F))));
        assertMalformed(m, "integer too large", 11);
    }

    @Test
    void countBeyondTheEntriesRunsIntoTheEndOfTheInput() {
        byte[] m = moduleOf(section(ModuleBytes.FUNCTION, bytes(2, 0)));
        assertMalformed(m, WasmReader.UNEXPECTED_END, 12);
    }
}
