package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Numeric instructions that are one or two JVM instructions with the same semantics (spec 2.0,
 * Execution > Numerics: iadd is modulo 2^N, shifts take the count modulo N as the JVM's do). Every
 * other numeric instruction calls {@code runtime.Numeric}, whose small methods HotSpot inlines; these
 * are inline only to keep the bytecode short (HotSpot compiles methods under 8,000 bytes).
 */
final class NumericInline {
    private NumericInline() {}

    /** Emits {@code op} inline and returns true, or returns false. */
    static boolean emit(Code c, Opcode op) {
        switch (op) {
            case I32_ADD -> c.op(IADD);
            case I32_SUB -> c.op(ISUB);
            case I32_MUL -> c.op(IMUL);
            case I32_AND -> c.op(IAND);
            case I32_OR -> c.op(IOR);
            case I32_XOR -> c.op(IXOR);
            case I32_SHL -> c.op(ISHL);
            case I32_SHR_S -> c.op(ISHR);
            case I32_SHR_U -> c.op(IUSHR);
            case I64_ADD -> c.op(LADD);
            case I64_SUB -> c.op(LSUB);
            case I64_MUL -> c.op(LMUL);
            case I64_AND -> c.op(LAND);
            case I64_OR -> c.op(LOR);
            case I64_XOR -> c.op(LXOR);
            case I64_SHL -> {
                c.op(L2I);
                c.op(LSHL);
            }
            case I64_SHR_S -> {
                c.op(L2I);
                c.op(LSHR);
            }
            case I64_SHR_U -> {
                c.op(L2I);
                c.op(LUSHR);
            }
            case I32_WRAP_I64 -> c.op(L2I);
            case I64_EXTEND_I32_S -> c.op(I2L);
            case I32_EXTEND8_S -> c.op(I2B);
            case I32_EXTEND16_S -> c.op(I2S);
            default -> {
                return false;
            }
        }
        return true;
    }
}
