package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Table Section ({@code binary/modules.html#table-section}). */
class TableSectionReaderTest {

    @Test
    void severalTablesDecodeInOrder() {
        Module m = decode(module().table(ValType.FUNCREF, 0, -1).table(ValType.EXTERNREF, 3, 0xFFFFFFFFL).build());
        assertEquals(2, m.tables().size());
        assertEquals(new TableType(ValType.FUNCREF, new Limits(0, Limits.NO_MAX)), m.tables().get(0));
        assertEquals(new TableType(ValType.EXTERNREF, new Limits(3, 0xFFFFFFFFL)), m.tables().get(1));
    }

    @Test
    void missingLimitsAreUnexpectedEnd() {
        assertMalformed(module().rawTable(bytes(ValType.FUNCREF.code())).build(), WasmReader.UNEXPECTED_END, 12);
    }

    @Test
    void maximumFlagWithoutMaximumIsUnexpectedEnd() {
        assertMalformed(module().rawTable(bytes(ValType.FUNCREF.code(), 0x01, 0x00)).build(),
                WasmReader.UNEXPECTED_END, 14);
    }
}
