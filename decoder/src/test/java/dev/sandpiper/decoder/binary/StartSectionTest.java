package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.Module;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Start Section ({@code binary/modules.html#start-section}). */
class StartSectionTest {

    @Test
    void startIndexIsKept() {
        Module m = decode(ModuleBytes.module().start(3).build());
        assertTrue(m.hasStart());
        assertEquals(3, m.start());
    }

    @Test
    void absentStartSectionIsMinusOneAndNotPresent() {
        Module m = decode(ModuleBytes.module().build());
        assertFalse(m.hasStart());
        assertEquals(-1, m.start());
    }

    @Test
    void startIndexOfAllOnesIsPresentNotAbsent() {
        Module m = decode(ModuleBytes.module().start(0xFFFFFFFFL).build());
        assertTrue(m.hasStart(), "the validator must see it and reject it as an unknown function");
        assertEquals(0xFFFFFFFF, m.start());
    }

    @Test
    void startIndexTooLargeForU32IsMalformed() {
        assertMalformed(moduleOf(section(ModuleBytes.START, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x7F))), "integer too large", 10);
    }

    @Test
    void emptyStartSectionIsUnexpectedEnd() {
        assertMalformed(moduleOf(section(ModuleBytes.START, bytes())), WasmReader.UNEXPECTED_END, 10);
    }
}
