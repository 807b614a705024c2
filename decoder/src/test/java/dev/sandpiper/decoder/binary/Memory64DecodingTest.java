package dev.sandpiper.decoder.binary;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleDecoder;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What memory64 adds to the binary format (spec 3.0, Binary Format > Types > Limits; Instructions >
 * Memory Instructions): a limits flags byte whose bit 2 is the i64 address type, u64 bounds and
 * u64 memarg offsets; and how the 2.0 reading stays without {@link Feature#MEMORY64}.
 */
class Memory64DecodingTest {
    private static final long U64_MAX = -1L;

    private static Module decode(ModuleBytes mb, Features features) {
        return ModuleDecoder.decode(mb.build(), features);
    }

    @Test
    void flagsFourAndFiveAreSixtyFourBitLimitsWithU64Bounds() {
        ModuleBytes mb = ModuleBytes.module()
                .rawMemory(concat(bytes(0x04), u32(3)))
                .rawMemory(concat(bytes(0x05), u32(1), u32(1L << 40)))
                .rawTable(concat(bytes(0x70, 0x05), u32(0), u32(U64_MAX)));
        Module m = decode(mb, Features.all());
        Limits a = m.memories().get(0).limits();
        assertTrue(a.address64());
        assertEquals(3, a.min());
        assertFalse(a.hasMax());
        Limits b = m.memories().get(1).limits();
        assertTrue(b.address64());
        assertEquals(1L << 40, b.max());
        Limits t = m.tables().get(0).limits();
        assertTrue(t.address64());
        assertTrue(t.hasMax(), "a maximum of 2^64-1 is a maximum, not 'none'");
        assertEquals(U64_MAX, t.max());
        assertEquals("i64 0..18446744073709551615", t.toString());
    }

    @Test
    void thirtyTwoBitLimitsReadU64BoundsWhichValidationChecks() {
        ModuleBytes mb = ModuleBytes.module().rawMemory(concat(bytes(0x00), u32(1L << 33)));
        Limits l = decode(mb, Features.all()).memories().get(0).limits();
        assertFalse(l.address64());
        assertEquals(1L << 33, l.min());
    }

    @Test
    void anyOtherFlagsAreMalformedLimitsFlags() {
        for (int flags : new int[] {0x02, 0x06, 0x08, 0x81}) {
            ModuleBytes mb = ModuleBytes.module().rawMemory(concat(bytes(flags), u32(0), u32(0)));
            MalformedModuleException e = assertThrows(MalformedModuleException.class,
                    () -> decode(mb, Features.all()), "flags " + flags);
            assertEquals("malformed limits flags", e.reason());
        }
    }

    @Test
    void withoutTheFeatureLimitsAreTwoPointOhs() {
        ModuleBytes i64 = ModuleBytes.module().rawMemory(concat(bytes(0x04), u32(1)));
        MalformedModuleException refused = assertThrows(MalformedModuleException.class,
                () -> decode(i64, Features.all().without(Feature.MEMORY64)));
        assertTrue(refused.reason().startsWith("integer too large"), refused.reason());
        assertTrue(refused.reason().contains("memory64"), "the refusal names the feature: " + refused.reason());
        ModuleBytes wide = ModuleBytes.module().rawMemory(concat(bytes(0x00), u32(1L << 32)));
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> decode(wide, Features.wasm20()));
        assertTrue(e.reason().startsWith("integer"), e.reason());
    }

    @Test
    void memargOffsetsAreU64UpToTwoToTheSixtyFourMinusOne() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .rawMemory(concat(bytes(0x04), u32(1)))
                .function(0, code().i64Const(0).mem(Opcode.I32_LOAD, 2, U64_MAX).drop().end());
        CodeReader r = decode(mb, Features.all()).codeReader(0);
        assertEquals(Opcode.I64_CONST, r.next());
        assertEquals(Opcode.I32_LOAD, r.next());
        assertEquals(U64_MAX, r.offset());
    }

    @Test
    void anOffsetPastU64IsTooLargeAndPastTenBytesTooLong() {
        byte[] tooLarge = bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02);
        byte[] tooLong = bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        assertEquals("integer too large", offsetError(tooLarge));
        assertEquals("integer representation too long", offsetError(tooLong));
    }

    private static String offsetError(byte[] offset) {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of())
                .rawMemory(concat(bytes(0x04), u32(1)))
                .function(0, code().i64Const(0).op(Opcode.I32_LOAD).raw(2).raw(offset).drop().end());
        return assertThrows(MalformedModuleException.class, () -> readAll(mb, Features.all())).reason();
    }

    @Test
    void withoutTheFeatureAnOffsetIsAU32() {
        ModuleBytes mb = ModuleBytes.module().type(List.of(), List.of()).memory(1, -1)
                .function(0, code().i32Const(0).mem(Opcode.I32_LOAD, 2, 1L << 32).drop().end());
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> readAll(mb, Features.wasm20()));
        assertTrue(e.reason().startsWith("integer"), e.reason());
    }

    /** Decodes and reads every instruction of function 0 (bodies may be read lazily). */
    private static void readAll(ModuleBytes mb, Features features) {
        CodeReader r = decode(mb, features).codeReader(0);
        while (r.hasNext()) {
            r.next();
        }
    }
}
