package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.Decoding.assertMalformed;
import static dev.sandpiper.decoder.Decoding.decode;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.module;
import static dev.sandpiper.decoder.model.ValType.EXTERNREF;
import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.decoder.model.ValType.V128;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ImplementationLimits;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.GlobalType;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.TableType;
import dev.sandpiper.decoder.model.ValType;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spec 2.0, Binary Format > Types ({@code binary/types.html}): value, reference, function, limits,
 * memory, table and global types. Offsets: a module's type section content starts at 10 (header 8,
 * id, one-byte size), so its first entry is at 11.
 */
class TypesTest {

    @Test
    void everyValueTypeDecodes() {
        List<ValType> all = List.of(I32, I64, F32, F64, V128, FUNCREF, EXTERNREF);
        Module m = decode(module().type(all, List.of(V128, EXTERNREF)).build());
        assertEquals(new FuncType(all, List.of(V128, EXTERNREF)), m.types().get(0));
    }

    @Test
    void valueTypeCodesAreThoseOfTheSpec() {
        assertEquals(0x7F, I32.code());
        assertEquals(0x7E, I64.code());
        assertEquals(0x7D, F32.code());
        assertEquals(0x7C, F64.code());
        assertEquals(0x7B, V128.code());
        assertEquals(0x70, FUNCREF.code());
        assertEquals(0x6F, EXTERNREF.code());
        for (ValType t : ValType.values()) {
            assertEquals(t, ValType.fromCode(t.code()));
        }
        assertNull(ValType.fromCode(0x7A));
        assertNull(ValType.fromCode(0x40));
        assertNull(ValType.fromCode(-1));
        assertNull(ValType.fromCode(0x80));
    }

    @Test
    void v128TakesTwoSlotsAndEveryOtherTypeOne() {
        for (ValType t : ValType.values()) {
            assertEquals(t == V128 ? 2 : 1, t.slots(), t.toString());
        }
        FuncType ft = new FuncType(List.of(V128, I32, V128), List.of(F64, V128));
        assertEquals(5, ft.paramSlots());
        assertEquals(3, ft.resultSlots());
    }

    @Test
    void valueTypeKindsPartitionTheTypes() {
        assertTrue(I32.isNumeric() && F64.isNumeric());
        assertFalse(V128.isNumeric() || V128.isReference());
        assertTrue(FUNCREF.isReference() && EXTERNREF.isReference());
        assertFalse(FUNCREF.isNumeric());
    }

    @Test
    void emptyFunctionTypeDecodes() {
        assertEquals(new FuncType(List.of(), List.of()), decode(module().type(List.of(), List.of()).build()).types().get(0));
    }

    @Test
    void unknownValueTypeIsMalformedAtItsByte() {
        byte[] m = module().rawType(bytes(0x60, 1, 0x7A, 0)).build();
        assertMalformed(m, "malformed value type", 13);
        byte[] blockEmpty = module().rawType(bytes(0x60, 0, 1, 0x40)).build();
        assertMalformed(blockEmpty, "malformed value type", 14);
    }

    @Test
    void valueTypeWithAContinuationBitIsTooLong() {
        assertMalformed(module().rawType(bytes(0x60, 1, 0xFF, 0x7F, 0)).build(), "integer representation too long", 13);
    }

    @Test
    void functionTypeMustOpenWith0x60() {
        assertMalformed(module().rawType(bytes(0x61, 0, 0)).build(), "malformed function type", 11);
        assertMalformed(module().rawType(bytes(0x40, 0, 0)).build(), "malformed function type", 11);
    }

    @Test
    void functionTypeTagWithAContinuationBitIsTooLong() {
        assertMalformed(module().rawType(bytes(0xE0, 0x7F, 0, 0)).build(), "integer representation too long", 11);
    }

    @Test
    void arityUpToTheImplementationLimitIsAccepted() {
        int n = ImplementationLimits.MAX_FUNCTION_ARITY;
        Module m = decode(module().type(Collections.nCopies(n, I32), Collections.nCopies(n, I64)).build());
        assertEquals(n, m.types().get(0).params().size());
        assertEquals(n, m.types().get(0).results().size());
    }

    @Test
    void arityBeyondTheImplementationLimitIsRejected() {
        int n = ImplementationLimits.MAX_FUNCTION_ARITY + 1;
        assertMalformed(module().type(Collections.nCopies(n, I32), List.of()).build(), "too many parameters or results");
        assertMalformed(module().type(List.of(), Collections.nCopies(n, I32)).build(), "too many parameters or results");
    }

    // ---------------------------------------------------------------- limits, memory and table types

    @Test
    void limitsWithAndWithoutMaximum() {
        Module m = decode(module().memory(1, -1).build());
        Limits noMax = m.memories().get(0).limits();
        assertEquals(1, noMax.min());
        assertFalse(noMax.hasMax());
        assertEquals(Limits.NO_MAX, noMax.max());

        Module m2 = decode(module().memory(0, 0xFFFFFFFFL).build());
        assertEquals(0xFFFFFFFFL, m2.memories().get(0).limits().max(), "u32 bounds are kept unsigned");
    }

    /** 2.0's reading (3.0 with memory64 reads u64 bounds: {@code Memory64DecodingTest}). */
    @Test
    void limitsBoundsAreU32AndMayBePadded() {
        byte[] entry = concat(bytes(0x01), ModuleBytes.u32Padded(2, 5), ModuleBytes.u32Padded(3, 5));
        Limits l = decode(module().rawMemory(entry).build()).memories().get(0).limits();
        assertEquals(new Limits(2, 3), l);
        byte[] tooLarge = concat(bytes(0x00), bytes(0x80, 0x80, 0x80, 0x80, 0x10));
        assertMalformed20(module().rawMemory(tooLarge).build(), "integer too large", 12);
    }

    /** 2.0's 1-bit flag; 3.0 with memory64 calls other flags "malformed limits flags". */
    @Test
    void limitsFlagIsZeroOrOne() {
        // memory section: id at 8, size at 9, count at 10, flag at 11
        assertMalformed20(module().rawMemory(bytes(0x02, 0x00)).build(), "integer too large", 11);
        assertMalformed20(module().rawMemory(bytes(0x81, 0x00, 0x00)).build(), "integer representation too long", 11);
        assertMalformed(module().rawMemory(bytes(0x02, 0x00)).build(), "malformed limits flags", 11);
        assertMalformed(module().rawMemory(bytes(0x81, 0x00, 0x00)).build(), "malformed limits flags", 11);
    }

    private static void assertMalformed20(byte[] bytes, String reason, int offset) {
        dev.sandpiper.decoder.MalformedModuleException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.sandpiper.decoder.MalformedModuleException.class,
                () -> dev.sandpiper.decoder.ModuleDecoder.decode(bytes, dev.sandpiper.decoder.Features.wasm20()));
        assertEquals(reason, e.reason());
        assertEquals(offset, e.offset());
    }

    @Test
    void tableTypesTakeBothReferenceTypes() {
        Module m = decode(module().table(FUNCREF, 1, 2).table(EXTERNREF, 0, -1).build());
        assertEquals(new TableType(FUNCREF, new Limits(1, 2)), m.tables().get(0));
        assertEquals(new TableType(EXTERNREF, new Limits(0, Limits.NO_MAX)), m.tables().get(1));
    }

    @Test
    void tableOfANumberTypeIsAMalformedReferenceType() {
        assertMalformed(module().rawTable(bytes(I32.code(), 0x00, 0x00)).build(), "malformed reference type", 11);
        // 3.0 reads 0x40 0x00 as the prefix of a table with an initialiser: the type after it is bad.
        assertMalformed(module().rawTable(bytes(0x40, 0x00, 0x00)).build(), "malformed reference type", 13);
    }

    @Test
    void limitsMatchingFollowsImportSubtyping() {
        Limits actual = new Limits(2, 5);
        assertTrue(actual.matches(new Limits(1, 6)));
        assertTrue(actual.matches(new Limits(2, Limits.NO_MAX)));
        assertFalse(actual.matches(new Limits(3, Limits.NO_MAX)), "minimum too small");
        assertFalse(actual.matches(new Limits(1, 4)), "maximum too large");
        assertFalse(new Limits(2, Limits.NO_MAX).matches(new Limits(1, 10)), "a maximum is required");
        assertTrue(new Limits(0, 0xFFFFFFFFL).matches(new Limits(0, 0xFFFFFFFFL)));
    }

    // ---------------------------------------------------------------- global types

    @Test
    void globalTypesCarryTheirMutability() {
        Module m = decode(module()
                .global(I32, false, ModuleBytes.i32Expr(1))
                .global(V128, true, ModuleBytes.expr(ModuleBytes.Code.code().v128Zero()))
                .global(EXTERNREF, true, ModuleBytes.refNullExpr(EXTERNREF))
                .build());
        assertEquals(new GlobalType(I32, false), m.globals().get(0).type());
        assertEquals(new GlobalType(V128, true), m.globals().get(1).type());
        assertEquals(new GlobalType(EXTERNREF, true), m.globals().get(2).type());
        assertEquals("(mut externref)", m.globals().get(2).type().toString());
    }

    @Test
    void mutabilityOtherThanZeroOrOneIsMalformed() {
        byte[] m = module().rawGlobal(concat(bytes(I32.code(), 0x02), ModuleBytes.i32Expr(0))).build();
        assertMalformed(m, "malformed mutability", 12);
    }

    @Test
    void globalOfAnUnknownTypeIsMalformed() {
        byte[] m = module().rawGlobal(concat(bytes(0x7A, 0x00), ModuleBytes.i32Expr(0))).build();
        assertMalformed(m, "malformed value type", 11);
    }
}
