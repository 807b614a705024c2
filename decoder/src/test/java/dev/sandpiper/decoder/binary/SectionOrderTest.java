package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.customSection;
import static dev.sandpiper.decoder.ModuleBytes.moduleOf;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.sectionWithSize;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.CustomSection;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec 2.0, Binary Format > Modules > Sections and Modules ({@code binary/modules.html#binary-module}):
 * section ids, sizes and the required order (data count between element and code), with custom
 * sections allowed anywhere.
 */
class SectionOrderTest {

    /** A module with every standard section, each non-empty. */
    private static ModuleBytes everySection() {
        return ModuleBytes.module()
                .type(List.of(), List.of())
                .importGlobal("m", "g", ValType.I32, false)
                .function(0, code().end())
                .table(ValType.FUNCREF, 1, -1)
                .memory(1, -1)
                .global(ValType.I32, false, ModuleBytes.i32Expr(0))
                .export("f", ExternKind.FUNC, 0)
                .start(0)
                .elemPassive(0)
                .dataCount(1)
                .dataPassive(bytes(1));
    }

    @Test
    void everySectionInTheRequiredOrderDecodes() {
        Module m = decode(everySection().build());
        assertEquals(1, m.types().size());
        assertEquals(1, m.imports().size());
        assertEquals(1, m.definedFunctionCount());
        assertEquals(1, m.tables().size());
        assertEquals(1, m.memories().size());
        assertEquals(1, m.globals().size());
        assertEquals(1, m.exports().size());
        assertEquals(0, m.start());
        assertEquals(1, m.elements().size());
        assertEquals(1, m.dataCount());
        assertEquals(1, m.codes().size());
        assertEquals(1, m.data().size());
    }

    @Test
    void headerAloneIsAnEmptyModule() {
        Module m = decode(ModuleBytes.HEADER);
        assertEquals(0, m.types().size());
        assertEquals(-1, m.start());
        assertEquals(-1, m.dataCount());
        assertEquals(8, m.byteSize());
    }

    @Test
    void everyPairOfStandardSectionsOutOfOrderIsUnexpectedContent() {
        List<byte[]> sections = everySection().sections();
        for (int i = 0; i < sections.size(); i++) {
            for (int j = i + 1; j < sections.size(); j++) {
                List<byte[]> swapped = new ArrayList<>(sections);
                swapped.set(i, sections.get(j));
                swapped.set(j, sections.get(i));
                byte[] bytes = moduleOf(swapped.toArray(new byte[0][]));
                int at = ModuleBytes.HEADER.length;
                for (int k = 0; k < i + 1; k++) {
                    at += swapped.get(k).length;
                }
                // the first section out of order is the one right after the old j, now at position i
                assertMalformed(bytes, "unexpected content after last section", at);
            }
        }
    }

    @Test
    void dataCountSectionGoesBetweenElementAndCode() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).function(0, code().end()).dataPassive(bytes());
        byte[] dataCount = section(ModuleBytes.DATA_COUNT, ModuleBytes.u32(1));
        List<byte[]> s = mb.sections(); // type, function, code, data
        byte[] afterCode = moduleOf(s.get(0), s.get(1), s.get(2), dataCount, s.get(3));
        assertMalformed(afterCode, "unexpected content after last section",
                8 + s.get(0).length + s.get(1).length + s.get(2).length);
        byte[] beforeFunction = moduleOf(s.get(0), dataCount, s.get(1), s.get(2), s.get(3));
        assertMalformed(beforeFunction, "unexpected content after last section", 8 + s.get(0).length + dataCount.length);
        byte[] right = moduleOf(s.get(0), s.get(1), dataCount, s.get(2), s.get(3));
        assertEquals(1, decode(right).dataCount());
    }

    @Test
    void duplicateSectionIsUnexpectedContent() {
        byte[] type = section(ModuleBytes.TYPE, vec(ModuleBytes.funcType(List.of(), List.of())));
        assertMalformed(moduleOf(type, type), "unexpected content after last section", 8 + type.length);
        byte[] start = section(ModuleBytes.START, ModuleBytes.u32(0));
        assertMalformed(moduleOf(start, start), "unexpected content after last section", 8 + start.length);
    }

    @Test
    void duplicateEmptySectionIsStillUnexpectedContent() {
        byte[] empty = section(ModuleBytes.MEMORY, vec());
        assertMalformed(moduleOf(empty, empty), "unexpected content after last section", 8 + empty.length);
    }

    @Test
    void customSectionsMayAppearBeforeBetweenAndAfterAllOthers() {
        ModuleBytes mb = everySection().customAfter(ModuleBytes.FIRST, "first", bytes(1));
        int[] ids = {ModuleBytes.TYPE, ModuleBytes.IMPORT, ModuleBytes.FUNCTION, ModuleBytes.TABLE, ModuleBytes.MEMORY,
                ModuleBytes.GLOBAL, ModuleBytes.EXPORT, ModuleBytes.START, ModuleBytes.ELEMENT, ModuleBytes.DATA_COUNT,
                ModuleBytes.CODE, ModuleBytes.DATA};
        for (int id : ids) {
            mb.customAfter(id, "after" + id, bytes(id));
        }
        mb.customAfter(ModuleBytes.DATA, "again", bytes());
        Module m = decode(mb.build());
        List<String> names = m.customSections().stream().map(CustomSection::name).toList();
        assertEquals(List.of("first", "after1", "after2", "after3", "after4", "after5", "after6", "after7", "after8",
                "after9", "after12", "after10", "after11", "again"), names);
        CustomSection afterCode = m.customSections().get(11);
        assertEquals(List.of((byte) 10), toList(m.copyContent(afterCode)));
    }

    private static List<Byte> toList(byte[] b) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 0x7F, 0x80, 0xFF})
    void unknownSectionIdIsMalformedAtTheId(int id) {
        byte[] bytes = concat(moduleOf(customSection("c", bytes())), bytes(id, 0x00));
        assertMalformed(bytes, "malformed section id", 8 + 4);
    }

    @Test
    void sectionSizeLargerThanItsContentIsASizeMismatch() {
        // a type section whose content (count 0) is followed by one more byte inside its declared size
        byte[] bytes = moduleOf(sectionWithSize(ModuleBytes.TYPE, 2, bytes(0x00, 0x00)));
        assertMalformed(bytes, "section size mismatch", 10);
    }

    @Test
    void sectionSizeSmallerThanItsContentIsASizeMismatch() {
        byte[] content = vec(ModuleBytes.funcType(List.of(ValType.I32), List.of()));
        byte[] bytes = moduleOf(sectionWithSize(ModuleBytes.TYPE, content.length - 1, content));
        assertMalformed(bytes, "section size mismatch", 10);
    }

    @Test
    void sizeMismatchBetweenValidSectionsIsReportedAtThatSectionsContent() {
        // type section at 8..13; a function section declaring 3 bytes for its 2 at 14, content at 16
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .rawSectionAfter(ModuleBytes.TYPE, sectionWithSize(ModuleBytes.FUNCTION, 3, vec(ModuleBytes.u32(0))))
                .body(List.of(), code().end().bytes());
        assertMalformed(mb.build(), "section size mismatch", 16);
    }

    @Test
    void sectionSizeBeyondTheInputIsOutOfBounds() {
        assertMalformed(moduleOf(sectionWithSize(ModuleBytes.TYPE, 5, bytes(0x00))), "length out of bounds", 9);
    }

    @Test
    void sectionIdWithoutSizeIsUnexpectedEnd() {
        assertMalformed(concat(ModuleBytes.HEADER, bytes(ModuleBytes.TYPE)), WasmReader.UNEXPECTED_END, 9);
    }

    @Test
    void sectionSizeMayBePadded() {
        byte[] content = vec(ModuleBytes.funcType(List.of(), List.of()));
        byte[] bytes = concat(ModuleBytes.HEADER, bytes(ModuleBytes.TYPE), ModuleBytes.u32Padded(content.length, 5), content);
        assertEquals(1, decode(bytes).types().size());
    }

    @Test
    void startSectionWithTrailingBytesIsASizeMismatch() {
        byte[] bytes = moduleOf(section(ModuleBytes.START, bytes(0x00, 0x00)));
        assertMalformed(bytes, "section size mismatch", 10);
    }
}
