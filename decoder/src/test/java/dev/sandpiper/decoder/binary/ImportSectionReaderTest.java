package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static dev.sandpiper.decoder.ModuleBytes.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Import;
import dev.sandpiper.decoder.model.ImportDesc;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 2.0, Binary Format > Modules > Import Section ({@code binary/modules.html#import-section}). */
class ImportSectionReaderTest {

    @Test
    void eachKindOfImportDecodesWithItsNames() {
        Module m = decode(module().type(List.of(), List.of())
                .importFunc("env", "f", 0)
                .importTable("env", "t", ValType.EXTERNREF, 1, 10)
                .importMemory("env", "m", 2, -1)
                .importGlobal("\u00e9nv", "g\uD834\uDD1E", ValType.F64, true)
                .build());
        List<Import> imports = m.imports();
        assertEquals(new Import("env", "f", new ImportDesc.Func(0)), imports.get(0));
        assertEquals(new Import("env", "t", new TableType(ValType.EXTERNREF, new Limits(1, 10))), imports.get(1));
        assertEquals(new Import("env", "m", new MemoryType(new Limits(2, Limits.NO_MAX))), imports.get(2));
        assertEquals(new Import("\u00e9nv", "g\uD834\uDD1E", new GlobalType(ValType.F64, true)), imports.get(3));
        assertEquals(List.of(ExternKind.FUNC, ExternKind.TABLE, ExternKind.MEMORY, ExternKind.GLOBAL),
                imports.stream().map(Import::kind).toList());
    }

    @Test
    void importsComeFirstInEveryIndexSpace() {
        Module m = decode(module().type(List.of(), List.of()).type(List.of(ValType.I32), List.of())
                .importFunc("a", "f", 1)
                .importGlobal("a", "g", ValType.I64, false)
                .importTable("a", "t", ValType.FUNCREF, 0, -1)
                .importMemory("a", "m", 0, -1)
                .function(0, ModuleBytes.Code.code().end())
                .table(ValType.EXTERNREF, 0, -1)
                .global(ValType.I32, false, ModuleBytes.i32Expr(0))
                .build());
        assertEquals(2, m.functionCount());
        assertEquals(1, m.importedFunctionCount());
        assertEquals(1, m.definedFunctionCount());
        assertEquals(1, m.functionTypeIndex(0));
        assertEquals(0, m.functionTypeIndex(1));
        assertEquals(List.of(ValType.I32), m.functionType(0).params());
        assertEquals(ValType.FUNCREF, m.tableSpace().get(0).elementType());
        assertEquals(ValType.EXTERNREF, m.tableSpace().get(1).elementType());
        assertEquals(1, m.memorySpace().size());
        assertEquals(1, m.importedGlobalCount());
        assertEquals(List.of(new GlobalType(ValType.I64, false), new GlobalType(ValType.I32, false)), m.globalSpace());
    }

    @Test
    void unknownImportKindIsMalformedAtTheKindByte() {
        // count at 10; names "m" and "f" at 11..14; kind at 15
        byte[] m = module().rawImport(concat(name("m"), name("f"), bytes(0x05, 0x00))).build();
        assertMalformed(m, "malformed import kind", 15);
    }

    @Test
    void importNamesMustBeUtf8() {
        byte[] m = module().rawImport(concat(name("m"), bytes(1, 0xC0), bytes(0x00, 0x00))).build();
        assertMalformed(m, "malformed UTF-8 encoding", 14);
    }

    @Test
    void importNameLongerThanTheModuleIsOutOfBounds() {
        byte[] m = module().rawImport(concat(name("m"), bytes(0x20, 'f'))).build();
        assertMalformed(m, "length out of bounds", 13);
    }

    @Test
    void importedGlobalTypeIsCheckedLikeAnyGlobalType() {
        byte[] m = module().rawImport(concat(name("m"), name("g"), bytes(0x03, ValType.I32.code(), 0x02))).build();
        assertMalformed(m, "malformed mutability", 17);
    }

    @Test
    void importedTableNeedsAReferenceType() {
        byte[] m = module().rawImport(concat(name("m"), name("t"), bytes(0x01, ValType.I64.code(), 0x00, 0x00))).build();
        assertMalformed(m, "malformed reference type", 16);
    }
}
