package dev.sandpiper.decoder.binary;

import dev.sandpiper.decoder.model.TableType;
import java.util.ArrayList;
import java.util.List;

/** Spec: 2.0, Binary Format > Modules > Table Section, {@code binary/modules.html#table-section}. */
final class TableSectionReader {
    private TableSectionReader() {}

    /**
     * A table is a table type, or with typed references {@code 0x40 0x00 tabletype expr}: a table
     * whose elements start as the value of {@code expr} (3.0, Binary Format > Modules > Table Section).
     */
    static List<TableType> read(WasmReader in, ExpressionReader exprs) {
        int n = in.count();
        List<TableType> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (in.typedReferences() && in.peek() == 0x40) {
                in.u8();
                int at = in.position();
                if (in.u8() != 0x00) {
                    throw in.error("malformed table", at);
                }
                TableType t = TypeReaders.tableType(in);
                tables.add(new TableType(t.elementType(), t.limits(), exprs.constExpr(in)));
            } else {
                tables.add(TypeReaders.tableType(in));
            }
        }
        return tables;
    }
}
