package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.FuncType;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Type Section, {@code binary/modules.html#type-section}. */
final class TypeSectionReader {
    private TypeSectionReader() {}

    static List<FuncType> read(WasmReader in) {
        int n = in.count();
        List<FuncType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types.add(TypeReaders.funcType(in));
        }
        return types;
    }
}
