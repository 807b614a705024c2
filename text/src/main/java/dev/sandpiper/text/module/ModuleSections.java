package dev.sandpiper.text.module;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed module, each entry already in its binary encoding, section by section (spec 5.5),
 * ready for {@link BinaryEncoder}.
 */
final class ModuleSections {
    final List<byte[]> imports = new ArrayList<>();
    final List<Integer> functionTypes = new ArrayList<>();
    final List<byte[]> tables = new ArrayList<>();
    final List<byte[]> memories = new ArrayList<>();
    final List<byte[]> globals = new ArrayList<>();
    /** The tag section's entries (3.0): {@code 0x00 typeidx}. */
    final List<byte[]> tags = new ArrayList<>();
    final List<byte[]> exports = new ArrayList<>();
    Integer start;
    final List<byte[]> elements = new ArrayList<>();
    final List<byte[]> codes = new ArrayList<>();
    final List<byte[]> data = new ArrayList<>();
    /** Custom sections from {@code @custom} annotations (3.0), in text order. */
    final List<CustomAnnotations.Section> customs = new ArrayList<>();
}
