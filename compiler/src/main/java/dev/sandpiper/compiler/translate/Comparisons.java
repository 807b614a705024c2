package dev.sandpiper.compiler.translate;

import static dev.sandpiper.compiler.classfile.Opcodes.*;

import dev.sandpiper.compiler.classfile.Code;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Integer comparisons as JVM conditional jumps, so that a comparison feeding {@code br_if} or
 * {@code if} is one compare-and-branch (spec 2.0, Execution > Numerics: ieq, ilt_u, ...). Unsigned
 * comparisons flip both operands' sign bits and compare signed ({@link #flippedUnsigned}).
 */
final class Comparisons {
    private Comparisons() {}

    /**
     * Emits what comparison {@code op} needs beyond its operands and returns the JVM conditional
     * jump opcode that jumps exactly when the comparison holds.
     */
    static int emitOperands(Code c, Opcode op) {
        switch (op) {
            case I32_EQZ:
                return IFEQ;
            case I64_EQZ:
                c.op(LCONST_0);
                c.op(LCMP);
                return IFEQ;
            default:
                break;
        }
        String n = op.name();
        boolean wide = n.startsWith("I64");
        boolean unsigned = n.endsWith("_U");
        String rel = n.substring(4, 6);
        if (!wide && !unsigned) {
            return switch (rel) {
                case "EQ" -> IF_ICMPEQ;
                case "NE" -> IF_ICMPNE;
                case "LT" -> IF_ICMPLT;
                case "GT" -> IF_ICMPGT;
                case "LE" -> IF_ICMPLE;
                default -> IF_ICMPGE;
            };
        }
        if (unsigned) {
            return flippedUnsigned(c, wide, rel);
        }
        c.op(LCMP);
        return switch (rel) {
            case "EQ" -> IFEQ;
            case "NE" -> IFNE;
            case "LT" -> IFLT;
            case "GT" -> IFGT;
            case "LE" -> IFLE;
            default -> IFGE;
        };
    }

    /**
     * An unsigned comparison as a signed one of both operands with the sign bit flipped ({@code a <u b}
     * exactly when {@code a + MIN_VALUE < b + MIN_VALUE}): one compare and one jump. Through {@code
     * Integer.compareUnsigned} JDK 17's C2 made two jumps of it, as that method is {@code
     * Integer.compare}, a three-way result in Java code. The operands are flipped in stack order
     * {@code b} then {@code a}, so the jump compares {@code b'} with {@code a'}: the relation's
     * mirror image.
     */
    private static int flippedUnsigned(Code c, boolean wide, String rel) {
        if (wide) {
            c.longConst(Long.MIN_VALUE);
            c.op(LADD);
            c.op(DUP2_X2); // a, b' -> b', a, b'
            c.op(POP2);
            c.longConst(Long.MIN_VALUE);
            c.op(LADD);
            c.op(LCMP); // sign of b' - a'
        } else {
            c.intConst(Integer.MIN_VALUE);
            c.op(IADD);
            c.op(SWAP);
            c.intConst(Integer.MIN_VALUE);
            c.op(IADD);
        }
        int mirrored = switch (rel) {
            case "LT" -> IF_ICMPGT;
            case "GT" -> IF_ICMPLT;
            case "LE" -> IF_ICMPGE;
            default -> IF_ICMPLE; // GE
        };
        return wide ? toZeroTest(mirrored) : mirrored;
    }

    /** {@code IF_ICMPxx} as the {@code IFxx} that tests an {@code LCMP} result against zero. */
    private static int toZeroTest(int icmp) {
        return switch (icmp) {
            case IF_ICMPLT -> IFLT;
            case IF_ICMPGT -> IFGT;
            case IF_ICMPLE -> IFLE;
            default -> IFGE;
        };
    }

    /**
     * Emits comparison {@code op} as a value (0 or 1) without a jump, when it has such a form, and
     * says whether it did. A jump whose outcome follows the data (counting zero bytes) is a
     * misprediction each time it turns; {@code x == 0} is {@code ((x | -x) >>> 31) ^ 1}, the sign of
     * {@code x | -x} being set exactly when {@code x != 0}.
     */
    static boolean emitValue(Code c, Opcode op) {
        switch (op) {
            case I32_EQZ:
                c.op(DUP);
                c.op(INEG);
                c.op(IOR);
                c.intConst(31);
                c.op(IUSHR);
                c.op(ICONST_1);
                c.op(IXOR);
                return true;
            case I64_EQZ:
                c.op(DUP2);
                c.op(LNEG);
                c.op(LOR);
                c.intConst(63);
                c.op(LUSHR);
                c.op(L2I);
                c.op(ICONST_1);
                c.op(IXOR);
                return true;
            default:
                return false;
        }
    }

    /** The conditional jump taken exactly when {@code jvm} is not. */
    static int negate(int jvm) {
        return switch (jvm) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jvm);
        };
    }
}
