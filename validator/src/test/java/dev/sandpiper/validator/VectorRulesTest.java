package dev.sandpiper.validator;

import static dev.sandpiper.decoder.ModuleBytes.Code.code;
import static dev.sandpiper.validator.Validation.invalid;
import static dev.sandpiper.validator.Validation.invalidAt;
import static dev.sandpiper.validator.Validation.valid;
import static dev.sandpiper.validator.Validation.voidFunc;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec 2.0, Validation > Instructions > Vector Instructions ({@code valid/instructions.html#vector-instructions}):
 * lane indices below the shape's lane count, shuffle lanes below 32, alignment of the lane loads and
 * stores.
 */
class VectorRulesTest {

    static List<Opcode> laneInstructions() {
        return Arrays.stream(Opcode.values()).filter(o -> o.immediate() == ImmediateKind.LANE).toList();
    }

    static List<Opcode> memoryLaneInstructions() {
        return Arrays.stream(Opcode.values()).filter(o -> o.immediate() == ImmediateKind.MEMARG_LANE).toList();
    }

    /** Operands of {@code op}'s fixed signature as constants; returns their byte length. */
    private static int operands(Code c, Opcode op) {
        int start = c.size();
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
        return c.size() - start;
    }

    private static Code drops(Code c, Opcode op) {
        for (int i = 0; i < op.pushCount(); i++) {
            c.drop();
        }
        return c.end();
    }

    static List<Opcode> relaxedInstructions() {
        return Arrays.stream(Opcode.values()).filter(o -> o.feature() == Feature.RELAXED_SIMD).toList();
    }

    /**
     * Spec 3.0, Validation > Instructions > Vector Instructions: each relaxed instruction takes its
     * v128 operands (two, or three for madd, nmadd, laneselect and the dot product with addend) and
     * gives a v128; an i32 in place of the last operand is a type mismatch.
     */
    @ParameterizedTest
    @MethodSource("relaxedInstructions")
    void relaxedInstructionsTakeTheirV128Operands(Opcode op) {
        Code ok = code();
        operands(ok, op);
        valid(voidFunc(drops(ok.op(op), op)));
        Code wrong = code();
        for (int i = 1; i < op.popCount(); i++) {
            wrong.v128Zero();
        }
        wrong.i32Const(0);
        invalid(voidFunc(drops(wrong.op(op), op)), "type mismatch");
    }

    @ParameterizedTest
    @MethodSource("laneInstructions")
    void laneIndexBelowTheLaneCountIsValidAndAtItInvalid(Opcode op) {
        Code ok = code();
        operands(ok, op);
        valid(voidFunc(drops(ok.lane(op, op.lanes() - 1), op)));
        Code bad = code();
        int at = operands(bad, op);
        invalidAt(voidFunc(drops(bad.lane(op, op.lanes()), op)), "invalid lane index", 0, at);
        Code worst = code();
        operands(worst, op);
        invalidAt(voidFunc(drops(worst.lane(op, 255), op)), "invalid lane index", 0, at);
    }

    @ParameterizedTest
    @MethodSource("memoryLaneInstructions")
    void loadAndStoreLaneCheckLaneAndAlignment(Opcode op) {
        int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
        Code ok = code();
        operands(ok, op);
        valid(voidFunc(drops(ok.memLane(op, natural, 0, op.lanes() - 1), op)).memory(1, -1));
        Code lane = code();
        int at = operands(lane, op);
        invalidAt(voidFunc(drops(lane.memLane(op, natural, 0, op.lanes()), op)).memory(1, -1),
                "invalid lane index", 0, at);
        Code align = code();
        operands(align, op);
        invalidAt(voidFunc(drops(align.memLane(op, natural + 1, 0, 0), op)).memory(1, -1),
                "alignment must not be larger than natural", 0, at);
        Code noMemory = code();
        operands(noMemory, op);
        invalidAt(voidFunc(drops(noMemory.memLane(op, natural, 0, 0), op)), "unknown memory", 0, at);
    }

    @Test
    void shuffleLanesBelow32AreValid() {
        Code ok = code().v128Zero().v128Zero().shuffle(0, 31, 1, 30, 2, 29, 3, 28, 4, 27, 5, 26, 6, 25, 7, 24).drop().end();
        valid(voidFunc(ok));
    }

    @Test
    void shuffleLaneOf32OrMoreIsInvalidInEitherHalf() {
        int at = 36;
        Code low = code().v128Zero().v128Zero().shuffle(0, 0, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).drop().end();
        invalidAt(voidFunc(low), "invalid lane index", 0, at);
        Code high = code().v128Zero().v128Zero().shuffle(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255).drop().end();
        invalidAt(voidFunc(high), "invalid lane index", 0, at);
    }

    @Test
    void vectorOperationsNeedV128Operands() {
        Code c = code().v128Zero().i32Const(1);
        int add = c.size();
        c.op(Opcode.I8X16_ADD).drop().end();
        invalidAt(voidFunc(c), "type mismatch", 0, add);
        Code shift = code().v128Zero().i64Const(1);
        int shl = shift.size();
        shift.op(Opcode.I64X2_SHL).drop().end();
        invalidAt(voidFunc(shift), "type mismatch", 0, shl);
    }

    @Test
    void v128GlobalsAndLocalsHoldVectors() {
        valid(ModuleBytes.module().type(List.of(), List.of(dev.sandpiper.decoder.model.ValType.V128))
                .global(dev.sandpiper.decoder.model.ValType.V128, true, ModuleBytes.expr(code().v128Zero()))
                .function(0, code().globalGet(0).v128Zero().op(Opcode.V128_XOR).end()));
    }
}
