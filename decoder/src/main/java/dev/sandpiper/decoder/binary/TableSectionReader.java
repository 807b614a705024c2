package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.TableType;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Table Section, {@code binary/modules.html#table-section}. */
final class TableSectionReader {
    private TableSectionReader() {}

    static List<TableType> read(WasmReader in) {
        int n = in.count();
        List<TableType> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tables.add(TypeReaders.tableType(in));
        }
        return tables;
    }
}
