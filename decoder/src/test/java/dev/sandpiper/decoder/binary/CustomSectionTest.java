package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.sectionWithSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.CustomSection;
import dev.sandpiper.decoder.model.Module;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Custom Section ({@code binary/modules.html#custom-section}). */
class CustomSectionTest {

    @Test
    void nameAndContentRangeAreKept() {
        Module m = decode(ModuleBytes.module().custom("producers", bytes(9, 8, 7)).build());
        CustomSection c = m.customSections().get(0);
        assertEquals("producers", c.name());
        // id 8, size 9, name length 10, name 11..19, content 20..22
        assertEquals(20, c.contentStart());
        assertEquals(23, c.contentEnd());
        assertArrayEquals(bytes(9, 8, 7), m.copyContent(c));
    }

    @Test
    void emptyNameAndEmptyContentAreAllowed() {
        Module m = decode(ModuleBytes.module().custom("", bytes()).build());
        assertEquals("", m.customSections().get(0).name());
        assertEquals(0, m.copyContent(m.customSections().get(0)).length);
    }

    @Test
    void contentIsOpaque() {
        // bytes that would be malformed anywhere else
        Module m = decode(ModuleBytes.module().custom("x", bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)).build());
        assertEquals(6, m.copyContent(m.customSections().get(0)).length);
    }

    @Test
    void nameMustBeUtf8() {
        byte[] bytes = moduleOf(ModuleBytes.section(ModuleBytes.CUSTOM, bytes(2, 0xC0, 0x80)));
        assertMalformed(bytes, "malformed UTF-8 encoding", 11);
    }

    @Test
    void customSectionWithoutANameIsUnexpectedEnd() {
        byte[] bytes = moduleOf(ModuleBytes.section(ModuleBytes.CUSTOM, bytes()));
        assertMalformed(bytes, WasmReader.UNEXPECTED_END, 10);
    }

    @Test
    void nameRunningPastTheSectionIsUnexpectedEndAtTheSectionsEnd() {
        // custom section of size 2 whose name claims 3 bytes; a type section follows
        byte[] custom = sectionWithSize(ModuleBytes.CUSTOM, 2, concat(bytes(3, 'a')));
        byte[] type = ModuleBytes.section(ModuleBytes.TYPE, ModuleBytes.vec());
        assertMalformed(moduleOf(custom, type), WasmReader.UNEXPECTED_END, 12);
    }
}
