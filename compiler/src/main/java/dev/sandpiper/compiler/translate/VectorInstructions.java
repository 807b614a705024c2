package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.interpreter.RelaxedVectors;

/**
 * Translates the vector (0xFD) instructions. A v128 is two {@code long}s on the JVM stack, the high
 * half on top ({@link JvmTypes}). What is one JVM instruction per half is inline (bitwise
 * operators, i64x2 add, sub and mul, splats and lanes of 64-bit shapes, moves); the rest calls
 * {@code runtime.V128}, whose methods return the low half and leave the high half in {@code
 * Context.high}, read right after the call. Each instruction costs one unit of fuel (charged by
 * the caller, as the interpreter's {@code VectorTranslation}); loads and stores are trap sites.
 *
 * <p>The relaxed instructions (3.0) compile as the interpreter runs them: the 2.0 instruction they
 * are in the deterministic profile where there is one ({@link RelaxedVectors#deterministic}), else
 * a call to the interpreter's own {@link RelaxedVectors} arithmetic through {@code V128}.
 *
 * <p>Spec: 2.0, Execution > Instructions > Vector Instructions and Memory Instructions; 3.0,
 * Execution > Numerics > Relaxed Operations.
 */
final class VectorInstructions {
    private static final String V128 = "dev/sandpiper/compiler/runtime/V128";
    private static final String OPS = "dev/sandpiper/interpreter/TierOps";
    private static final String CTX = "L" + JvmTypes.CONTEXT + ";";
    private static final String MEMORY = "Ldev/sandpiper/interpreter/Memory;";

    private final FunctionTranslator t;
    private Code c;

    VectorInstructions(FunctionTranslator t) {
        this.t = t;
    }

    /** Emits {@code op}; its operands are on the stack, the operand types already updated by the caller. */
    void emit(Opcode op, CodeReader r) {
        c = t.code();
        // A relaxed instruction that is a 2.0 one in the deterministic profile compiles as that one.
        Opcode same = RelaxedVectors.deterministic(op);
        if (same != null) {
            op = same;
        }
        int sub = op.code();
        switch (op) {
            case V128_CONST -> {
                c.longConst(r.v128Low());
                c.longConst(r.v128High());
            }
            case I8X16_SHUFFLE -> {
                c.longConst(r.v128Low());
                c.longConst(r.v128High());
                vector("shuffle", "JJJJJJ");
            }
            case I8X16_SWIZZLE -> vector("swizzle", "JJJJ");
            case I8X16_SPLAT, I16X8_SPLAT, I32X4_SPLAT, F32X4_SPLAT -> {
                c.op(I2L);
                c.intConst(laneBits(op));
                c.invoke(INVOKESTATIC, OPS, "v128Splat", "(JI)J");
                c.op(DUP2);
            }
            case I64X2_SPLAT, F64X2_SPLAT -> c.op(DUP2);
            case I8X16_EXTRACT_LANE_S, I8X16_EXTRACT_LANE_U, I16X8_EXTRACT_LANE_S, I16X8_EXTRACT_LANE_U,
                    I32X4_EXTRACT_LANE, F32X4_EXTRACT_LANE -> {
                c.intConst(r.lane());
                c.intConst(laneBits(op));
                c.intConst(op == Opcode.I8X16_EXTRACT_LANE_U || op == Opcode.I16X8_EXTRACT_LANE_U ? 1 : 0);
                c.invoke(INVOKESTATIC, OPS, "v128Extract", "(JJIIZ)J");
                c.op(L2I);
            }
            case I64X2_EXTRACT_LANE, F64X2_EXTRACT_LANE -> {
                if (r.lane() == 1) {
                    c.op(DUP2_X2); // [lo hi] -> [hi lo hi]
                    c.op(POP2);
                }
                c.op(POP2);
            }
            case I8X16_REPLACE_LANE, I16X8_REPLACE_LANE, I32X4_REPLACE_LANE, F32X4_REPLACE_LANE -> {
                c.op(I2L);
                c.intConst(r.lane());
                c.intConst(laneBits(op));
                vector("replace", "JJJII");
            }
            case I64X2_REPLACE_LANE, F64X2_REPLACE_LANE -> replace64(r.lane());
            case V128_NOT -> {
                int s = t.scratch(4);
                c.longConst(-1);
                c.op(LXOR);
                c.local(LSTORE, s);
                c.longConst(-1);
                c.op(LXOR);
                c.local(LLOAD, s);
            }
            case V128_AND -> halves(LAND, false);
            case V128_OR -> halves(LOR, false);
            case V128_XOR -> halves(LXOR, false);
            case V128_ANDNOT -> halves(LAND, true);
            case I64X2_ADD -> halves(LADD, false);
            case I64X2_SUB -> halves(LSUB, false);
            case I64X2_MUL -> halves(LMUL, false);
            case V128_BITSELECT -> vector("bitselect", "JJJJJJ");
            case V128_ANY_TRUE -> {
                c.op(LOR);
                c.op(LCONST_0);
                c.op(LCMP);
                t.zeroOrOne(IFNE);
            }
            case I8X16_EQ, I8X16_NE, I8X16_LT_S, I8X16_LT_U, I8X16_GT_S, I8X16_GT_U, I8X16_LE_S, I8X16_LE_U,
                    I8X16_GE_S, I8X16_GE_U, I8X16_ADD, I8X16_ADD_SAT_S, I8X16_ADD_SAT_U, I8X16_SUB,
                    I8X16_SUB_SAT_S, I8X16_SUB_SAT_U, I8X16_MIN_S, I8X16_MIN_U, I8X16_MAX_S, I8X16_MAX_U,
                    I8X16_AVGR_U, I16X8_EQ, I16X8_NE, I16X8_LT_S, I16X8_LT_U, I16X8_GT_S, I16X8_GT_U, I16X8_LE_S,
                    I16X8_LE_U, I16X8_GE_S, I16X8_GE_U, I16X8_ADD, I16X8_ADD_SAT_S, I16X8_ADD_SAT_U, I16X8_SUB,
                    I16X8_SUB_SAT_S, I16X8_SUB_SAT_U, I16X8_MUL, I16X8_MIN_S, I16X8_MIN_U, I16X8_MAX_S,
                    I16X8_MAX_U, I16X8_AVGR_U, I16X8_Q15MULR_SAT_S, I32X4_EQ, I32X4_NE, I32X4_LT_S, I32X4_LT_U,
                    I32X4_GT_S, I32X4_GT_U, I32X4_LE_S, I32X4_LE_U, I32X4_GE_S, I32X4_GE_U, I32X4_ADD, I32X4_SUB,
                    I32X4_MUL, I32X4_MIN_S, I32X4_MIN_U, I32X4_MAX_S, I32X4_MAX_U, I64X2_EQ, I64X2_NE, I64X2_LT_S,
                    I64X2_GT_S, I64X2_LE_S, I64X2_GE_S -> {
                c.intConst(sub);
                c.intConst(laneBits(op));
                vector("intBinary", "JJJJII");
            }
            case I32X4_DOT_I16X8_S -> vector("dot", "JJJJ");
            case I8X16_ABS, I8X16_NEG, I8X16_POPCNT, I16X8_ABS, I16X8_NEG, I32X4_ABS, I32X4_NEG, I64X2_ABS,
                    I64X2_NEG -> {
                c.intConst(sub);
                c.intConst(laneBits(op));
                vector("intUnary", "JJII");
            }
            case I8X16_SHL, I8X16_SHR_S, I8X16_SHR_U, I16X8_SHL, I16X8_SHR_S, I16X8_SHR_U, I32X4_SHL, I32X4_SHR_S,
                    I32X4_SHR_U, I64X2_SHL, I64X2_SHR_S, I64X2_SHR_U -> {
                c.intConst(sub);
                c.intConst(laneBits(op));
                vector("shift", "JJIII");
            }
            case I16X8_EXTADD_PAIRWISE_I8X16_S, I16X8_EXTADD_PAIRWISE_I8X16_U, I32X4_EXTADD_PAIRWISE_I16X8_S,
                    I32X4_EXTADD_PAIRWISE_I16X8_U -> {
                c.intConst(laneBits(op) / 2);
                c.intConst(op.name().endsWith("_S") ? 1 : 0);
                vector("extaddPairwise", "JJIZ");
            }
            case I8X16_ALL_TRUE, I16X8_ALL_TRUE, I32X4_ALL_TRUE, I64X2_ALL_TRUE -> {
                c.intConst(laneBits(op));
                c.invoke(INVOKESTATIC, OPS, "v128AllTrue", "(JJI)I");
            }
            case I8X16_BITMASK, I16X8_BITMASK, I32X4_BITMASK, I64X2_BITMASK -> {
                c.intConst(laneBits(op));
                c.invoke(INVOKESTATIC, OPS, "v128Bitmask", "(JJI)I");
            }
            case I8X16_NARROW_I16X8_S, I8X16_NARROW_I16X8_U, I16X8_NARROW_I32X4_S, I16X8_NARROW_I32X4_U -> {
                c.intConst(laneBits(op) * 2);
                c.intConst(op.name().endsWith("_S") ? 1 : 0);
                vector("narrow", "JJJJIZ");
            }
            case I16X8_EXTEND_LOW_I8X16_S, I16X8_EXTEND_HIGH_I8X16_S, I16X8_EXTEND_LOW_I8X16_U,
                    I16X8_EXTEND_HIGH_I8X16_U, I32X4_EXTEND_LOW_I16X8_S, I32X4_EXTEND_HIGH_I16X8_S,
                    I32X4_EXTEND_LOW_I16X8_U, I32X4_EXTEND_HIGH_I16X8_U, I64X2_EXTEND_LOW_I32X4_S,
                    I64X2_EXTEND_HIGH_I32X4_S, I64X2_EXTEND_LOW_I32X4_U, I64X2_EXTEND_HIGH_I32X4_U -> {
                widening(op);
                vector("extend", "JJZIZ");
            }
            case I16X8_EXTMUL_LOW_I8X16_S, I16X8_EXTMUL_HIGH_I8X16_S, I16X8_EXTMUL_LOW_I8X16_U,
                    I16X8_EXTMUL_HIGH_I8X16_U, I32X4_EXTMUL_LOW_I16X8_S, I32X4_EXTMUL_HIGH_I16X8_S,
                    I32X4_EXTMUL_LOW_I16X8_U, I32X4_EXTMUL_HIGH_I16X8_U, I64X2_EXTMUL_LOW_I32X4_S,
                    I64X2_EXTMUL_HIGH_I32X4_S, I64X2_EXTMUL_LOW_I32X4_U, I64X2_EXTMUL_HIGH_I32X4_U -> {
                widening(op);
                vector("extmul", "JJJJZIZ");
            }
            case F32X4_EQ, F32X4_NE, F32X4_LT, F32X4_GT, F32X4_LE, F32X4_GE, F32X4_ADD, F32X4_SUB, F32X4_MUL,
                    F32X4_DIV, F32X4_MIN, F32X4_MAX, F32X4_PMIN, F32X4_PMAX -> {
                c.intConst(sub);
                vector("f32x4Binary", "JJJJI");
            }
            case F64X2_EQ, F64X2_NE, F64X2_LT, F64X2_GT, F64X2_LE, F64X2_GE, F64X2_ADD, F64X2_SUB, F64X2_MUL,
                    F64X2_DIV, F64X2_MIN, F64X2_MAX, F64X2_PMIN, F64X2_PMAX -> {
                c.intConst(sub);
                vector("f64x2Binary", "JJJJI");
            }
            case F32X4_ABS, F32X4_NEG, F32X4_SQRT, F32X4_CEIL, F32X4_FLOOR, F32X4_TRUNC, F32X4_NEAREST,
                    I32X4_TRUNC_SAT_F32X4_S, I32X4_TRUNC_SAT_F32X4_U, F32X4_CONVERT_I32X4_S,
                    F32X4_CONVERT_I32X4_U -> {
                c.intConst(sub);
                vector("f32x4Unary", "JJI");
            }
            case F64X2_ABS, F64X2_NEG, F64X2_SQRT, F64X2_CEIL, F64X2_FLOOR, F64X2_TRUNC, F64X2_NEAREST -> {
                c.intConst(sub);
                vector("f64x2Unary", "JJI");
            }
            case F32X4_DEMOTE_F64X2_ZERO, I32X4_TRUNC_SAT_F64X2_S_ZERO, I32X4_TRUNC_SAT_F64X2_U_ZERO -> {
                // Lanes 2 and 3 of the result are zero: the high half is a constant.
                c.intConst(sub);
                c.invoke(INVOKESTATIC, V128, "fromF64x2", "(JJI)J");
                c.op(LCONST_0);
            }
            case F64X2_PROMOTE_LOW_F32X4, F64X2_CONVERT_LOW_I32X4_S, F64X2_CONVERT_LOW_I32X4_U -> {
                c.intConst(sub);
                vector("toF64x2", "JJI");
            }
            case F32X4_RELAXED_MADD, F32X4_RELAXED_NMADD, F64X2_RELAXED_MADD, F64X2_RELAXED_NMADD -> {
                c.intConst(sub);
                vector("relaxedMadd", "JJJJJJI");
            }
            case I16X8_RELAXED_DOT_I8X16_I7X16_S -> vector("relaxedDot", "JJJJ");
            case I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S -> vector("relaxedDotAdd", "JJJJJJ");
            default -> memory(op, r);
        }
    }

    /** The vector memory instructions; each is a trap site ("out of bounds memory access"). */
    private void memory(Opcode op, CodeReader r) {
        // a 64-bit memory (3.0 memory64): the address is an i64 and the offset a u64, V128's long forms
        boolean wide = t.memory64(r.memoryIndex());
        String a = wide ? "J" : "I";
        String o = wide ? "J" : "I";
        Runnable offset = wide ? () -> c.longConst(r.offset()) : () -> c.intConst((int) r.offset());
        int size = op.memoryBytes();
        switch (op) {
            case V128_LOAD -> {
                offset.run();
                t.loadMemory(r.memoryIndex());
                t.loadContext();
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "load", "(" + a + o + MEMORY + CTX + ")J"));
                high();
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S,
                    V128_LOAD32X2_U -> {
                offset.run();
                t.loadMemory(r.memoryIndex());
                // 8x8, 16x4, 32x2: the lane width before widening.
                c.intConst(op.name().startsWith("V128_LOAD8") ? 8 : op.name().startsWith("V128_LOAD16") ? 16 : 32);
                c.intConst(op.name().endsWith("_S") ? 1 : 0);
                t.loadContext();
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "loadExtend", "(" + a + o + MEMORY + "IZ" + CTX + ")J"));
                high();
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                offset.run();
                t.loadMemory(r.memoryIndex());
                c.intConst(size);
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "loadSplat", "(" + a + o + MEMORY + "I)J"));
                c.op(DUP2);
            }
            case V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                offset.run();
                t.loadMemory(r.memoryIndex());
                c.intConst(size);
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "loadZero", "(" + a + o + MEMORY + "I)J"));
                c.op(LCONST_0);
            }
            case V128_STORE -> {
                offset.run();
                t.loadMemory(r.memoryIndex());
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "store", "(" + a + "JJ" + o + MEMORY + ")V"));
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> {
                offset.run();
                c.intConst(r.lane());
                c.intConst(size);
                t.loadMemory(r.memoryIndex());
                t.loadContext();
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "loadLane", "(" + a + "JJ" + o + "II" + MEMORY + CTX + ")J"));
                high();
            }
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> {
                offset.run();
                c.intConst(r.lane());
                c.intConst(size);
                t.loadMemory(r.memoryIndex());
                t.trapping(() -> c.invoke(INVOKESTATIC, V128, "storeLane", "(" + a + "JJ" + o + "II" + MEMORY + ")V"));
            }
            default -> throw new IllegalStateException("no translation for vector instruction " + op);
        }
    }

    /** Calls {@code V128.name(args..., ctx)}, which returns the low half, then pushes the high half. */
    private void vector(String name, String args) {
        t.loadContext();
        c.invoke(INVOKESTATIC, V128, name, "(" + args + CTX + ")J");
        high();
    }

    /** Pushes the high half a call left in the context. */
    private void high() {
        t.loadContext();
        c.field(GETFIELD, JvmTypes.CONTEXT, "high", "J");
    }

    /**
     * {@code [aLo aHi bLo bHi]} to {@code [aLo op bLo, aHi op bHi]} with one JVM instruction per
     * half ({@code notB}: {@code b} inverted first, for {@code andnot}), through two scratch locals.
     */
    private void halves(int jvmOp, boolean notB) {
        int s = t.scratch(4);
        c.local(LSTORE, s + 2);
        c.local(LSTORE, s);
        c.local(LLOAD, s + 2);
        invertIf(notB);
        c.op(jvmOp);
        c.local(LSTORE, s + 2);
        c.local(LLOAD, s);
        invertIf(notB);
        c.op(jvmOp);
        c.local(LLOAD, s + 2);
    }

    private void invertIf(boolean invert) {
        if (invert) {
            c.longConst(-1);
            c.op(LXOR);
        }
    }

    /** {@code [lo hi x]} to the v128 with 64-bit lane {@code lane} replaced by {@code x}. */
    private void replace64(int lane) {
        if (lane == 1) {
            c.op(DUP2_X2); // [lo hi x] -> [lo x hi x]
            c.op(POP2);
            c.op(POP2);
            return;
        }
        int s = t.scratch(4);
        c.local(LSTORE, s);
        c.local(LSTORE, s + 2);
        c.op(POP2);
        c.local(LLOAD, s);
        c.local(LLOAD, s + 2);
    }

    /** Pushes {@code high} (extend/extmul of the high half), the source lane width and {@code signed}. */
    private void widening(Opcode op) {
        String n = op.name();
        c.intConst(n.contains("_HIGH_") ? 1 : 0);
        c.intConst(laneBits(op) / 2);
        c.intConst(n.endsWith("_S") ? 1 : 0);
    }

    /** The lane width of the instruction's shape (its result's, for the i8x16/i16x8 prefixes). */
    private static int laneBits(Opcode op) {
        String n = op.name();
        if (n.startsWith("I8X16")) {
            return 8;
        } else if (n.startsWith("I16X8")) {
            return 16;
        } else if (n.startsWith("I32X4") || n.startsWith("F32X4")) {
            return 32;
        }
        return 64;
    }
}
