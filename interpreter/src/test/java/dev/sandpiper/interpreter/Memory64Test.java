package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.i64Expr;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 64-bit memories and tables in the interpreter (spec 3.0, Execution > Instructions > Memory
 * Instructions, Table Instructions): addresses are u64, the effective address {@code addr + offset}
 * is not wrapped, so an access past the memory traps however large its address or offset, even
 * near 2^64; {@code memory.grow} takes and returns i64 and answers -1 past the store's limit.
 */
class Memory64Test {
    private static final long U64_MAX = -1L;

    /**
     * A 64-bit memory of {@code pages} pages (no maximum): "load"(a: i64) is i32.load offset=
     * {@code offset}, "store"(a: i64, v: i32) i32.store at the same offset, "size" and "grow"(n: i64).
     */
    private static ModuleBytes memory64(long pages, long offset) {
        return ModuleBytes.module()
                .type(types(I64), types(I32)).type(types(I64, I32), List.of())
                .type(List.of(), types(I64)).type(types(I64), types(I64))
                .rawMemory(concat(bytes(0x04), u32(pages)))
                .function(0, Code.code().localGet(0).mem(Opcode.I32_LOAD, 2, offset).end())
                .function(1, Code.code().localGet(0).localGet(1).mem(Opcode.I32_STORE, 2, offset).end())
                .function(2, Code.code().memorySize().end())
                .function(3, Code.code().localGet(0).memoryGrow().end())
                .export("load", ExternKind.FUNC, 0).export("store", ExternKind.FUNC, 1)
                .export("size", ExternKind.FUNC, 2).export("grow", ExternKind.FUNC, 3)
                .export("mem", ExternKind.MEMORY, 0);
    }

    private static void assertOutOfBounds(Instance instance, String name, long... args) {
        TrapException trap = assertThrows(TrapException.class, () -> instance.call(name, args));
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
    }

    @Test
    void loadsAndStoresUseTheFullAddress() {
        Instance instance = Wasm.instantiate(memory64(1, 0));
        instance.call("store", 65532, 0x12345678);
        assertEquals(0x12345678, (int) instance.call("load", 65532)[0]);
        assertOutOfBounds(instance, "load", 65533);
        // 2^32 + 8 would be address 8 if it were cut to 32 bits: it must trap instead
        assertOutOfBounds(instance, "store", (1L << 32) + 8, 1);
        assertOutOfBounds(instance, "load", 1L << 32);
        assertEquals(0, instance.memory(0).readInt(8), "nothing was written at the wrapped address");
    }

    @Test
    void addressesNearTwoToTheSixtyFourTrapRatherThanWrap() {
        Instance instance = Wasm.instantiate(memory64(1, 0));
        assertOutOfBounds(instance, "load", U64_MAX);
        assertOutOfBounds(instance, "load", U64_MAX - 3);
        assertOutOfBounds(instance, "load", Long.MIN_VALUE);
        assertOutOfBounds(instance, "store", Long.MAX_VALUE, 1);
    }

    @Test
    void anOffsetThatWouldWrapTheSumTraps() {
        // address 16 + offset 2^64 - 8 is 8 modulo 2^64, but the sum is not wrapped
        Instance wraps = Wasm.instantiate(memory64(1, U64_MAX - 7));
        assertOutOfBounds(wraps, "load", 16);
        assertOutOfBounds(wraps, "store", 16, 1);
        // 2^32 as an offset of a 64-bit memory is an address of 2^32, past one page
        Instance big = Wasm.instantiate(memory64(1, 1L << 32));
        assertOutOfBounds(big, "load", 0);
        Instance inRange = Wasm.instantiate(memory64(1, 65528));
        inRange.call("store", 4, 7);
        assertEquals(7, (int) inRange.call("load", 4)[0]);
        assertEquals(7, inRange.memory(0).readInt(65532));
    }

    @Test
    void sizeAndGrowAreI64AndGrowPastTheLimitIsMinusOne() {
        Store store = new Store(ExecutionLimits.DEFAULT.withMaxMemoryPages(4));
        Instance instance = Wasm.instantiate(store, memory64(1, 0));
        assertEquals(1, instance.call("size")[0]);
        assertEquals(1, instance.call("grow", 2)[0]);
        assertEquals(3, instance.call("size")[0]);
        assertEquals(-1L, instance.call("grow", 2)[0], "5 pages pass the limit of 4: -1 as an i64");
        assertEquals(-1L, instance.call("grow", 1L << 32)[0], "2^32 pages are not cut to 0");
        assertEquals(-1L, instance.call("grow", U64_MAX)[0]);
        assertEquals(3, instance.call("size")[0], "refused grows change nothing");
        assertEquals(3, instance.call("grow", 1)[0]);
        assertEquals(4, instance.call("size")[0]);
        instance.call("store", 4 * 65536 - 4, 9);
        assertOutOfBounds(instance, "load", 4 * 65536);
    }

    @Test
    void aSixtyFourBitMemoryIsAllocatedAsItGrowsNotAsDeclared() {
        // a declared maximum of 2^48 pages is valid; only what the guest grows to is allocated
        ModuleBytes mb = ModuleBytes.module().rawMemory(concat(bytes(0x05), u32(1), u32(1L << 48)))
                .export("mem", ExternKind.MEMORY, 0);
        Instance instance = Wasm.instantiate(mb);
        Memory m = instance.memory(0);
        assertTrue(m.address64());
        assertEquals(65536, m.byteSize());
        assertEquals(ExecutionLimits.MAX_MEMORY_PAGES, m.maxPages());
        assertEquals(new Limits(1, 1L << 48, true, true), m.limits());
    }

    @Test
    void aSixtyFourBitMinimumPastTheLimitCannotBeInstantiated() {
        ModuleBytes mb = ModuleBytes.module().rawMemory(concat(bytes(0x04), u32(1L << 40)));
        assertThrows(RuntimeException.class, () -> Wasm.instantiate(mb));
    }

    @Test
    void dataSegmentsOfASixtyFourBitMemoryHaveI64Offsets() {
        ModuleBytes ok = ModuleBytes.module().rawMemory(concat(bytes(0x04), u32(1)))
                .dataActive(i64Expr(65535), new byte[] {42}).export("mem", ExternKind.MEMORY, 0);
        assertEquals(42, Wasm.instantiate(ok).memory(0).readByte(65535));
        ModuleBytes past = ModuleBytes.module().rawMemory(concat(bytes(0x04), u32(1)))
                .dataActive(i64Expr((1L << 32) + 1), new byte[] {42});
        UninstantiableException e = assertThrows(UninstantiableException.class, () -> Wasm.instantiate(past));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void importsMatchOnlyTheSameAddressType() {
        Store store = new Store();
        Linker linker = new Linker(store);
        linker.define("m", "mem", new Memory(new MemoryType(new Limits(1, 1)), 1));
        ModuleBytes wants64 = ModuleBytes.module()
                .rawImport(concat(ModuleBytes.name("m"), ModuleBytes.name("mem"), bytes(0x02, 0x04), u32(1)));
        assertThrows(UnlinkableException.class, () -> linker.instantiate(Wasm.compile(wants64)));
    }

    /**
     * A 64-bit funcref table of 2 elements, element 0 a function returning 7: "call"(i: i64) is
     * call_indirect, "grow"(n: i64) table.grow with null, "size" table.size.
     */
    private static ModuleBytes table64() {
        return ModuleBytes.module()
                .type(List.of(), types(I32)).type(types(I64), types(I32)).type(types(I64), types(I64))
                .type(List.of(), types(I64))
                .rawTable(concat(bytes(0x70, 0x04), u32(2)))
                .function(0, Code.code().i32Const(7).end())
                .function(1, Code.code().localGet(0).callIndirect(0, 0).end())
                .function(2, Code.code().refNull(dev.sandpiper.decoder.model.ValType.FUNCREF).localGet(0)
                        .op(Opcode.TABLE_GROW).u32(0).end())
                .function(3, Code.code().op(Opcode.TABLE_SIZE).u32(0).end())
                .elemActive(i64Expr(0), 0)
                .export("call", ExternKind.FUNC, 1).export("grow", ExternKind.FUNC, 2)
                .export("size", ExternKind.FUNC, 3);
    }

    @Test
    void callIndirectThroughASixtyFourBitTableUsesTheFullIndex() {
        Instance instance = Wasm.instantiate(table64());
        assertEquals(7, (int) instance.call("call", 0)[0]);
        for (long index : new long[] {1L << 32, U64_MAX, Long.MIN_VALUE, 2}) {
            TrapException trap = assertThrows(TrapException.class, () -> instance.call("call", index));
            assertEquals(TrapKind.UNDEFINED_ELEMENT, trap.kind(), "index " + Long.toUnsignedString(index));
        }
        TrapException nullElement = assertThrows(TrapException.class, () -> instance.call("call", 1));
        assertEquals(TrapKind.UNINITIALIZED_ELEMENT, nullElement.kind());
    }

    @Test
    void tableGrowTakesAnI64DeltaAndAnswersMinusOnePastTheLimit() {
        Instance instance = Wasm.instantiate(table64());
        assertEquals(2, instance.call("grow", 3)[0]);
        assertEquals(5, instance.call("size")[0]);
        assertEquals(-1L, instance.call("grow", 1L << 32)[0], "2^32 elements are not cut to 0");
        assertEquals(-1L, instance.call("grow", U64_MAX)[0]);
        assertEquals(5, instance.call("size")[0]);
    }
}
