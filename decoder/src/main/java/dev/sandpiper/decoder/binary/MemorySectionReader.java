package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.MemoryType;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Memory Section, {@code binary/modules.html#memory-section}. */
final class MemorySectionReader {
    private MemorySectionReader() {}

    static List<MemoryType> read(WasmReader in) {
        int n = in.count();
        List<MemoryType> memories = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            memories.add(TypeReaders.memoryType(in));
        }
        return memories;
    }
}
