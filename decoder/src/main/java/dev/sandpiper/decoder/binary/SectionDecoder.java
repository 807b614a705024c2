package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.model.CustomSection;
import dev.sandpiper.decoder.model.DataSegment;
import dev.sandpiper.decoder.model.ElementSegment;
import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.RecTypes;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.NameSection;
import dev.sandpiper.decoder.model.TableType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the preamble and the sequence of sections: ids, sizes and order, then hands each section's
 * content to its reader and checks the constraints that span sections.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Sections and Modules, {@code binary/modules.html#sections}.
 */
public final class SectionDecoder {
    private static final int MAGIC = 0x6D736100; // "\0asm", little-endian
    private static final int VERSION = 1;

    private final byte[] bytes;
    private final WasmReader in;
    private final ExpressionReader exprs;
    private final Features features;

    private RecTypes types = RecTypes.ofFunctions(List.of());
    private List<Import> imports = List.of();
    private int[] functions = new int[0];
    private List<TableType> tables = List.of();
    private List<MemoryType> memories = List.of();
    private List<Global> globals = List.of();
    private int[] tags = new int[0];
    private List<Export> exports = List.of();
    private int start = -1;
    private boolean hasStart;
    private List<ElementSegment> elements = List.of();
    private int dataCount = -1;
    private List<FunctionBody> codes = List.of();
    private List<DataSegment> data = List.of();
    private final List<CustomSection> customs = new ArrayList<>();
    private NameSection names = NameSection.EMPTY;
    private boolean sawDataSection;
    private boolean sawDataCount;

    private SectionDecoder(byte[] bytes, Features features) {
        this.bytes = bytes;
        this.features = features;
        this.in = new WasmReader(bytes, 0, bytes.length)
                .typedReferences(features.enabled(dev.sandpiper.decoder.code.Feature.FUNCTION_REFERENCES))
                .exceptions(features.enabled(dev.sandpiper.decoder.code.Feature.EXCEPTIONS))
                .memory64(features.enabled(dev.sandpiper.decoder.code.Feature.MEMORY64))
                .gc(features.enabled(dev.sandpiper.decoder.code.Feature.GC));
        this.exprs = new ExpressionReader(bytes, features);
    }

    /** Decodes {@code bytes}, which the returned module keeps: the caller must not modify them. */
    public static Module decode(byte[] bytes) {
        return decode(bytes, Features.all());
    }

    /** Decodes {@code bytes} accepting only {@code features}; the module keeps the bytes. */
    public static Module decode(byte[] bytes, Features features) {
        try {
            return new SectionDecoder(bytes, features).module();
        } catch (MalformedModuleException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // No input may escape as anything but a malformed module; reaching here is a decoder bug.
            throw new MalformedModuleException("internal decoder error: " + e, 0);
        }
    }

    private Module module() {
        preamble();
        int lastRank = 0;
        while (!in.atEnd()) {
            int idAt = in.position();
            SectionId id = SectionId.of(in.u8());
            if (id == null) {
                throw in.error("malformed section id", idAt);
            }
            if (id == SectionId.TAG && !features.enabled(dev.sandpiper.decoder.code.Feature.EXCEPTIONS)) {
                throw in.error("malformed section id " + Features.notEnabled(dev.sandpiper.decoder.code.Feature.EXCEPTIONS),
                        idAt);
            }
            int size = in.length();
            int contentStart = in.position();
            if (id != SectionId.CUSTOM) {
                if (id.rank() <= lastRank) {
                    throw in.error("unexpected content after last section", idAt);
                }
                lastRank = id.rank();
            }
            section(id, contentStart + size);
            if (in.position() != contentStart + size) {
                throw in.error("section size mismatch", contentStart);
            }
        }
        int end = bytes.length;
        if (functions.length != codes.size()) {
            throw in.error("function and code section have inconsistent lengths", end);
        }
        // Compared unsigned: a count of 2^31 or more (negative as an int) is inconsistent, not absent.
        if (sawDataCount && Integer.toUnsignedLong(dataCount) != data.size()) {
            throw in.error("data count and data section have inconsistent lengths", end);
        }
        // Code that names data segments needs the data count section (spec 5.5.16) when there are
        // data segments to name; with no data section at all the index is simply unknown, which
        // is the validator's "unknown data segment" (as the spec suite's memory_init.wast expects).
        if (!sawDataCount && exprs.usesDataIndex() && sawDataSection) {
            throw in.error("data count section required", end);
        }
        return new Module(bytes, types, imports, functions, tables, memories, globals, exports, start,
                hasStart, elements, dataCount, codes, data, customs, names, features, tags);
    }

    private void preamble() {
        if (bytes.length < 4) {
            throw in.error("unexpected end", bytes.length);
        }
        if (in.fixed32() != MAGIC) {
            throw in.error("magic header not detected", 0);
        }
        if (bytes.length < 8) {
            throw in.error("unexpected end", bytes.length);
        }
        if (in.fixed32() != VERSION) {
            throw in.error("unknown binary version", 4);
        }
    }

    private void section(SectionId id, int end) {
        switch (id) {
            case CUSTOM -> custom(end);
            case TYPE -> types = TypeSectionReader.read(in);
            case IMPORT -> imports = ImportSectionReader.read(in, features);
            case FUNCTION -> functions = FunctionSectionReader.read(in);
            case TABLE -> tables = TableSectionReader.read(in, exprs);
            case MEMORY -> memories = MemorySectionReader.read(in);
            case GLOBAL -> globals = GlobalSectionReader.read(in, exprs);
            case EXPORT -> exports = ExportSectionReader.read(in, features);
            case TAG -> tags = TagSectionReader.read(in);
            case START -> {
                start = in.u32();
                hasStart = true;
            }
            case ELEMENT -> elements = ElementSectionReader.read(in, exprs);
            case DATA_COUNT -> {
                dataCount = in.u32();
                sawDataCount = true;
            }
            case CODE -> codes = CodeSectionReader.read(in, exprs);
            case DATA -> {
                data = DataSectionReader.read(in, exprs);
                sawDataSection = true;
            }
            default -> throw new AssertionError(id);
        }
    }

    /** A custom section: a name, then opaque content up to the section's end. */
    private void custom(int end) {
        String name = in.name();
        int contentStart = in.position();
        if (contentStart > end) {
            throw in.error(WasmReader.UNEXPECTED_END, end);
        }
        customs.add(new CustomSection(name, contentStart, end));
        if (name.equals("name")) {
            names = NameSectionReader.read(bytes, contentStart, end);
        }
        in.position(end);
    }
}
