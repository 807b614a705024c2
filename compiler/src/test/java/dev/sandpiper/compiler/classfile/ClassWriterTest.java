package dev.sandpiper.compiler.classfile;

import static dev.sandpiper.compiler.classfile.Opcodes.*;
import static java.lang.invoke.MethodType.methodType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classes written with {@link ClassWriter}, loaded as hidden classes and run. */
class ClassWriterTest {

    /** A base class generated classes extend. */
    public abstract static class Base {
        protected Base() {
        }

        public abstract int value(int x);
    }

    @Test
    void intArithmetic() throws Throwable {
        // (a * b + a - b) / 3 % 1000 ^ -1 via xor
        MethodHandle f = Gen.method(methodType(int.class, int.class, int.class), false, c -> {
            c.local(ILOAD, 0);
            c.local(ILOAD, 1);
            c.op(IMUL);
            c.local(ILOAD, 0);
            c.op(IADD);
            c.local(ILOAD, 1);
            c.op(ISUB);
            c.intConst(3);
            c.op(IDIV);
            c.intConst(1000);
            c.op(IREM);
            c.intConst(-1);
            c.op(IXOR);
            c.op(IRETURN);
            assertEquals(0, c.stackDepth());
            assertEquals(2, c.maxStack());
            assertEquals(2, c.maxLocals());
        });
        for (int[] ab : new int[][] {{7, 9}, {-5, 123456}, {Integer.MAX_VALUE, 3}}) {
            int a = ab[0];
            int b = ab[1];
            assertEquals(~((a * b + a - b) / 3 % 1000), (int) f.invokeExact(a, b));
        }
    }

    @Test
    void longArithmeticAndConstants() throws Throwable {
        long k = 0x123456789ABCDEF0L;
        MethodHandle f = Gen.method(methodType(long.class, long.class, int.class), false, c -> {
            c.local(LLOAD, 0);
            c.longConst(k);
            c.op(LXOR);
            c.local(ILOAD, 2);
            c.op(LSHL);
            c.longConst(1);
            c.op(LADD);
            c.longConst(-77);
            c.op(LMUL);
            c.op(LRETURN);
            assertEquals(4, c.maxStack());
            assertEquals(3, c.maxLocals());
        });
        assertEquals((((5L ^ k) << 3) + 1) * -77, (long) f.invokeExact(5L, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 5, 6, -128, 127, 128, -129, 32767, -32768, 32768, 1_000_000, Integer.MIN_VALUE})
    void intConstants(int v) throws Throwable {
        MethodHandle f = Gen.method(methodType(int.class), false, c -> {
            c.intConst(v);
            c.op(IRETURN);
        });
        assertEquals(v, (int) f.invokeExact());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 0x80000000, 0x3F800000, 0x40000000, 0x7FC00001, 0x7F800001, 0xFF812345, 0x3EAAAAAB})
    void floatConstantsKeepTheirBits(int bits) throws Throwable {
        MethodHandle f = Gen.method(methodType(int.class), false, c -> {
            c.floatConst(Float.intBitsToFloat(bits));
            c.invoke(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I");
            c.op(IRETURN);
        });
        assertEquals(bits, (int) f.invokeExact());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 0x8000000000000000L, 0x3FF0000000000000L, 0x7FF8000000000001L, 0x7FF0000000000001L,
            0x400921FB54442D18L})
    void doubleConstantsKeepTheirBits(long bits) throws Throwable {
        MethodHandle f = Gen.method(methodType(long.class), false, c -> {
            c.doubleConst(Double.longBitsToDouble(bits));
            assertEquals(2, c.stackDepth());
            c.invoke(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J");
            c.op(LRETURN);
        });
        assertEquals(bits, (long) f.invokeExact());
    }

    @Test
    void stringConstantsInModifiedUtf8() throws Throwable {
        String s = "a\0b\u00e9\u20ac\uD83D\uDE00";
        MethodHandle f = Gen.method(methodType(String.class), false, c -> {
            c.stringConst(s);
            c.op(ARETURN);
        });
        assertEquals(s, (String) f.invokeExact());
    }

    @Test
    void classConstant() throws Throwable {
        MethodHandle f = Gen.method(methodType(Class.class), false, c -> {
            c.classConst("java/util/List");
            c.op(ARETURN);
        });
        assertEquals(List.class, (Class<?>) f.invokeExact());
    }

    @Test
    void manyConstantsUseLdcW() throws Throwable {
        MethodHandle f = Gen.method(methodType(int.class), false, c -> {
            c.intConst(0);
            for (int i = 0; i < 400; i++) {
                c.intConst(100_000 + i);
                c.op(IADD);
            }
            c.op(IRETURN);
        });
        int expected = 0;
        for (int i = 0; i < 400; i++) {
            expected += 100_000 + i;
        }
        assertEquals(expected, (int) f.invokeExact());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loopWithBackwardJump(boolean wide) throws Throwable {
        // sum = 0; i = n; while (i > 0) { sum += i; i--; } return sum;
        MethodHandle f = Gen.method(methodType(long.class, int.class), wide, c -> {
            Label head = new Label();
            Label exit = new Label();
            c.longConst(0);
            c.local(LSTORE, 1);
            c.place(head);
            c.local(ILOAD, 0);
            c.jump(IFLE, exit);
            c.local(LLOAD, 1);
            c.local(ILOAD, 0);
            c.op(I2L);
            c.op(LADD);
            c.local(LSTORE, 1);
            c.iinc(0, -1);
            c.jump(GOTO, head);
            assertTrue(!c.reachable());
            c.place(exit);
            assertTrue(c.reachable());
            c.local(LLOAD, 1);
            c.op(LRETURN);
            assertEquals(3, c.maxLocals());
        });
        assertEquals(5050L, (long) f.invokeExact(100));
        assertEquals(0L, (long) f.invokeExact(-3));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyConditionalBranch(boolean wide) throws Throwable {
        int[] unary = {IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE};
        int[] binary = {IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE};
        for (int k = 0; k < 6; k++) {
            int opcode = unary[k];
            MethodHandle f = branchMethod(methodType(int.class, int.class), wide, opcode, 1);
            for (int x : new int[] {-2, 0, 3}) {
                boolean taken = switch (k) {
                    case 0 -> x == 0;
                    case 1 -> x != 0;
                    case 2 -> x < 0;
                    case 3 -> x >= 0;
                    case 4 -> x > 0;
                    default -> x <= 0;
                };
                assertEquals(taken ? 1 : 0, (int) f.invokeExact(x), "opcode " + opcode + " x " + x);
            }
            int opcode2 = binary[k];
            MethodHandle g = branchMethod(methodType(int.class, int.class, int.class), wide, opcode2, 2);
            for (int[] xy : new int[][] {{1, 2}, {2, 2}, {3, 2}}) {
                int x = xy[0];
                int y = xy[1];
                boolean taken = switch (k) {
                    case 0 -> x == y;
                    case 1 -> x != y;
                    case 2 -> x < y;
                    case 3 -> x >= y;
                    case 4 -> x > y;
                    default -> x <= y;
                };
                assertEquals(taken ? 1 : 0, (int) g.invokeExact(x, y), "opcode " + opcode2);
            }
        }
        Object a = new Object();
        MethodHandle eq = branchMethod(methodType(int.class, Object.class, Object.class), wide, IF_ACMPEQ, 2);
        MethodHandle ne = branchMethod(methodType(int.class, Object.class, Object.class), wide, IF_ACMPNE, 2);
        assertEquals(1, (int) eq.invokeExact(a, a));
        assertEquals(0, (int) eq.invokeExact(a, new Object()));
        assertEquals(0, (int) ne.invokeExact(a, a));
        assertEquals(1, (int) ne.invokeExact(a, new Object()));
        MethodHandle isNull = branchMethod(methodType(int.class, Object.class), wide, IFNULL, 1);
        MethodHandle nonNull = branchMethod(methodType(int.class, Object.class), wide, IFNONNULL, 1);
        assertEquals(1, (int) isNull.invokeExact((Object) null));
        assertEquals(0, (int) isNull.invokeExact(a));
        assertEquals(0, (int) nonNull.invokeExact((Object) null));
        assertEquals(1, (int) nonNull.invokeExact(a));
    }

    /** {@code return (params <opcode>) ? 1 : 0}, params all ints or all references. */
    private static MethodHandle branchMethod(java.lang.invoke.MethodType type, boolean wide, int opcode, int params)
            throws ReflectiveOperationException {
        boolean refs = type.parameterType(0) == Object.class;
        return Gen.method(type, wide, c -> {
            Label yes = new Label();
            for (int i = 0; i < params; i++) {
                c.local(refs ? ALOAD : ILOAD, i);
            }
            c.jump(opcode, yes);
            c.intConst(0);
            c.op(IRETURN);
            c.place(yes);
            c.intConst(1);
            c.op(IRETURN);
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tableSwitch(boolean wide) throws Throwable {
        MethodHandle f = Gen.method(methodType(int.class, int.class), wide, c -> {
            Label dflt = new Label();
            Label[] cases = {new Label(), new Label(), new Label()};
            c.op(NOP); // shift the switch so padding is exercised
            c.local(ILOAD, 0);
            c.tableSwitch(-1, 1, dflt, cases);
            assertTrue(!c.reachable());
            for (int i = 0; i < cases.length; i++) {
                c.place(cases[i]);
                c.intConst(100 + i);
                c.op(IRETURN);
            }
            c.place(dflt);
            c.intConst(-7);
            c.op(IRETURN);
        });
        assertEquals(100, (int) f.invokeExact(-1));
        assertEquals(101, (int) f.invokeExact(0));
        assertEquals(102, (int) f.invokeExact(1));
        assertEquals(-7, (int) f.invokeExact(2));
        assertEquals(-7, (int) f.invokeExact(Integer.MIN_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void lookupSwitchWithUnsortedKeys(int nops) throws Throwable {
        int[] keys = {1_000_000, -5, 42, Integer.MIN_VALUE, 7};
        MethodHandle f = Gen.method(methodType(int.class, int.class), false, c -> {
            Label dflt = new Label();
            Label[] targets = new Label[keys.length];
            for (int i = 0; i < nops; i++) {
                c.op(NOP);
            }
            c.local(ILOAD, 0);
            for (int i = 0; i < targets.length; i++) {
                targets[i] = new Label();
            }
            c.lookupSwitch(dflt, keys, targets);
            for (int i = 0; i < targets.length; i++) {
                c.place(targets[i]);
                c.intConst(i);
                c.op(IRETURN);
            }
            c.place(dflt);
            c.intConst(-1);
            c.op(IRETURN);
        });
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, (int) f.invokeExact(keys[i]));
        }
        assertEquals(-1, (int) f.invokeExact(8));
        assertEquals(-1, (int) f.invokeExact(Integer.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tryCatchArithmeticException(boolean handlerPlacedFirst) throws Throwable {
        // try { return a / b; } catch (ArithmeticException e) { return -1; }
        MethodHandle f = Gen.method(methodType(int.class, int.class, int.class), false, c -> {
            Label start = new Label();
            Label end = new Label();
            Label handler = new Label();
            c.place(start);
            c.local(ILOAD, 0);
            c.local(ILOAD, 1);
            c.op(IDIV);
            c.place(end);
            c.op(IRETURN);
            if (handlerPlacedFirst) {
                c.place(handler);
                c.stackDepth(1);
                c.tryCatch(start, end, handler, "java/lang/ArithmeticException");
            } else {
                c.tryCatch(start, end, handler, "java/lang/ArithmeticException");
                c.place(handler);
            }
            assertEquals(1, c.stackDepth());
            c.op(POP);
            c.intConst(-1);
            c.op(IRETURN);
        });
        assertEquals(3, (int) f.invokeExact(7, 2));
        assertEquals(-1, (int) f.invokeExact(7, 0));
    }

    @Test
    void catchAnyAndRethrow() throws Throwable {
        // try { throw new IllegalStateException(); } catch (any t) { throw t; } -- plus a catch-all handler order
        MethodHandle f = Gen.method(methodType(int.class, Object.class), false, c -> {
            Label start = new Label();
            Label end = new Label();
            Label npe = new Label();
            Label any = new Label();
            c.tryCatch(start, end, npe, "java/lang/NullPointerException");
            c.tryCatch(start, end, any, null);
            c.place(start);
            c.local(ALOAD, 0);
            c.invoke(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I");
            c.op(POP);
            c.type(NEW, "java/lang/IllegalStateException");
            c.op(DUP);
            c.invoke(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V");
            c.op(ATHROW);
            c.place(end);
            c.place(npe);
            c.op(POP);
            c.intConst(1);
            c.op(IRETURN);
            c.place(any);
            c.type(CHECKCAST, "java/lang/RuntimeException");
            c.op(ATHROW);
        });
        assertEquals(1, (int) f.invokeExact((Object) null));
        assertThrows(IllegalStateException.class, () -> {
            int unused = (int) f.invokeExact(new Object());
        });
    }

    @Test
    void wideLocals() throws Throwable {
        // long at 300, int at 400, iinc wide at 400 with a large delta
        MethodHandle f = Gen.method(methodType(long.class, long.class), false, c -> {
            c.local(LLOAD, 0);
            c.local(LSTORE, 300);
            c.intConst(5);
            c.local(ISTORE, 400);
            c.iinc(400, 1000);
            c.iinc(400, 1);
            c.intConst(9);
            c.local(ISTORE, 4);
            c.iinc(4, 2);
            c.local(LLOAD, 300);
            c.local(ILOAD, 400);
            c.op(I2L);
            c.op(LADD);
            c.local(ILOAD, 4);
            c.op(I2L);
            c.op(LADD);
            c.op(LRETURN);
            assertEquals(401, c.maxLocals());
        });
        assertEquals(1_000_000L + 1006 + 11, (long) f.invokeExact(1_000_000L));
    }

    /** {@code if (x == 0) return 2; <40,000 bytes>; return 1;} followed by a backward goto over the same bulk. */
    private static void farBranches(Code c) {
        Label zero = new Label();
        Label back = new Label();
        Label after = new Label();
        c.local(ILOAD, 0);
        c.jump(IFEQ, zero);
        c.jump(GOTO, after);
        c.place(back);
        for (int i = 0; i < 20_000; i++) {
            c.op(ICONST_0);
            c.op(POP);
        }
        c.intConst(1);
        c.op(IRETURN);
        c.place(after);
        c.jump(GOTO, back);
        c.place(zero);
        c.intConst(2);
        c.op(IRETURN);
    }

    @Test
    void farBranchesNeedWideJumps() throws Throwable {
        Gen gen = new Gen();
        Code narrow = gen.code(false, 1);
        farBranches(narrow);
        assertThrows(BranchOutOfRangeException.class, narrow::bytes);
        assertThrows(BranchOutOfRangeException.class,
                () -> gen.addStatic("f", "(I)I", narrow));

        Code wide = gen.code(true, 1);
        farBranches(wide);
        gen.addStatic("f", "(I)I", wide);
        MethodHandle f = gen.defineStatic("f", methodType(int.class, int.class));
        assertEquals(2, (int) f.invokeExact(0));
        assertEquals(1, (int) f.invokeExact(5));
    }

    @Test
    void codeTooLarge() {
        Code c = new Code(new ConstantPool(), false);
        for (int i = 0; i < 65536; i++) {
            c.op(NOP);
        }
        assertThrows(CodeTooLargeException.class, c::bytes);
    }

    @Test
    void callsBetweenMethodsOfTheHiddenClassAndFields() throws Throwable {
        Gen gen = new Gen();
        gen.writer.addField(ACC_PRIVATE | ACC_STATIC, "counter", "J");
        Code twice = gen.code(false, 1);
        twice.local(ILOAD, 0);
        twice.intConst(2);
        twice.op(IMUL);
        twice.op(IRETURN);
        gen.writer.addMethod(ACC_PRIVATE | ACC_STATIC, "twice", "(I)I", twice);

        Code f = gen.code(false, 1);
        f.field(GETSTATIC, Gen.NAME, "counter", "J");
        f.local(ILOAD, 0);
        f.invoke(INVOKESTATIC, Gen.NAME, "twice", "(I)I");
        f.op(I2L);
        f.op(LADD);
        f.op(DUP2);
        f.field(PUTSTATIC, Gen.NAME, "counter", "J");
        assertEquals(2, f.stackDepth());
        f.op(LRETURN);
        assertEquals(4, f.maxStack());
        gen.addStatic("f", "(I)J", f);
        MethodHandle h = gen.defineStatic("f", methodType(long.class, int.class));
        assertEquals(6L, (long) h.invokeExact(3));
        assertEquals(16L, (long) h.invokeExact(5));
    }

    @Test
    void interfaceCallsAndArrays() throws Throwable {
        // List l -> new long[l.size() + 1].length  + int[] store/load
        MethodHandle f = Gen.method(methodType(int.class, List.class), false, c -> {
            c.local(ALOAD, 0);
            c.invoke(INVOKEINTERFACE, "java/util/List", "size", "()I");
            c.intConst(1);
            c.op(IADD);
            c.newArray(T_LONG);
            c.op(ARRAYLENGTH);
            c.intConst(1);
            c.type(ANEWARRAY, "java/lang/String");
            c.type(INSTANCEOF, "[Ljava/lang/Object;");
            c.op(IADD);
            c.intConst(2);
            c.intConst(3);
            c.multiNewArray("[[I", 2);
            c.op(ARRAYLENGTH);
            c.op(IADD);
            c.op(IRETURN);
        });
        assertEquals(4 + 1 + 2, (int) f.invokeExact(List.of(1, 2, 3)));
    }

    @Test
    void subclassOfAnAbstractBase() throws Throwable {
        String base = "dev/sandpiper/compiler/classfile/ClassWriterTest$Base";
        Gen gen = new Gen(new ClassWriter(Gen.NAME, base));
        gen.writer.addField(ACC_PRIVATE | ACC_FINAL, "k", "I");
        Code init = gen.code(false, 2);
        init.local(ALOAD, 0);
        init.invoke(INVOKESPECIAL, base, "<init>", "()V");
        init.local(ALOAD, 0);
        init.local(ILOAD, 1);
        init.field(PUTFIELD, Gen.NAME, "k", "I");
        init.op(RETURN);
        gen.writer.addMethod(ACC_PUBLIC, "<init>", "(I)V", init);
        Code value = gen.code(false, 2);
        value.local(ALOAD, 0);
        value.field(GETFIELD, Gen.NAME, "k", "I");
        value.local(ILOAD, 1);
        value.op(IMUL);
        value.op(IRETURN);
        gen.writer.addMethod(ACC_PUBLIC, "value", "(I)I", value);

        MethodHandles.Lookup lookup = gen.define();
        assertTrue(lookup.lookupClass().isHidden());
        MethodHandle ctor = lookup.findConstructor(lookup.lookupClass(), methodType(void.class, int.class));
        Base b = (Base) ctor.invoke(6);
        assertEquals(42, b.value(7));
    }

    @Test
    void abstractClassWithAbstractMethod() throws Throwable {
        ClassWriter cw = new ClassWriter(ACC_PUBLIC | ACC_ABSTRACT | ACC_SUPER, Gen.NAME, "java/lang/Object",
                "java/lang/Runnable");
        cw.addMethod(ACC_PUBLIC | ACC_ABSTRACT, "run", "()V");
        Class<?> c = MethodHandles.lookup().defineHiddenClass(cw.toBytes(), true).lookupClass();
        assertTrue(java.lang.reflect.Modifier.isAbstract(c.getModifiers()));
        assertTrue(Runnable.class.isAssignableFrom(c));
    }

    @Test
    void verifierRejectsIntReturnFromVoidMethod() {
        Gen gen = new Gen();
        Code c = gen.code(false, 0);
        c.intConst(0);
        c.op(IRETURN);
        gen.addStatic("f", "()V", c);
        assertThrows(VerifyError.class, gen::define);
    }

    @Test
    void verifierRejectsAddOnAnEmptyStack() {
        Gen gen = new Gen();
        Code c = gen.code(false, 0);
        c.stackDepth(2); // lie to the tracker so the bad instruction gets written
        c.op(IADD);
        c.op(IRETURN);
        gen.addStatic("f", "()I", c);
        assertThrows(VerifyError.class, gen::define);
    }

    @Test
    void patchedLongConstantAndExplicitLdc() throws Throwable {
        Gen gen = new Gen();
        Code c = gen.code(false, 0);
        int at = c.longConstPlaceholder();
        assertEquals(2, c.stackDepth());
        c.ldc2(gen.writer.pool().longConst(5));
        c.op(LADD);
        c.ldc(gen.writer.pool().integer(1 << 20));
        c.op(I2L);
        c.op(LADD);
        c.op(LRETURN);
        int index = gen.writer.pool().longConst(1L << 40);
        c.patchU2(at, index);
        assertEquals(index, c.readU2(at));
        gen.addStatic("f", "()J", c);
        MethodHandle f = gen.defineStatic("f", methodType(long.class));
        assertEquals((1L << 40) + 5 + (1 << 20), (long) f.invokeExact());
    }

    @Test
    void classFileHeader() {
        byte[] bytes = new ClassWriter(Gen.NAME, "java/lang/Object").toBytes();
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 49},
                java.util.Arrays.copyOf(bytes, 8));
    }
}
