package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

/**
 * The operand-stack effect, in slots (long and double take two), of every instruction without operands
 * (JVMS 6.5, each instruction's "Operand Stack" paragraph). Instructions that take operands are handled by the
 * {@link Code} method that emits them.
 */
final class StackEffects {
    /** Marks an opcode that takes operands in the bytecode and so cannot be emitted by {@link Code#op(int)}. */
    static final int HAS_OPERANDS = Integer.MIN_VALUE;

    private static final int[] EFFECT = new int[256];

    static {
        java.util.Arrays.fill(EFFECT, HAS_OPERANDS);
        set(0, NOP);
        set(1, ACONST_NULL, ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5);
        set(2, LCONST_0, LCONST_1);
        set(1, FCONST_0, FCONST_1, FCONST_2);
        set(2, DCONST_0, DCONST_1);
        range(1, ILOAD_0, ILOAD_3);
        range(2, LLOAD_0, LLOAD_3);
        range(1, FLOAD_0, FLOAD_3);
        range(2, DLOAD_0, DLOAD_3);
        range(1, ALOAD_0, ALOAD_3);
        set(-1, IALOAD, FALOAD, AALOAD, BALOAD, CALOAD, SALOAD);
        set(0, LALOAD, DALOAD);
        range(-1, ISTORE_0, ISTORE_3);
        range(-2, LSTORE_0, LSTORE_3);
        range(-1, FSTORE_0, FSTORE_3);
        range(-2, DSTORE_0, DSTORE_3);
        range(-1, ASTORE_0, ASTORE_3);
        set(-3, IASTORE, FASTORE, AASTORE, BASTORE, CASTORE, SASTORE);
        set(-4, LASTORE, DASTORE);
        set(-1, POP);
        set(-2, POP2);
        set(1, DUP, DUP_X1, DUP_X2);
        set(2, DUP2, DUP2_X1, DUP2_X2);
        set(0, SWAP);
        set(-1, IADD, FADD, ISUB, FSUB, IMUL, FMUL, IDIV, FDIV, IREM, FREM);
        set(-2, LADD, DADD, LSUB, DSUB, LMUL, DMUL, LDIV, DDIV, LREM, DREM);
        set(0, INEG, LNEG, FNEG, DNEG);
        set(-1, ISHL, LSHL, ISHR, LSHR, IUSHR, LUSHR); // the shift count is an int in both cases
        set(-1, IAND, IOR, IXOR);
        set(-2, LAND, LOR, LXOR);
        set(1, I2L, I2D, F2L, F2D);
        set(0, I2F, L2D, F2I, D2L, I2B, I2C, I2S);
        set(-1, L2I, L2F, D2I, D2F);
        set(-3, LCMP, DCMPL, DCMPG);
        set(-1, FCMPL, FCMPG);
        set(-1, IRETURN, FRETURN, ARETURN);
        set(-2, LRETURN, DRETURN);
        set(0, RETURN);
        set(0, ARRAYLENGTH);
        set(-1, ATHROW, MONITORENTER, MONITOREXIT);
    }

    private StackEffects() {
    }

    /** The effect of an operand-less {@code opcode}, or {@link #HAS_OPERANDS}. */
    static int of(int opcode) {
        return opcode >= 0 && opcode < EFFECT.length ? EFFECT[opcode] : HAS_OPERANDS;
    }

    /** Whether control never falls through {@code opcode} to the next instruction. */
    static boolean endsBlock(int opcode) {
        return (opcode >= IRETURN && opcode <= RETURN) || opcode == ATHROW || opcode == GOTO || opcode == GOTO_W
                || opcode == TABLESWITCH || opcode == LOOKUPSWITCH;
    }

    private static void set(int effect, int... opcodes) {
        for (int opcode : opcodes) {
            EFFECT[opcode] = effect;
        }
    }

    private static void range(int effect, int first, int last) {
        for (int opcode = first; opcode <= last; opcode++) {
            EFFECT[opcode] = effect;
        }
    }
}
