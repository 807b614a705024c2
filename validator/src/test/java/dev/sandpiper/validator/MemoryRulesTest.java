package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.validator.Validation.func;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Spec 2.0, Validation > Instructions > Memory Instructions ({@code valid/instructions.html#memory-instructions}). */
class MemoryRulesTest {

    private static ModuleBytes withMemory(Code body) {
        return voidFunc(body).memory(1, -1);
    }

    @Test
    void loadWithoutAMemoryIsAnUnknownMemory() {
        Code c = code().i32Const(0);
        int load = c.size();
        c.mem(Opcode.I32_LOAD, 2, 0).drop().end();
        invalidAt(voidFunc(c), "unknown memory", 0, load);
    }

    @Test
    void importedMemoryCounts() {
        valid(voidFunc(code().i32Const(0).mem(Opcode.I32_LOAD, 2, 0).drop().end()).importMemory("m", "mem", 1, -1));
    }

    /** Every load and store: its natural alignment is valid, one more is not. */
    @ParameterizedTest
    @EnumSource(value = Opcode.class, names = {"I32_LOAD", "I64_LOAD", "F32_LOAD", "F64_LOAD", "I32_LOAD8_S",
            "I32_LOAD8_U", "I32_LOAD16_S", "I32_LOAD16_U", "I64_LOAD8_S", "I64_LOAD8_U", "I64_LOAD16_S", "I64_LOAD16_U",
            "I64_LOAD32_S", "I64_LOAD32_U", "I32_STORE", "I64_STORE", "F32_STORE", "F64_STORE", "I32_STORE8",
            "I32_STORE16", "I64_STORE8", "I64_STORE16", "I64_STORE32", "V128_LOAD", "V128_LOAD8X8_S", "V128_LOAD16X4_U",
            "V128_LOAD32X2_S", "V128_LOAD8_SPLAT", "V128_LOAD16_SPLAT", "V128_LOAD32_SPLAT", "V128_LOAD64_SPLAT",
            "V128_STORE", "V128_LOAD32_ZERO", "V128_LOAD64_ZERO"})
    void alignmentUpToTheNaturalOneIsValid(Opcode op) {
        int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
        valid(withMemory(access(op, natural)));
        valid(withMemory(access(op, 0)));
        invalidAt(withMemory(access(op, natural + 1)), "alignment must not be larger than natural", 0,
                operandBytes(op));
    }

    /** {@code op} with constant operands, its result dropped. */
    private static Code access(Opcode op, int align) {
        Code c = code();
        for (int i = 0; i < op.popCount(); i++) {
            switch (op.pop(i).kind()) {
                case I32 -> c.i32Const(0);
                case I64 -> c.i64Const(0);
                case F32 -> c.f32Const(0);
                case F64 -> c.f64Const(0);
                case V128 -> c.v128Zero();
                default -> throw new AssertionError(op);
            }
        }
        c.mem(op, align, 0);
        for (int i = 0; i < op.pushCount(); i++) {
            c.drop();
        }
        return c.end();
    }

    /** Bytes of the operand constants {@link #access} writes before the instruction. */
    private static int operandBytes(Opcode op) {
        int n = 0;
        for (int i = 0; i < op.popCount(); i++) {
            n += switch (op.pop(i).kind()) {
                case I32, I64 -> 2;
                case F32 -> 5;
                case F64 -> 9;
                case V128 -> 18;
                default -> throw new AssertionError(op);
            };
        }
        return n;
    }

    @Test
    void hugeAlignmentExponentIsInvalidNotMalformed() {
        Code c = code().i32Const(0);
        int load = c.size();
        c.mem(Opcode.I32_LOAD8_U, 0x3FL, 0).drop().end();
        invalidAt(withMemory(c), "alignment must not be larger than natural", 0, load);
    }

    @Test
    void offsetMayBeAnyU32() {
        valid(withMemory(code().i32Const(0).mem(Opcode.I64_LOAD, 3, 0xFFFFFFFFL).drop().end()));
    }

    @Test
    void loadNeedsAnI32AddressAndPushesItsType() {
        Code c = code().i64Const(0);
        int load = c.size();
        c.mem(Opcode.F64_LOAD, 3, 0).drop().end();
        invalidAt(withMemory(c), "type mismatch", 0, load);
        valid(func(List.of(), List.of(F64), code().i32Const(0).mem(Opcode.F64_LOAD, 3, 0).end()).memory(1, -1));
    }

    @Test
    void storeNeedsAddressThenValue() {
        Code c = code().i64Const(1).i32Const(0);
        int store = c.size();
        c.mem(Opcode.I64_STORE, 3, 0).end();
        invalidAt(withMemory(c), "type mismatch", 0, store);
    }

    @Test
    void memorySizeAndGrowNeedAMemory() {
        valid(withMemory(code().memorySize().memoryGrow().drop().end()));
        Code c = code();
        c.memorySize().drop().end();
        invalidAt(voidFunc(c), "unknown memory", 0, 0);
        Code g = code().i32Const(1);
        int grow = g.size();
        g.memoryGrow().drop().end();
        invalidAt(voidFunc(g), "unknown memory", 0, grow);
    }

    @Test
    void memoryInitNeedsAMemoryAndAKnownDataSegment() {
        Code c = code().i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_INIT).u32(0).raw(0).end();
        valid(withMemory(c).dataCount(1).dataPassive(ModuleBytes.bytes(1)));
    }

    @Test
    void memoryInitOfAnUnknownDataSegment() {
        Code c = code().i32Const(0).i32Const(0).i32Const(0);
        int init = c.size();
        c.op(Opcode.MEMORY_INIT).u32(1).raw(0).end();
        invalidAt(withMemory(c).dataCount(1).dataPassive(ModuleBytes.bytes(1)), "unknown data segment", 0, init);
        invalidAt(withMemory(c), "unknown data segment", 0, init);
    }

    @Test
    void memoryInitWithoutAMemory() {
        Code c = code().i32Const(0).i32Const(0).i32Const(0);
        int init = c.size();
        c.op(Opcode.MEMORY_INIT).u32(0).raw(0).end();
        invalidAt(voidFunc(c).dataCount(1).dataPassive(ModuleBytes.bytes(1)), "unknown memory", 0, init);
    }

    @Test
    void dataDropNeedsADataSegmentButNoMemory() {
        valid(voidFunc(code().op(Opcode.DATA_DROP).u32(0).end()).dataCount(1).dataPassive(ModuleBytes.bytes()));
        Code c = code();
        c.op(Opcode.DATA_DROP).u32(1).end();
        invalidAt(voidFunc(c).dataCount(1).dataPassive(ModuleBytes.bytes()), "unknown data segment", 0, 0);
    }

    @Test
    void memoryCopyAndFillNeedAMemory() {
        Code copy = code().i32Const(0).i32Const(0).i32Const(0);
        int at = copy.size();
        copy.op(Opcode.MEMORY_COPY).raw(0, 0).end();
        valid(withMemory(copy));
        invalidAt(voidFunc(copy), "unknown memory", 0, at);
        Code fill = code().i32Const(0).i32Const(0).i32Const(0);
        fill.op(Opcode.MEMORY_FILL).raw(0).end();
        valid(withMemory(fill));
        invalidAt(voidFunc(fill), "unknown memory", 0, at);
    }

    @Test
    void memoryFillTakesThreeI32s() {
        Code c = code().i32Const(0).i64Const(0).i32Const(0);
        int fill = c.size();
        c.op(Opcode.MEMORY_FILL).raw(0).end();
        invalidAt(withMemory(c), "type mismatch", 0, fill);
    }

    // ---- 3.0: memory indices (Validation > Instructions > Memory Instructions) ----

    @Test
    void everyMemoryInstructionNamesAnExistingMemory() {
        ModuleBytes two = voidFunc(code().i32Const(0).mem(Opcode.I32_LOAD, 1, 2, 0).drop()
                .i32Const(0).i64Const(0).mem(Opcode.I64_STORE, 1, 3, 0)
                .memoryOp(Opcode.MEMORY_SIZE, 1).drop()
                .i32Const(0).i32Const(0).i32Const(0).op(Opcode.MEMORY_COPY).u32(0).u32(1).end())
                .memory(1, -1).memory(1, -1);
        valid(two);
        Code c = code().i32Const(0);
        int load = c.size();
        c.mem(Opcode.I32_LOAD, 2, 2, 0).drop().end();
        invalidAt(voidFunc(c).memory(1, -1).memory(1, -1), "unknown memory 2", 0, load);
    }

    @Test
    void memoryCopyChecksBothMemories() {
        Code c = code().i32Const(0).i32Const(0).i32Const(0);
        int copy = c.size();
        c.op(Opcode.MEMORY_COPY).u32(0).u32(1).end();
        invalidAt(voidFunc(c).memory(1, -1), "unknown memory 1", 0, copy);
    }

    @Test
    void memoryInitNamesItsMemoryAfterTheSegment() {
        Code c = code().i32Const(0).i32Const(0).i32Const(0);
        int init = c.size();
        c.op(Opcode.MEMORY_INIT).u32(0).u32(1).end();
        ModuleBytes oneMemory = voidFunc(c).memory(1, -1).dataCount(1).dataPassive(ModuleBytes.bytes(1));
        invalidAt(oneMemory, "unknown memory 1", 0, init);
    }
}
