package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.Global;
import dev.sandpiper.decoder.model.GlobalType;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Global Section, {@code binary/modules.html#global-section}. */
final class GlobalSectionReader {
    private GlobalSectionReader() {}

    static List<Global> read(WasmReader in, ExpressionReader exprs) {
        int n = in.count();
        List<Global> globals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GlobalType type = TypeReaders.globalType(in);
            globals.add(new Global(type, exprs.constExpr(in)));
        }
        return globals;
    }
}
