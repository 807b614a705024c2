package dev.sandpiper.compiler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Family;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import dev.sandpiper.interpreter.TrapException;
import dev.sandpiper.interpreter.TrapKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Numeric} has one method per numeric opcode with the descriptor the naming rule derives,
 * and each agrees bit for bit (results, NaN bits, trap kinds and details) with the interpreter
 * running the same instruction in a one-function module, on edge values and seeded random values.
 * Binary operators are also run with the second operand as a constant, which takes the
 * interpreter's constant-operand forms.
 */
class NumericTest {
    private static final int RANDOM_TRIES = 300;
    private static final int RANDOM_CONST_LEFT = 40;

    /** NUMERIC, not SIMD, fixed signature: the opcodes the naming rule speaks of. */
    private static Stream<Opcode> ruleOpcodes() {
        return Arrays.stream(Opcode.values())
                .filter(op -> op.family() == Family.NUMERIC)
                .filter(op -> op.prefix() != Opcode.PREFIX_FD)
                .filter(Opcode::hasFixedSignature);
    }

    /** The rule's opcodes minus those with immediates (the constants). */
    private static Stream<Opcode> covered() {
        return ruleOpcodes().filter(op -> op.immediate() == ImmediateKind.NONE);
    }

    private static Class<?> javaType(ValType t) {
        return switch (t.kind()) {
            case I32, F32 -> int.class;
            case I64, F64 -> long.class;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static Class<?>[] parameterTypes(Opcode op) {
        return Arrays.stream(op.pops()).map(NumericTest::javaType).toArray(Class<?>[]::new);
    }

    // ------------------------------------------------------------------ completeness

    @Test
    void classIsPublicFinal() {
        int mods = Numeric.class.getModifiers();
        assertTrue(Modifier.isPublic(mods) && Modifier.isFinal(mods));
    }

    @Test
    void everyNumericOpcodeHasAMethodWithTheDerivedDescriptor() throws Exception {
        List<Opcode> ops = covered().toList();
        assertTrue(ops.size() > 100, "expected the MVP numeric set, got " + ops.size());
        for (Opcode op : ops) {
            assertEquals(1, op.pushCount(), op.name());
            Method m = Numeric.class.getMethod(op.name(), parameterTypes(op));
            assertTrue(Modifier.isStatic(m.getModifiers()), op.name() + " is static");
            assertTrue(Modifier.isPublic(m.getModifiers()), op.name() + " is public");
            assertEquals(javaType(op.push(0)), m.getReturnType(), op.name() + " return type");
        }
    }

    @Test
    void onlyTheConstantsAreSkippedAndTheyHaveNoMethod() {
        Set<String> skipped = ruleOpcodes()
                .filter(op -> op.immediate() != ImmediateKind.NONE)
                .map(Opcode::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of("I32_CONST", "I64_CONST", "F32_CONST", "F64_CONST"), skipped);
        for (Method m : Numeric.class.getDeclaredMethods()) {
            assertTrue(!skipped.contains(m.getName()), "unexpected method " + m.getName());
        }
    }

    @Test
    void noPublicMethodOutsideTheRule() {
        Set<String> names = covered().map(Opcode::name).collect(Collectors.toSet());
        for (Method m : Numeric.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                assertTrue(names.contains(m.getName()), "public method outside the naming rule: " + m);
            }
        }
    }

    // ------------------------------------------------------------------ agreement with the interpreter

    @TestFactory
    Stream<DynamicTest> agreesWithTheInterpreter() {
        return covered().map(op -> dynamicTest(op.name(), () -> checkAgreement(op)));
    }

    /** A result or a trap, with 32-bit results sign-extended. */
    private record Outcome(long bits, TrapKind trap, String detail) {
        @Override
        public String toString() {
            return trap != null ? "trap " + trap + (detail != null ? " (" + detail + ")" : "")
                    : "0x" + Long.toHexString(bits);
        }
    }

    private static void checkAgreement(Opcode op) throws Exception {
        ValType[] pops = op.pops();
        ValType result = op.push(0);
        Method method = Numeric.class.getMethod(op.name(), parameterTypes(op));
        long seed = 0x5A9D_1BE7L ^ op.name().hashCode();
        Random rnd = new Random(seed);

        ModuleBytes mb = ModuleBytes.module().type(List.of(pops), List.of(result));
        Code body = Code.code();
        for (int i = 0; i < pops.length; i++) {
            body.localGet(i);
        }
        mb.function(0, body.op(op).end()).export("f", ExternKind.FUNC, 0);
        long[] constants = new long[0];
        if (pops.length == 2) {
            // functions c<k>(a) = a op constant_k, for the constant-operand forms
            constants = edges(pops[1]);
            mb.type(List.of(pops[0]), List.of(result));
            for (int k = 0; k < constants.length; k++) {
                Code c = Code.code().localGet(0);
                constant(c, pops[1], constants[k]);
                mb.function(1, c.op(op).end()).export("c" + k, ExternKind.FUNC, 1 + k);
            }
        }
        Instance instance = new Linker(new Store()).instantiate(CompiledModule.compile(mb.build()));

        if (pops.length == 1) {
            for (long a : edges(pops[0])) {
                compare(op, method, instance, result, "f", new long[] {a}, new long[] {a});
            }
            for (int i = 0; i < RANDOM_TRIES; i++) {
                long a = random(pops[0], rnd);
                compare(op, method, instance, result, "f", new long[] {a}, new long[] {a});
            }
            return;
        }
        long[] left = edges(pops[0]);
        for (long a : left) {
            for (long b : edges(pops[1])) {
                compare(op, method, instance, result, "f", new long[] {a, b}, new long[] {a, b});
            }
        }
        for (int i = 0; i < RANDOM_TRIES; i++) {
            long a = random(pops[0], rnd);
            long b = random(pops[1], rnd);
            compare(op, method, instance, result, "f", new long[] {a, b}, new long[] {a, b});
        }
        long[] constLeft = Arrays.copyOf(left, left.length + RANDOM_CONST_LEFT);
        for (int i = left.length; i < constLeft.length; i++) {
            constLeft[i] = random(pops[0], rnd);
        }
        for (int k = 0; k < constants.length; k++) {
            for (long a : constLeft) {
                compare(op, method, instance, result, "c" + k, new long[] {a}, new long[] {a, constants[k]});
            }
        }
    }

    private static void compare(Opcode op, Method method, Instance instance, ValType result, String export,
            long[] wasmArgs, long[] operands) throws Exception {
        Outcome expected;
        try {
            long bits = instance.call(export, wasmArgs)[0];
            expected = new Outcome(narrow(result, bits), null, null);
        } catch (TrapException trap) {
            expected = new Outcome(0, trap.kind(), trap.detail());
        }
        Object[] args = new Object[operands.length];
        for (int i = 0; i < operands.length; i++) {
            args[i] = javaType(op.pop(i)) == int.class ? (Object) (int) operands[i] : (Object) operands[i];
        }
        Outcome actual;
        try {
            Object r = method.invoke(null, args);
            actual = new Outcome(r instanceof Integer x ? (long) x : (Long) r, null, null);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof TrapException trap)) {
                throw e;
            }
            actual = new Outcome(0, trap.kind(), trap.detail());
        }
        if (!expected.equals(actual)) {
            fail(op.name() + " via " + export + " on " + describe(op, operands) + ": interpreter " + expected
                    + ", Numeric " + actual);
        }
    }

    private static long narrow(ValType t, long bits) {
        return javaType(t) == int.class ? (int) bits : bits;
    }

    private static String describe(Opcode op, long[] operands) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            ValType t = op.pop(i);
            long v = operands[i];
            String value = switch (t.kind()) {
                case F32 -> Float.intBitsToFloat((int) v) + " [0x" + Integer.toHexString((int) v) + "]";
                case F64 -> Double.longBitsToDouble(v) + " [0x" + Long.toHexString(v) + "]";
                case I32 -> (int) v + " [0x" + Integer.toHexString((int) v) + "]";
                default -> v + " [0x" + Long.toHexString(v) + "]";
            };
            parts.add(t + " " + value);
        }
        return parts.toString();
    }

    private static void constant(Code c, ValType t, long v) {
        switch (t.kind()) {
            case I32 -> c.i32Const((int) v);
            case I64 -> c.i64Const(v);
            case F32 -> c.op(Opcode.F32_CONST).raw(littleEndian(v, 4)); // raw bytes keep NaN payloads
            case F64 -> c.op(Opcode.F64_CONST).raw(littleEndian(v, 8));
            default -> throw new IllegalArgumentException(t.toString());
        }
    }

    private static byte[] littleEndian(long v, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }

    // ------------------------------------------------------------------ inputs (raw bits; 32-bit ones sign-extended)

    private static final long[] I32_EDGES = ints(
            0, 1, -1, 2, -2, 3, 5, 7, 16, 31, 32, 33, 63, 64, 65, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF,
            0x10000, 0x12345678, 0x80000001, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1,
            0xFFFFFF80, 0xFFFF8000, 0x7F800000, 0x7FC00000, 0xAAAAAAAA, 0x55555555);

    private static final long[] I64_EDGES = {
            0, 1, -1, 2, -2, 3, 7, 31, 32, 33, 63, 64, 65, 127, 128, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
            0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0x100000000L, -0x80000000L, -0x80000001L,
            Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
            1L << 53, (1L << 53) + 1, (1L << 24) + 1, 0x0020000020000001L, 0x0020000010000000L,
            0x8000008000000001L, 0xFFFFFF7FFFFFFFFFL, 0x7FFFFFC000000000L, 0x7FFFFDFFFFFFFFFFL,
            0x123456789ABCDEF0L, 0xAAAAAAAAAAAAAAAAL};

    private static final long[] F32_EDGES = floats(
            0x00000000, 0x80000000, // +-0
            0x3F800000, 0xBF800000, // +-1
            0x3F000000, 0xBF000000, 0x3FC00000, 0xBFC00000, 0x40200000, 0xC0200000, // +-0.5, +-1.5, +-2.5
            0x3F7FFFFF, 0xBF7FFFFF, 0x3F800001, // just below 1, just above -1, just above 1
            0x7F800000, 0xFF800000, // +-inf
            0x7FC00000, 0xFFC00000, 0x7FC00001, 0xFFFFFFFF, 0x7FFFFFFF, // quiet NaNs, with payloads
            0x7F800001, 0xFFA00000, 0x7FA5A5A5, // signalling NaNs
            0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000, // subnormals, MIN_NORMAL
            0x7F7FFFFF, 0xFF7FFFFF, // +-MAX
            0x4B000000, 0x4B000001, 0x4AFFFFFF, 0xCB000001, // 2^23 region (nearest)
            0x4F000000, 0x4EFFFFFF, 0xCF000000, 0xCF000001, // 2^31 and -2^31
            0x4F800000, 0x4F7FFFFF, // 2^32
            0x5F000000, 0x5EFFFFFF, 0xDF000000, 0xDF000001, // 2^63 and -2^63
            0x5F800000, 0x5F7FFFFF, // 2^64
            0x40490FDB, 0xC2F6E979, 0x4B7FFFFF); // pi, -123.456, 2^24-1

    private static final long[] F64_EDGES = doubles(
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.5,
            Math.nextDown(1.0), Math.nextUp(-1.0), Math.nextUp(1.0), -0.9999999,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            Double.MAX_VALUE, -Double.MAX_VALUE,
            Float.MAX_VALUE, Math.nextUp((double) Float.MAX_VALUE), Float.MIN_VALUE, Float.MIN_VALUE / 2.0,
            4503599627370496.0, 4503599627370497.0, 4503599627370495.5, // 2^52 region (nearest)
            2147483647.0, 2147483647.9, 2147483648.0, -2147483648.0, -2147483648.9, -2147483649.0,
            4294967295.0, 4294967295.9, 4294967296.0,
            9223372036854775808.0, Math.nextDown(9223372036854775808.0),
            -9223372036854775808.0, Math.nextDown(-9223372036854775808.0),
            18446744073709551616.0, Math.nextDown(18446744073709551616.0),
            Math.PI, -123.456, 1e300, 1e-300);

    private static final long[] F64_NAN_EDGES = {
            0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF8000000000001L, 0xFFFFFFFFFFFFFFFFL, // quiet
            0x7FF0000000000001L, 0xFFF4000000000000L, 0x7FF5A5A5A5A5A5A5L}; // signalling

    private static final long[] F64_ALL_EDGES = concat(F64_EDGES, F64_NAN_EDGES);

    private static long[] edges(ValType t) {
        return switch (t.kind()) {
            case I32 -> I32_EDGES;
            case I64 -> I64_EDGES;
            case F32 -> F32_EDGES;
            case F64 -> F64_ALL_EDGES;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static long random(ValType t, Random rnd) {
        long[] edges = edges(t);
        int kind = rnd.nextInt(5);
        if (kind == 0) {
            return edges[rnd.nextInt(edges.length)];
        }
        return switch (t.kind()) {
            case I32 -> switch (kind) {
                case 1 -> rnd.nextInt(140) - 70;
                case 2 -> (int) ((1L << rnd.nextInt(32)) + rnd.nextInt(5) - 2);
                default -> rnd.nextInt();
            };
            case I64 -> switch (kind) {
                case 1 -> rnd.nextInt(140) - 70;
                case 2 -> (1L << rnd.nextInt(64)) + rnd.nextInt(5) - 2;
                case 3 -> rnd.nextInt();
                default -> rnd.nextLong();
            };
            case F32 -> switch (kind) {
                case 1 -> Float.floatToRawIntBits((float) scaled(rnd, 70));
                case 2 -> Float.floatToRawIntBits((rnd.nextInt(41) - 20) * 0.5f);
                case 3 -> 0x7F800000 | (rnd.nextBoolean() ? 0x80000000 : 0) | (1 + rnd.nextInt(0x7FFFFF)); // NaN
                default -> rnd.nextInt();
            };
            case F64 -> switch (kind) {
                case 1 -> Double.doubleToRawLongBits(scaled(rnd, 70));
                case 2 -> Double.doubleToRawLongBits((rnd.nextInt(41) - 20) * 0.5);
                case 3 -> 0x7FF0000000000000L | (rnd.nextBoolean() ? Long.MIN_VALUE : 0)
                        | (1 + (rnd.nextLong() & 0xFFFFFFFFFFFFEL)); // NaN
                default -> rnd.nextLong();
            };
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    /** A random double of magnitude up to 2^maxExponent, either sign. */
    private static double scaled(Random rnd, int maxExponent) {
        return (rnd.nextDouble() * 2 - 1) * Math.scalb(1.0, rnd.nextInt(maxExponent));
    }

    private static long[] ints(int... values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    private static long[] floats(int... bits) {
        return ints(bits);
    }

    private static long[] doubles(double... values) {
        Set<Long> out = new LinkedHashSet<>();
        for (double v : values) {
            out.add(Double.doubleToRawLongBits(v));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
