package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.Export;
import dev.sandpiper.decoder.model.ExternKind;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Export Section, {@code binary/modules.html#export-section}. */
final class ExportSectionReader {
    private static final ExternKind[] KINDS = ExternKind.values();

    private ExportSectionReader() {}

    static List<Export> read(WasmReader in, dev.sandpiper.decoder.Features features) {
        int n = in.count();
        List<Export> exports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.name();
            int at = in.position();
            int kind = in.u8();
            if (kind >= KINDS.length || KINDS[kind] == ExternKind.TAG
                    && !features.enabled(dev.sandpiper.decoder.code.Feature.EXCEPTIONS)) {
                throw in.error("malformed export kind", at);
            }
            exports.add(new Export(name, KINDS[kind], in.u32()));
        }
        return exports;
    }
}
