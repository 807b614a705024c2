package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.NameSection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Appendix > Custom Sections > Name Section ({@code appendix/custom.html#name-section}):
 * module, function and local names; a defect anywhere in the section discards the names but never
 * makes the module malformed.
 */
class NameSectionReaderTest {

    private static byte[] subsection(int id, byte[] content) {
        return concat(bytes(id), u32(content.length), content);
    }

    private static byte[] nameAssoc(int index, String name) {
        return concat(u32(index), name(name));
    }

    private static byte[] validNames() {
        return concat(
                subsection(0, name("mod")),
                subsection(1, vec(nameAssoc(0, "main"), nameAssoc(1, "helper\u00e9"))),
                subsection(2, vec(
                        concat(u32(0), vec(nameAssoc(0, "x"), nameAssoc(1, "y"))),
                        concat(u32(1), vec(nameAssoc(2, "tmp"))))));
    }

    private static Module withNameSection(byte[] content) {
        return decode(ModuleBytes.module().type(List.of(), List.of())
                .function(0, code().end()).function(0, code().end())
                .custom("name", content).build());
    }

    @Test
    void moduleFunctionAndLocalNamesAreParsed() {
        NameSection n = withNameSection(validNames()).names();
        assertEquals("mod", n.moduleName());
        assertEquals(Map.of(0, "main", 1, "helper\u00e9"), n.functionNames());
        assertEquals("x", n.localName(0, 0));
        assertEquals("y", n.localName(0, 1));
        assertEquals("tmp", n.localName(1, 2));
        assertNull(n.localName(1, 0));
        assertNull(n.localName(5, 0));
        assertNull(n.functionName(2));
    }

    @Test
    void unknownSubsectionsAreSkipped() {
        byte[] content = concat(subsection(0, name("m")), subsection(3, bytes(1, 2, 3)),
                subsection(1, vec(nameAssoc(0, "f"))), subsection(7, bytes()));
        NameSection n = withNameSection(content).names();
        assertEquals("m", n.moduleName());
        assertEquals("f", n.functionName(0));
    }

    @Test
    void moduleWithoutNameSectionHasEmptyNames() {
        Module m = decode(ModuleBytes.module().build());
        assertSame(NameSection.EMPTY, m.names());
        assertNull(m.names().moduleName());
    }

    @Test
    void nameSectionIsAlsoListedAsACustomSection() {
        Module m = withNameSection(validNames());
        assertEquals(1, m.customSections().size());
        assertEquals("name", m.customSections().get(0).name());
        assertEquals(validNames().length, m.copyContent(m.customSections().get(0)).length);
    }

    private static void malformedNamesLeaveTheModuleValidWithEmptyNames(byte[] content) {
        Module m = withNameSection(content);
        assertSame(NameSection.EMPTY, m.names());
        assertEquals(2, m.definedFunctionCount(), "the module itself still decodes");
    }

    @Test
    void truncatedNameSectionYieldsEmptyNames() {
        byte[] valid = validNames();
        malformedNamesLeaveTheModuleValidWithEmptyNames(java.util.Arrays.copyOf(valid, valid.length - 2));
    }

    @Test
    void subsectionSizeMismatchYieldsEmptyNames() {
        byte[] content = concat(bytes(0), u32(5), name("mod"), bytes(0)); // "mod" takes 4 bytes, not 5
        malformedNamesLeaveTheModuleValidWithEmptyNames(content);
    }

    @Test
    void subsectionLongerThanTheSectionYieldsEmptyNames() {
        malformedNamesLeaveTheModuleValidWithEmptyNames(concat(bytes(1), u32(100), vec()));
    }

    @Test
    void malformedUtf8InANameYieldsEmptyNames() {
        malformedNamesLeaveTheModuleValidWithEmptyNames(subsection(1, concat(bytes(1), u32(0), bytes(2, 0xC0, 0x80))));
    }

    @Test
    void overlongIndexYieldsEmptyNames() {
        malformedNamesLeaveTheModuleValidWithEmptyNames(
                subsection(1, concat(bytes(1), bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x00), name("f"))));
    }

    @Test
    void hugeCountYieldsEmptyNamesWithoutAllocating() {
        malformedNamesLeaveTheModuleValidWithEmptyNames(subsection(2, concat(u32(0xFFFFFFFFL), u32(0))));
    }

    @Test
    void customSectionNamedOtherwiseIsNotParsedForNames() {
        Module m = decode(ModuleBytes.module().custom("names", validNames()).build());
        assertSame(NameSection.EMPTY, m.names());
    }
}
