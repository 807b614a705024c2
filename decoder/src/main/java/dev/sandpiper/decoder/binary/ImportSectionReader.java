package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Import Section, {@code binary/modules.html#import-section}. */
final class ImportSectionReader {
    private ImportSectionReader() {}

    static List<Import> read(WasmReader in, dev.sandpiper.decoder.Features features) {
        int n = in.count();
        List<Import> imports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String module = in.name();
            String name = in.name();
            int at = in.position();
            ImportDesc desc = switch (in.u8()) {
                case 0 -> new ImportDesc.Func(in.u32());
                case 1 -> TypeReaders.tableType(in);
                case 2 -> TypeReaders.memoryType(in);
                case 3 -> TypeReaders.globalType(in);
                case 4 -> {
                    if (!features.enabled(dev.sandpiper.decoder.code.Feature.EXCEPTIONS)) {
                        throw in.error("malformed import kind " + dev.sandpiper.decoder.Features.notEnabled(
                                dev.sandpiper.decoder.code.Feature.EXCEPTIONS), at);
                    }
                    yield new ImportDesc.Tag(TagSectionReader.tagType(in));
                }
                default -> throw in.error("malformed import kind", at);
            };
            imports.add(new Import(module, name, desc));
        }
        return imports;
    }
}
