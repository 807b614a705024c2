package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.concat;
import static dev.sandpiper.decoder.ModuleBytes.i32Expr;
import static dev.sandpiper.decoder.ModuleBytes.i64Expr;
import static dev.sandpiper.decoder.ModuleBytes.u32;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalid;
import static dev.sandpiper.validator.Validation.invalidModule;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 3.0's address types (memory64): the typing of memory and table instructions follows the address
 * type of the memory or table they name, limits are bounded by it, and so are memarg offsets
 * (spec 3.0, Validation > Types > Limits, Memory Types, Table Types; Instructions > Memory
 * Instructions, Table Instructions; Modules > Data Segments, Element Segments).
 */
class AddressRulesTest {
    private static final byte[] MEMORY64_1 = concat(bytes(0x04), u32(1));
    private static final byte[] TABLE64_FUNCREF_1 = concat(bytes(0x70, 0x04), u32(1));

    private static ModuleBytes withMemory64(Code body) {
        return voidFunc(body).rawMemory(MEMORY64_1);
    }

    @Test
    void aSixtyFourBitMemoryTakesI64Addresses() {
        valid(withMemory64(code().i64Const(0).mem(Opcode.I32_LOAD, 2, 0).drop().end()));
        valid(withMemory64(code().i64Const(0).i32Const(1).mem(Opcode.I32_STORE, 2, 0).end()));
        valid(withMemory64(code().i64Const(0).v128Zero().memLane(Opcode.V128_STORE8_LANE, 0, 0, 3).end()));
        invalid(withMemory64(code().i32Const(0).mem(Opcode.I32_LOAD, 2, 0).drop().end()), "type mismatch");
    }

    @Test
    void sizeAndGrowAreI64OfASixtyFourBitMemory() {
        valid(func(List.of(), List.of(I64), code().memorySize().end()).rawMemory(MEMORY64_1));
        valid(func(List.of(), List.of(I64), code().i64Const(1).memoryGrow().end()).rawMemory(MEMORY64_1));
        invalid(func(List.of(), List.of(I32), code().memorySize().end()).rawMemory(MEMORY64_1), "type mismatch");
    }

    @Test
    void fillAndInitTakeTheMemorysAddressForTheDestinationOnly() {
        valid(withMemory64(code().i64Const(0).i32Const(7).i64Const(4).op(Opcode.MEMORY_FILL).raw(0).end()));
        valid(withMemory64(code().i64Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_INIT).raw(0, 0).end())
                .dataCount(1).dataPassive(new byte[0]));
        invalid(withMemory64(code().i64Const(0).i64Const(0).i64Const(0).op(Opcode.MEMORY_INIT).raw(0, 0).end())
                .dataCount(1).dataPassive(new byte[0]), "type mismatch");
    }

    /** memory.copy between an i64 memory 0 and an i32 memory 1: the length is i32, the narrower. */
    @Test
    void aCopyBetweenAddressTypesCountsInTheNarrower() {
        ModuleBytes ok = voidFunc(code().i64Const(0).i32Const(0).i32Const(1)
                .op(Opcode.MEMORY_COPY).raw(0, 1).end()).rawMemory(MEMORY64_1).memory(1, -1);
        valid(ok);
        ModuleBytes wideLength = voidFunc(code().i64Const(0).i32Const(0).i64Const(1)
                .op(Opcode.MEMORY_COPY).raw(0, 1).end()).rawMemory(MEMORY64_1).memory(1, -1);
        invalid(wideLength, "type mismatch");
    }

    @Test
    void anI32MemoryRefusesOffsetsOfTwoToTheThirtyTwoAndMore() {
        valid(voidFunc(code().i32Const(0).mem(Opcode.I32_LOAD, 2, 0xFFFF_FFFFL).drop().end()).memory(1, -1));
        invalid(voidFunc(code().i32Const(0).mem(Opcode.I32_LOAD, 2, 1L << 32).drop().end()).memory(1, -1),
                "offset out of range");
        valid(withMemory64(code().i64Const(0).mem(Opcode.I32_LOAD, 2, -1L).drop().end()));
    }

    @Test
    void limitsAreBoundedByTheAddressType() {
        invalidModule(ModuleBytes.module().rawMemory(concat(bytes(0x00), u32(65537))), "memory size");
        valid(ModuleBytes.module().rawMemory(concat(bytes(0x04), u32(65537))));
        valid(ModuleBytes.module().rawMemory(concat(bytes(0x05), u32(0), u32(1L << 48))));
        invalidModule(ModuleBytes.module().rawMemory(concat(bytes(0x05), u32(0), u32((1L << 48) + 1))),
                "memory size");
        invalidModule(ModuleBytes.module().rawTable(concat(bytes(0x70, 0x00), u32(1L << 32))), "table size");
        valid(ModuleBytes.module().rawTable(concat(bytes(0x70, 0x05), u32(0), u32(-1L))));
        invalidModule(ModuleBytes.module().rawTable(concat(bytes(0x70, 0x05), u32(-1L), u32(0))),
                "size minimum must not be greater than maximum");
    }

    @Test
    void segmentOffsetsHaveTheAddressType() {
        valid(ModuleBytes.module().rawMemory(MEMORY64_1).dataActive(i64Expr(0), new byte[] {1}));
        invalidModule(ModuleBytes.module().rawMemory(MEMORY64_1).dataActive(i32Expr(0), new byte[] {1}),
                "type mismatch");
        valid(voidFunc(code().end()).rawTable(TABLE64_FUNCREF_1).elemActive(i64Expr(0), 0));
    }

    @Test
    void tableInstructionsAndCallIndirectTakeTheTablesAddressType() {
        valid(func(List.of(), List.of(I64), code().op(Opcode.TABLE_SIZE).u32(0).end()).rawTable(TABLE64_FUNCREF_1));
        valid(voidFunc(code().i64Const(0).op(Opcode.TABLE_GET).u32(0).drop().end()).rawTable(TABLE64_FUNCREF_1));
        valid(voidFunc(code().i64Const(0).callIndirect(0, 0).end()).rawTable(TABLE64_FUNCREF_1));
        invalid(voidFunc(code().i32Const(0).callIndirect(0, 0).end()).rawTable(TABLE64_FUNCREF_1), "type mismatch");
        valid(voidFunc(code().i64Const(0).i32Const(0).i32Const(0).op(Opcode.TABLE_INIT).u32(0).u32(0).end())
                .rawTable(TABLE64_FUNCREF_1).elemPassive(0));
    }
}
