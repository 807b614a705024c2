package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Encodings and bookkeeping of {@link Code}, checked on the bytes. */
class CodeTest {
    private final ConstantPool pool = new ConstantPool();

    private static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void opcodeValues() {
        assertEquals(0x15, ILOAD);
        assertEquals(0x16, LLOAD);
        assertEquals(0x57, POP);
        assertEquals(0x5d, DUP2_X1);
        assertEquals(0x94, LCMP);
        assertEquals(0xa1, IF_ICMPLT);
        assertEquals(0xa7, GOTO);
        assertEquals(0xaa, TABLESWITCH);
        assertEquals(0xb8, INVOKESTATIC);
        assertEquals(0xb9, INVOKEINTERFACE);
        assertEquals(0xc4, WIDE);
        assertEquals(0xc6, IFNULL);
        assertEquals(0xc8, GOTO_W);
        assertEquals(0xc9, JSR_W);
    }

    @Test
    void everyOperandlessInstructionHasAnEffect() {
        int count = 0;
        for (int op = 0; op < 256; op++) {
            if (StackEffects.of(op) != StackEffects.HAS_OPERANDS) {
                count++;
            }
        }
        // 0-15, 26-53, 59-131, 133-152, 172-177, arraylength, athrow, monitorenter, monitorexit (JVMS 6.5)
        assertEquals(16 + 28 + 73 + 20 + 6 + 4, count);
        assertThrows(IllegalArgumentException.class, () -> new Code(pool, false).op(BIPUSH));
        assertThrows(IllegalArgumentException.class, () -> new Code(pool, false).op(GOTO));
        assertThrows(IllegalArgumentException.class, () -> new Code(pool, false).op(ILOAD));
    }

    @Test
    void shortestConstantForms() {
        Code c = new Code(pool, false);
        c.intConst(-1);
        c.intConst(5);
        c.intConst(-128);
        c.intConst(128);
        c.intConst(-32769);
        c.longConst(1);
        c.floatConst(2f);
        c.floatConst(-0f);
        c.doubleConst(1d);
        c.doubleConst(-0d);
        int intIdx = pool.integer(-32769);
        int floatIdx = pool.floatConst(-0f);
        int doubleIdx = pool.doubleConst(-0d);
        assertArrayEquals(b(ICONST_M1, ICONST_5, BIPUSH, 0x80, SIPUSH, 0, 128, LDC, intIdx, LCONST_1, FCONST_2,
                LDC, floatIdx, DCONST_1, LDC2_W, doubleIdx >> 8, doubleIdx & 0xFF), c.bytes());
        assertEquals(1 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 2 + 2, c.stackDepth());
    }

    @Test
    void localForms() {
        Code c = new Code(pool, false);
        c.local(ILOAD, 0);
        c.local(DLOAD, 3);
        c.local(ALOAD, 4);
        c.local(LSTORE, 255);
        c.local(FSTORE, 256);
        c.iinc(2, 127);
        c.iinc(2, 128);
        c.iinc(300, -1);
        assertArrayEquals(b(ILOAD_0, DLOAD_3, ALOAD, 4, LSTORE, 255, WIDE, FSTORE, 1, 0, IINC, 2, 127,
                WIDE, IINC, 0, 2, 0, 128, WIDE, IINC, 1, 44, 0xFF, 0xFF), c.bytes());
        assertEquals(301, c.maxLocals());
        assertEquals(4, c.maxStack());
        c.reserveLocals(1000);
        assertEquals(1000, c.maxLocals());
        c.op(LLOAD_3);
        assertEquals(1000, c.maxLocals());
    }

    @Test
    void maxLocalsCountsLongWidth() {
        Code c = new Code(pool, false);
        c.op(DCONST_0);
        c.local(DSTORE, 5);
        assertEquals(7, c.maxLocals());
        c.op(LCONST_0);
        c.op(LSTORE_3);
        assertEquals(7, c.maxLocals());
    }

    @Test
    void stackEffectsOfInvokesAndFields() {
        Code c = new Code(pool, false);
        c.op(ACONST_NULL);
        c.op(LCONST_0);
        c.op(ICONST_0);
        c.op(ACONST_NULL);
        c.op(DCONST_0);
        assertEquals(7, c.stackDepth());
        c.invoke(INVOKEVIRTUAL, "a/B", "m", "(JI[[Ljava/lang/String;D)J");
        assertEquals(2, c.stackDepth());
        c.invoke(INVOKESTATIC, "a/B", "n", "(J)V");
        assertEquals(0, c.stackDepth());
        c.field(GETSTATIC, "a/B", "x", "D");
        assertEquals(2, c.stackDepth());
        c.op(ACONST_NULL);
        c.field(GETFIELD, "a/B", "y", "J");
        assertEquals(4, c.stackDepth());
        c.op(ACONST_NULL);
        c.op(DUP_X2);
        c.op(POP);
        c.op(ICONST_1);
        c.field(PUTFIELD, "a/B", "z", "I");
        c.field(PUTSTATIC, "a/B", "w", "J");
        c.field(PUTSTATIC, "a/B", "v", "D");
        assertEquals(0, c.stackDepth());
        assertEquals(7, c.maxStack());
        c.op(ACONST_NULL);
        // underflow: the receiver is there but no int argument
        assertThrows(IllegalStateException.class,
                () -> c.invoke(INVOKEINTERFACE, "a/I", "f", "(I)Ljava/lang/Object;"));
    }

    @Test
    void invokeinterfaceCountByte() {
        Code c = new Code(pool, false);
        c.op(ACONST_NULL);
        c.op(LCONST_0);
        c.invoke(INVOKEINTERFACE, "a/I", "f", "(J)V");
        byte[] bytes = c.bytes();
        assertEquals(2 + 5, bytes.length);
        assertEquals((byte) INVOKEINTERFACE, bytes[2]);
        assertEquals(3, bytes[5]);
        assertEquals(0, bytes[6]);
    }

    @Test
    void underflowInReachableCodeThrows() {
        Code c = new Code(pool, false);
        c.op(ICONST_0);
        assertThrows(IllegalStateException.class, () -> c.op(POP2));
        Code d = new Code(pool, false);
        assertThrows(IllegalStateException.class, () -> d.invoke(INVOKESTATIC, "a/B", "m", "(I)V"));
    }

    @Test
    void reachabilityAndLabelDepths() {
        Code c = new Code(pool, false);
        Label join = new Label();
        c.op(ICONST_1);
        c.op(ICONST_2);
        c.jump(IFEQ, join); // enters join with depth 1
        c.op(POP);
        c.op(ICONST_3);
        c.jump(GOTO, join);
        assertFalse(c.reachable());
        assertEquals(0, c.stackDepth());
        c.op(POP); // dead code does not underflow
        c.place(join);
        assertTrue(c.reachable());
        assertEquals(1, c.stackDepth());
        c.op(IRETURN);
        assertFalse(c.reachable());

        Label unknown = new Label();
        c.place(unknown); // nothing branched to it: still dead
        assertFalse(c.reachable());
        c.stackDepth(3);
        assertTrue(c.reachable());
        assertEquals(3, c.stackDepth());
        assertEquals(3, c.maxStack());
    }

    @Test
    void depthMismatchesAreReported() {
        Code c = new Code(pool, false);
        Label l = new Label();
        c.op(ICONST_0);
        c.jump(GOTO, l);
        Label m = new Label();
        c.place(m);
        c.stackDepth(0);
        assertThrows(IllegalStateException.class, () -> c.jump(GOTO, l));

        Code d = new Code(pool, false);
        Label n = new Label();
        d.op(ICONST_0);
        d.op(ICONST_0);
        d.jump(IFEQ, n); // depth 1
        d.op(ICONST_0); // falls through with depth 2
        assertThrows(IllegalStateException.class, () -> d.place(n));
    }

    @Test
    void handlerDepth() {
        Code c = new Code(pool, false);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        c.tryCatch(start, end, handler, "java/lang/Throwable");
        c.place(start);
        c.op(ACONST_NULL);
        c.op(ATHROW);
        c.place(end);
        assertFalse(c.reachable());
        c.place(handler);
        assertEquals(1, c.stackDepth());
        assertTrue(c.reachable());
    }

    @Test
    void unplacedLabelsAreReported() {
        Code c = new Code(pool, false);
        c.jump(GOTO, new Label());
        assertThrows(IllegalStateException.class, c::bytes);
        Code d = new Code(pool, false);
        Label placed = new Label();
        d.place(placed);
        d.op(RETURN);
        d.tryCatch(placed, new Label(), placed, null);
        assertThrows(IllegalStateException.class, d::bytes);
        assertThrows(IllegalStateException.class, () -> d.place(placed));
        assertThrows(IllegalArgumentException.class, () -> new Code(pool, false).place(placed));
    }

    @Test
    void narrowAndWideBranchEncodings() {
        Code narrow = new Code(pool, false);
        Label l = new Label();
        narrow.op(ICONST_0);
        narrow.jump(IFLT, l);
        narrow.place(l);
        narrow.jump(GOTO, l);
        assertArrayEquals(b(ICONST_0, IFLT, 0, 3, GOTO, 0, 0), narrow.bytes());

        Code wide = new Code(pool, true);
        Label w = new Label();
        wide.op(ICONST_0);
        wide.jump(IFLT, w);
        wide.place(w);
        wide.jump(GOTO, w);
        // iflt L  ==>  ifge +8; goto_w L
        assertArrayEquals(b(ICONST_0, IFGE, 0, 8, GOTO_W, 0, 0, 0, 5, GOTO_W, 0, 0, 0, 0), wide.bytes());
        // backward narrow branch
        Code back = new Code(pool, false);
        Label top = new Label();
        back.place(top);
        back.op(NOP);
        back.jump(GOTO, top);
        assertArrayEquals(b(NOP, GOTO, 0xFF, 0xFF), back.bytes());
    }

    @Test
    void invertedConditions() {
        int[][] pairs = {{IFEQ, IFNE}, {IFLT, IFGE}, {IFGT, IFLE}, {IF_ICMPEQ, IF_ICMPNE}, {IF_ICMPLT, IF_ICMPGE},
                {IF_ICMPGT, IF_ICMPLE}, {IF_ACMPEQ, IF_ACMPNE}, {IFNULL, IFNONNULL}};
        for (int[] p : pairs) {
            assertEquals(p[1], Code.invert(p[0]));
            assertEquals(p[0], Code.invert(p[1]));
        }
    }

    @Test
    void switchPaddingAndOffsets() {
        Code c = new Code(pool, false);
        Label a = new Label();
        Label d = new Label();
        c.op(ICONST_0);
        c.tableSwitch(5, 5, d, new Label[] {a});
        c.place(a);
        c.place(d);
        assertEquals(0, c.stackDepth());
        // iconst_0 at 0, tableswitch at 1, pad 2 bytes to 4, default, low, high, one offset: 4 + 16 = 20
        assertEquals(20, c.length());
        assertArrayEquals(b(ICONST_0, TABLESWITCH, 0, 0, 0, 0, 0, 19, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0, 19),
                c.bytes());
        assertThrows(IllegalArgumentException.class, () -> c.tableSwitch(0, 2, d, new Label[] {a}));
        assertThrows(IllegalArgumentException.class,
                () -> c.lookupSwitch(d, new int[] {1, 1}, new Label[] {a, a}));
    }

    @Test
    void emptyTryRangesAreDropped() {
        ClassWriter cw = new ClassWriter(Gen.NAME, "java/lang/Object");
        Code c = new Code(cw.pool(), false);
        Label l = new Label();
        c.place(l);
        c.tryCatch(l, l, l, null);
        c.op(RETURN);
        cw.addMethod(ACC_STATIC, "f", "()V", c);
        byte[] bytes = cw.toBytes();
        // ... u2 exception_table_length = 0, u2 attributes_count = 0, then the class's own attributes_count 0
        assertArrayEquals(b(RETURN, 0, 0, 0, 0, 0, 0), java.util.Arrays.copyOfRange(bytes, bytes.length - 7,
                bytes.length));
    }
}
