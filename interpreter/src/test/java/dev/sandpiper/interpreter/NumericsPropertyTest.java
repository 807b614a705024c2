package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.F32;
import static dev.sandpiper.decoder.model.ValType.F64;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.code.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Every scalar numeric instruction of WebAssembly 2.0 (opcodes 0x45 to 0xC4, and the eight
 * saturating truncations 0xFC 0 to 7: 136 instructions) against a reference written here in plain
 * Java (integer operators, {@link BigInteger}/{@link BigDecimal} for exact unsigned arithmetic,
 * rounding and conversions, Java's IEEE float operators, {@link Math#sqrt}); nothing from
 * {@code dev.sandpiper.interpreter.numeric}.
 *
 * <p>Each instruction runs in a real module, in one exported function per combination that applies
 * of where its operands come from ({@link Operands}: locals, calls, an integer constant) and what
 * its result feeds ({@link Use}: returned, {@code br_if}, {@code if}). The translator fuses some of
 * these sequences into single ops (a local or constant operand into an i32 operator, a comparison
 * into a branch), so each way an instruction can be lowered is checked.
 *
 * <p>Instructions are grouped by operand types; each try of a group's property runs every
 * instruction of the group, in every shape, on the same operands: each instruction gets the
 * property's tries ({@link #TRIES}) of random values mixed with edge values, and
 * {@link #edgeValueProducts()} runs every instruction on every combination of the edge values.
 *
 * <p>Results are compared bit for bit. A NaN result of an arithmetic float operator is checked
 * against the set the spec allows (spec 2.0, Execution > Numerics > Floating-Point Operations,
 * NaN propagation): canonical (either sign) when every NaN operand is canonical, arithmetic
 * otherwise. The engine's stronger policy, always the positive canonical NaN, is checked separately
 * by {@link #nanResultsAreThePositiveCanonicalNan}.
 */
class NumericsPropertyTest {
    private static final int F32_CANONICAL = 0x7FC00000;
    private static final long F64_CANONICAL = 0x7FF8000000000000L;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    /**
     * Random tries per property, so per instruction. jqwik's own edge cases are off: every
     * combination of this class's edge values runs in {@link #edgeValueProducts()}, and the
     * arbitraries draw edge values often.
     */
    private static final int TRIES = 3000;

    /** The instructions under test, in opcode order. */
    static final List<Opcode> OPS = Arrays.stream(Opcode.values())
            .filter(op -> (op.prefix() == 0 && op.code() >= 0x45 && op.code() <= 0xC4)
                    || (op.prefix() == Opcode.PREFIX_FC && op.code() <= 7))
            .collect(Collectors.toList());

    static final int[] I32_EDGES = {
        0, 1, -1, 2, -2, 7, 31, 32, 33, 63, 64, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1,
        0x55555555, 0xAAAAAAAA, 0x00FF00FF, 0x80000001,
        // binary32 rounding of integer conversions: 2^24 + 1 (a tie), 2^24 + 3, 2^31 - 64, 2^32 - 128 (u32 tie)
        16777217, 16777219, 0x7FFFFFC0, 0xFFFFFF80, 0xFFFFFF7F, 0xFFFFFF81,
    };

    static final long[] I64_EDGES = {
        0, 1, -1, 2, -2, 31, 32, 63, 64, 65, 0x7F, 0x80, 0xFF, 0x8000, 0xFFFF,
        0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0x100000000L, -0x80000000L, -0x80000001L,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1,
        0x5555555555555555L, 0xAAAAAAAAAAAAAAAAL, 0x8000000000000001L,
        // binary64 rounding: 2^53 + 1 (tie), 2^53 + 3; u64 2^63 + 2^10 (tie), + 1, 2^63 + 3*2^10, 2^64 - 2^10
        (1L << 53) + 1, (1L << 53) + 3, 0x8000000000000400L, 0x8000000000000401L, 0x8000000000000C00L,
        0xFFFFFFFFFFFFFC00L, 0xFFFFFFFFFFFFFBFFL,
        // binary32 rounding: 2^62 + 2^38 (tie), + 1; u64 2^63 + 2^39 (tie), + 1; 2^64 - 2^39
        0x4000004000000000L, 0x4000004000000001L, 0x8000008000000000L, 0x8000008000000001L, 0xFFFFFF8000000000L,
    };

    static final int[] F32_EDGES = {
        f(0f), f(-0f), f(1f), f(-1f), f(0.5f), f(-0.5f), f(1.5f), f(-1.5f), f(2.5f), f(-2.5f), f(3.5f), f(-3.5f),
        f(0.49999997f), f(-0.49999997f), f(0.99999994f), f(-0.99999994f), f(1.0000001f),
        0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF, 0x00800000, 0x80800000,   // denormals, smallest normals
        f(Float.MAX_VALUE), f(-Float.MAX_VALUE), f(Float.POSITIVE_INFINITY), f(Float.NEGATIVE_INFINITY),
        0x7FC00000, 0xFFC00000, 0x7FA00001, 0xFFA00001, 0x7F800001, 0xFFC00123, 0x7FFFFFFF, 0xFFFFFFFF,  // NaNs
        f(8388608f), f(8388607.5f), f(8388609f), f(16777216f), f(-8388607.5f),                          // 2^23, 2^24
        // integer conversion boundaries: 2^31, below it, -2^31, below it, 2^32, below it, 2^63, 2^64, ...
        f(2147483648f), f(2147483520f), f(-2147483648f), f(-2147483904f), f(4294967296f), f(4294967040f),
        f(9.223372E18f), f(9.2233715E18f), f(-9.223372E18f), f(-9.223373E18f), f(1.8446744E19f), f(1.8446743E19f),
        f(-1.0000001f), f(1e10f), f(-1e10f), f(123456.789f),
    };

    static final long[] F64_EDGES = {
        d(0.0), d(-0.0), d(1.0), d(-1.0), d(0.5), d(-0.5), d(1.5), d(-1.5), d(2.5), d(-2.5), d(3.5), d(-3.5),
        d(0.49999999999999994), d(-0.49999999999999994), d(Math.nextDown(1.0)), d(Math.nextUp(-1.0)),
        0x0000000000000001L, 0x8000000000000001L, 0x000FFFFFFFFFFFFFL, 0x800FFFFFFFFFFFFFL, 0x0010000000000000L,
        d(Double.MAX_VALUE), d(-Double.MAX_VALUE), d(Double.POSITIVE_INFINITY), d(Double.NEGATIVE_INFINITY),
        0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF4000000000001L, 0xFFF4000000000001L, 0x7FF0000000000001L,
        0xFFF8000000000123L, 0x7FFFFFFFFFFFFFFFL, 0xFFFFFFFFFFFFFFFFL,                                     // NaNs
        d(4503599627370496.0), d(4503599627370495.5), d(-4503599627370495.5), d(9007199254740992.0),   // 2^52, 2^53
        // integer conversion boundaries
        d(2147483647.0), d(2147483647.9999998), d(2147483648.0), d(-2147483648.0), d(-2147483648.9999998),
        d(-2147483649.0), d(4294967295.0), d(4294967295.9999995), d(4294967296.0),
        d(9223372036854775808.0), d(Math.nextDown(9223372036854775808.0)), d(-9223372036854775808.0),
        d(Math.nextDown(-9223372036854775808.0)), d(18446744073709551616.0), d(Math.nextDown(18446744073709551616.0)),
        // binary32 demotion: its largest finite, the halfway point to 2^128 (rounds to infinity), just below it,
        // its smallest denormal, half of it (a tie, rounds to zero), just above half
        d(Float.MAX_VALUE), d(3.4028235677973366E38), d(Math.nextDown(3.4028235677973366E38)),
        d(Float.MIN_VALUE), d(Float.MIN_VALUE / 2.0), d(Math.nextUp(Float.MIN_VALUE / 2.0)), d(1.0 + 0x1p-24),
        d(1e300), d(-1e-300),
    };

    private static int f(float v) {
        return Float.floatToRawIntBits(v);
    }

    private static long d(double v) {
        return Double.doubleToRawLongBits(v);
    }

    /** Where an instruction's operands come from in its test function. */
    enum Operands {
        /** {@code local.get 0, local.get 1}. */
        LOCALS,
        /** {@code local.get 0, call $id, local.get 1, call $id}: a call before the instruction, never fused with it. */
        CALLS,
        /** {@code local.get 0, T.const c}: integer binary operators, {@code c} each of the integer edge values. */
        CONSTANT
    }

    /** What the test function does with the instruction's result. */
    enum Use {
        /** Returns it. */
        VALUE,
        /**
         * A test (comparison or eqz) feeding a branch:
         * {@code (block (result i32) i32.const 1, .., op, br_if 0, drop, i32.const 0)}.
         */
        BR_IF,
        /** A test feeding {@code if (result i32) i32.const 1 else i32.const 0 end}. */
        IF
    }

    /**
     * One test function: an instruction, where its operands come from and what is done with its
     * result (every combination that applies); its constant for {@link Operands#CONSTANT}.
     */
    private record Variant(Opcode op, Operands operands, Use use, long constant, FunctionInstance function) {
        boolean takesConstant() {
            return operands == Operands.CONSTANT;
        }

        ValType resultType() {
            return use == Use.VALUE ? op.push(0) : I32;
        }

        String shape() {
            return operands + "/" + use;
        }
    }

    /** The module of all variants. */
    private static final CompiledModule COMPILED;
    /** The variants without a constant, by instruction. */
    private static final Map<Opcode, List<Variant>> VARIANTS = new EnumMap<>(Opcode.class);
    /** The constant variants, by instruction: one array per use, indexed like the edge values. */
    private static final Map<Opcode, List<Variant[]>> CONST_VARIANTS = new EnumMap<>(Opcode.class);

    /** Comparisons and eqz: their i32 result can feed a branch. */
    private static boolean isTest(Opcode op) {
        return op.text().matches(".*\\.(eqz|eq|ne|lt|gt|le|ge)(_[su])?");
    }

    private static boolean isIntegerBinary(Opcode op) {
        return op.popCount() == 2 && (op.pop(1) == I32 || op.pop(1) == I64);
    }

    private static long[] constantsFor(Opcode op) {
        return op.pop(1) == I32 ? box64(I32_EDGES) : I64_EDGES;
    }

    static {
        ModuleBytes m = ModuleBytes.module();
        Map<String, Integer> typeIndex = new HashMap<>();
        java.util.function.BiFunction<List<ValType>, List<ValType>, Integer> type = (params, results) ->
                typeIndex.computeIfAbsent(params + "->" + results, k -> {
                    m.type(params, results);
                    return typeIndex.size();
                });
        // Functions 0-3: the identity of i32, i64, f32, f64.
        List<ValType> numeric = List.of(I32, I64, F32, F64);
        for (ValType t : numeric) {
            m.function(type.apply(List.of(t), List.of(t)), Code.code().localGet(0).end());
        }
        record Planned(Opcode op, Operands operands, Use use, int k, String name) {}
        List<Planned> planned = new ArrayList<>();
        for (Opcode op : OPS) {
            List<ValType> params = List.of(op.pops());
            List<Operands> sources = new ArrayList<>(List.of(Operands.LOCALS, Operands.CALLS));
            if (isIntegerBinary(op)) {
                sources.add(Operands.CONSTANT);
            }
            List<Use> uses = isTest(op) ? List.of(Use.VALUE, Use.BR_IF, Use.IF) : List.of(Use.VALUE);
            for (Operands source : sources) {
                for (Use use : uses) {
                    long[] constants = source == Operands.CONSTANT ? constantsFor(op) : new long[1];
                    for (int k = 0; k < constants.length; k++) {
                        Code body = Code.code();
                        if (use == Use.BR_IF) {
                            body.block(I32).i32Const(1);
                        }
                        body.localGet(0);
                        if (source == Operands.CALLS) {
                            body.call(numeric.indexOf(params.get(0)));
                        }
                        if (params.size() == 2) {
                            if (source == Operands.CONSTANT && params.get(1) == I32) {
                                body.i32Const((int) constants[k]);
                            } else if (source == Operands.CONSTANT) {
                                body.i64Const(constants[k]);
                            } else {
                                body.localGet(1);
                                if (source == Operands.CALLS) {
                                    body.call(numeric.indexOf(params.get(1)));
                                }
                            }
                        }
                        body.op(op);
                        if (use == Use.BR_IF) {
                            body.brIf(0).drop().i32Const(0).end();
                        } else if (use == Use.IF) {
                            body.if_(I32).i32Const(1).else_().i32Const(0).end();
                        }
                        List<ValType> taken = source == Operands.CONSTANT ? params.subList(0, 1) : params;
                        m.function(type.apply(taken, List.of(use == Use.VALUE ? op.push(0) : I32)), body.end());
                        String name = op.text() + "/" + source + "/" + use
                                + (source == Operands.CONSTANT ? "/" + k : "");
                        m.export(name, ExternKind.FUNC, numeric.size() + planned.size());
                        planned.add(new Planned(op, source, use, source == Operands.CONSTANT ? k : -1, name));
                    }
                }
            }
        }
        Instance instance = Wasm.instantiate(m);
        COMPILED = instance.module();
        for (Planned p : planned) {
            FunctionInstance f = instance.function(p.name());
            if (p.k() < 0) {
                VARIANTS.computeIfAbsent(p.op(), o -> new ArrayList<>())
                        .add(new Variant(p.op(), p.operands(), p.use(), 0, f));
            } else {
                long[] constants = constantsFor(p.op());
                List<Variant[]> arrays = CONST_VARIANTS.computeIfAbsent(p.op(), o -> new ArrayList<>());
                if (p.k() == 0) {
                    arrays.add(new Variant[constants.length]);
                }
                arrays.get(arrays.size() - 1)[p.k()] = new Variant(p.op(), p.operands(), p.use(), constants[p.k()], f);
            }
        }
    }

    private static long[] box64(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    private static List<Opcode> opsTaking(ValType... params) {
        return OPS.stream().filter(op -> Arrays.equals(op.pops(), params)).collect(Collectors.toList());
    }

    static final List<Opcode> I32_UNARY = opsTaking(I32);
    static final List<Opcode> I32_BINARY = opsTaking(I32, I32);
    static final List<Opcode> I64_UNARY = opsTaking(I64);
    static final List<Opcode> I64_BINARY = opsTaking(I64, I64);
    static final List<Opcode> F32_UNARY = opsTaking(F32);
    static final List<Opcode> F32_BINARY = opsTaking(F32, F32);
    static final List<Opcode> F64_UNARY = opsTaking(F64);
    static final List<Opcode> F64_BINARY = opsTaking(F64, F64);

    @Example
    void theGroupsCoverEveryNumericInstructionOnce() {
        List<Opcode> all = new ArrayList<>();
        for (List<Opcode> g : List.of(I32_UNARY, I32_BINARY, I64_UNARY, I64_BINARY, F32_UNARY, F32_BINARY, F64_UNARY,
                F64_BINARY)) {
            all.addAll(g);
        }
        all.sort(null);
        assertEquals(OPS, all);
        assertEquals(128 + 8, OPS.size());
    }

    /**
     * The variants reach every op the translator emits for numeric instructions: each register-form
     * numeric op (slot or constant operands), the stack-form {@link Op#NUMERIC} for the rest, and
     * each compare-and-branch op (slot or constant operand). A new op without a variant reaching it
     * fails here.
     */
    @Example
    void theVariantsReachEveryNumericAndFusedOp() {
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int f = 0; f < COMPILED.module().definedFunctionCount(); f++) {
            int[] code = COMPILED.code(f).code();
            for (int pc = 0; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
                seen.add(code[pc]);
            }
        }
        List<Integer> expected = new ArrayList<>();
        expected.add(Op.NUMERIC);
        for (int op = Op.BR_IF_EQ; op <= Op.BR_IF_GE_U_C; op++) {
            expected.add(op);
        }
        for (int op = Op.I32_EQZ; op <= Op.F64_GE; op++) {
            expected.add(op);
        }
        List<String> missing = new ArrayList<>();
        for (int op : expected) {
            if (!seen.contains(op)) {
                missing.add(Op.name(op));
            }
        }
        assertEquals(List.of(), missing);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void i32Unary(@ForAll("i32s") int a) {
        for (Opcode op : I32_UNARY) {
            checkAll(op, 0, false, a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void i32Binary(@ForAll("i32s") int a, @ForAll("i32s") int b, @ForAll @IntRange(min = 0, max = 9999) int k) {
        for (Opcode op : I32_BINARY) {
            checkAll(op, k, false, a, b);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void i64Unary(@ForAll("i64s") long a) {
        for (Opcode op : I64_UNARY) {
            checkAll(op, 0, false, a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void i64Binary(@ForAll("i64s") long a, @ForAll("i64s") long b, @ForAll @IntRange(min = 0, max = 9999) int k) {
        for (Opcode op : I64_BINARY) {
            checkAll(op, k, false, a, b);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void f32Unary(@ForAll("f32s") int a) {
        for (Opcode op : F32_UNARY) {
            checkAll(op, 0, false, a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void f32Binary(@ForAll("f32s") int a, @ForAll("f32s") int b) {
        for (Opcode op : F32_BINARY) {
            checkAll(op, 0, false, a, b);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void f64Unary(@ForAll("f64s") long a) {
        for (Opcode op : F64_UNARY) {
            checkAll(op, 0, false, a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void f64Binary(@ForAll("f64s") long a, @ForAll("f64s") long b) {
        for (Opcode op : F64_BINARY) {
            checkAll(op, 0, false, a, b);
        }
    }

    /** Every instruction, in every shape, on every edge value or pair of them. */
    @Example
    void edgeValueProducts() {
        checkEdges(I32_UNARY, I32_BINARY, box64(I32_EDGES));
        checkEdges(I64_UNARY, I64_BINARY, I64_EDGES);
        checkEdges(F32_UNARY, F32_BINARY, box64(F32_EDGES));
        checkEdges(F64_UNARY, F64_BINARY, F64_EDGES);
    }

    private static void checkEdges(List<Opcode> unary, List<Opcode> binary, long[] edges) {
        for (long a : edges) {
            for (Opcode op : unary) {
                checkAll(op, 0, false, a);
            }
            for (Opcode op : binary) {
                for (long b : edges) {
                    Expected expected = reference(op, new long[] {a, b});
                    for (Variant v : VARIANTS.get(op)) {
                        check(v, false, expected, a, b);
                    }
                }
                for (Variant[] byConstant : CONST_VARIANTS.getOrDefault(op, List.of())) {
                    for (Variant v : byConstant) {
                        check(v, false, a, v.constant());
                    }
                }
            }
        }
    }

    /**
     * The engine's documented NaN policy, stronger than the spec: every float operator that yields a
     * NaN yields the positive canonical NaN, whatever the operands' payloads and signs; the bit
     * operators (abs, neg, copysign, reinterpret) keep payloads exactly (checked by the exact
     * comparison).
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void nanResultsAreThePositiveCanonicalNan(@ForAll("nanProneF32s") int a, @ForAll("nanProneF32s") int b,
            @ForAll("nanProneF64s") long c, @ForAll("nanProneF64s") long d) {
        F32_UNARY.forEach(op -> checkAll(op, 0, true, a));
        F32_BINARY.forEach(op -> checkAll(op, 0, true, a, b));
        F64_UNARY.forEach(op -> checkAll(op, 0, true, c));
        F64_BINARY.forEach(op -> checkAll(op, 0, true, c, d));
    }

    @Example
    void policyExamples() {
        int f32Snan = 0x7FA00001;
        int f32NegPayload = 0xFFC00123;
        // Spec-wise, an arithmetic NaN of either sign would do here; the policy pins +canonical.
        assertEquals(F32_CANONICAL, (int) stack(Opcode.F32_ADD).call(f32Snan, 0)[0]);
        assertEquals(F32_CANONICAL, (int) stack(Opcode.F32_SQRT).call(f32NegPayload)[0]);
        assertEquals(F32_CANONICAL, (int) stack(Opcode.F32_DEMOTE_F64).call(0xFFF8000000000123L)[0]);
        assertEquals(F64_CANONICAL, stack(Opcode.F64_PROMOTE_F32).call(f32NegPayload)[0]);
        assertEquals(F64_CANONICAL, stack(Opcode.F64_MIN).call(0xFFF4000000000001L, 0x7FF0000000000000L)[0]);
        // Bit operators keep the payload.
        assertEquals(f32Snan ^ 0x80000000, (int) stack(Opcode.F32_NEG).call(f32Snan)[0]);
        assertEquals(0x7FC00123, (int) stack(Opcode.F32_ABS).call(f32NegPayload)[0]);
        assertEquals(f32NegPayload, (int) stack(Opcode.F32_COPYSIGN).call(0x7FC00123, 0x80000000)[0]);
        assertEquals(0x7FF4000000000001L, stack(Opcode.F64_REINTERPRET_I64).call(0x7FF4000000000001L)[0]);
    }

    // ------------------------------------------------------------------ running and comparing

    /** The function with {@code op} straight from locals. */
    private static FunctionInstance stack(Opcode op) {
        return VARIANTS.get(op).get(0).function();
    }

    /**
     * Checks {@code op} in every shape on the operands; a constant shape uses its constant number
     * {@code k} (modulo their count) as the second operand.
     */
    private static void checkAll(Opcode op, int k, boolean policy, long... operands) {
        Expected expected = reference(op, operands);
        for (Variant v : VARIANTS.get(op)) {
            check(v, policy, expected, operands);
        }
        for (Variant[] byConstant : CONST_VARIANTS.getOrDefault(op, List.of())) {
            Variant v = byConstant[k % byConstant.length];
            check(v, policy, operands[0], v.constant());
        }
    }

    /**
     * Runs a variant on the operands (raw bits; i32/f32 sign-extended) and compares with the
     * reference: the same trap kind, or the same result bits, or a NaN from the set the spec allows
     * ({@code policy}: exactly the positive canonical NaN).
     */
    private static void check(Variant v, boolean policy, long... operands) {
        check(v, policy, reference(v.op(), operands), operands);
    }

    private static void check(Variant v, boolean policy, Expected expected, long... operands) {
        Opcode op = v.op();
        ValType[] params = op.pops();
        ValType rt = v.resultType();
        // Messages are built only on failure: formatting dominates the cost otherwise.
        Supplier<String> where = () -> op.text() + describe(params, operands) + " as " + v.shape();
        long result;
        try {
            result = v.function().call(v.takesConstant() ? new long[] {operands[0]} : operands)[0];
        } catch (TrapException trap) {
            if (expected.trap == null) {
                fail(where.get() + " trapped (" + trap.getMessage() + "), expected " + show(rt, expected.bits));
            }
            if (expected.trap != trap.kind() || !trap.getMessage().startsWith(expected.trap.message())) {
                fail(where.get() + " trapped with \"" + trap.getMessage() + "\", expected " + expected.trap);
            }
            return;
        }
        if (expected.trap != null) {
            fail(where.get() + " returned " + show(rt, result) + ", expected a trap: " + expected.trap.message());
        }
        long actual = narrow(rt, result);
        if (!expected.nan) {
            if (actual != expected.bits) {
                assertEquals(show(rt, expected.bits), show(rt, actual), where);
            }
            return;
        }
        // The spec's set: canonical NaNs (either sign) if every NaN operand is canonical, else arithmetic NaNs.
        boolean allCanonical = true;
        for (int i = 0; i < params.length; i++) {
            if (isNaN(params[i], operands[i]) && !isCanonicalNaN(params[i], operands[i])) {
                allCanonical = false;
            }
        }
        if (allCanonical && !isCanonicalNaN(rt, actual)) {
            fail(where.get() + " = " + show(rt, actual) + ": spec requires a canonical NaN");
        }
        if (!allCanonical && !isArithmeticNaN(rt, actual)) {
            fail(where.get() + " = " + show(rt, actual) + ": spec requires an arithmetic NaN");
        }
        long canonical = rt == F32 ? F32_CANONICAL & 0xFFFFFFFFL : F64_CANONICAL;
        if (policy && actual != canonical) {
            assertEquals(show(rt, canonical), show(rt, actual),
                    () -> where.get() + ": NaN policy is the positive canonical NaN");
        }
    }

    private static long narrow(ValType t, long bits) {
        return t == I32 || t == F32 ? bits & 0xFFFFFFFFL : bits;
    }

    private static boolean isNaN(ValType t, long bits) {
        return t == F32 ? Float.isNaN(Float.intBitsToFloat((int) bits))
                : t == F64 && Double.isNaN(Double.longBitsToDouble(bits));
    }

    private static boolean isCanonicalNaN(ValType t, long bits) {
        return t == F32 ? ((int) bits & 0x7FFFFFFF) == F32_CANONICAL : (bits & Long.MAX_VALUE) == F64_CANONICAL;
    }

    /** Exponent all ones and the most significant fraction bit set (spec: an arithmetic NaN). */
    private static boolean isArithmeticNaN(ValType t, long bits) {
        return t == F32 ? ((int) bits & F32_CANONICAL) == F32_CANONICAL : (bits & F64_CANONICAL) == F64_CANONICAL;
    }

    private static String describe(ValType[] params, long[] operands) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < operands.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(show(params[i], operands[i]));
        }
        return sb.append(')').toString();
    }

    private static String show(ValType t, long bits) {
        return switch (t.kind()) {
            case I32 -> String.format("i32 0x%08X (%d)", (int) bits, (int) bits);
            case I64 -> String.format("i64 0x%016X (%d)", bits, bits);
            case F32 -> String.format("f32 0x%08X (%s)", (int) bits, Float.intBitsToFloat((int) bits));
            case F64 -> String.format("f64 0x%016X (%s)", bits, Double.longBitsToDouble(bits));
            default -> t + " " + bits;
        };
    }

    // ------------------------------------------------------------------ the reference

    /** What an instruction must do: trap, or produce {@code bits}, or (with {@code nan}) an allowed NaN. */
    private record Expected(long bits, boolean nan, TrapKind trap) {
        static Expected bits(long bits) {
            return new Expected(bits, false, null);
        }

        static Expected i32(int v) {
            return bits(v & 0xFFFFFFFFL);
        }

        static Expected i64(long v) {
            return bits(v);
        }

        static Expected bool(boolean b) {
            return bits(b ? 1 : 0);
        }

        /** The result of an arithmetic operator: its bits, or any NaN the spec allows. */
        static Expected f32(float v) {
            return Float.isNaN(v) ? new Expected(0, true, null) : bits(Float.floatToRawIntBits(v) & 0xFFFFFFFFL);
        }

        static Expected f64(double v) {
            return Double.isNaN(v) ? new Expected(0, true, null) : bits(Double.doubleToRawLongBits(v));
        }

        static Expected trap(TrapKind kind) {
            return new Expected(0, false, kind);
        }
    }

    private static Expected reference(Opcode op, long[] x) {
        int a32 = (int) x[0];
        int b32 = x.length > 1 ? (int) x[1] : 0;
        long a64 = x[0];
        long b64 = x.length > 1 ? x[1] : 0;
        float af = Float.intBitsToFloat(a32);
        float bf = Float.intBitsToFloat(b32);
        double ad = Double.longBitsToDouble(a64);
        double bd = Double.longBitsToDouble(b64);
        long ua = a32 & 0xFFFFFFFFL;
        long ub = b32 & 0xFFFFFFFFL;
        BigInteger uA = op.pop(0) == I64 ? unsigned(a64) : null;
        BigInteger uB = x.length > 1 && op.pop(1) == I64 ? unsigned(b64) : null;
        return switch (op) {
            // ---- i32 ----
            case I32_EQZ -> Expected.bool(a32 == 0);
            case I32_EQ -> Expected.bool(a32 == b32);
            case I32_NE -> Expected.bool(a32 != b32);
            case I32_LT_S -> Expected.bool(a32 < b32);
            case I32_LT_U -> Expected.bool(ua < ub);
            case I32_GT_S -> Expected.bool(a32 > b32);
            case I32_GT_U -> Expected.bool(ua > ub);
            case I32_LE_S -> Expected.bool(a32 <= b32);
            case I32_LE_U -> Expected.bool(ua <= ub);
            case I32_GE_S -> Expected.bool(a32 >= b32);
            case I32_GE_U -> Expected.bool(ua >= ub);
            case I32_CLZ -> Expected.i32(leadingZeros(ua, 32));
            case I32_CTZ -> Expected.i32(trailingZeros(ua, 32));
            case I32_POPCNT -> Expected.i32(ones(ua, 32));
            case I32_ADD -> Expected.i32((int) ((long) a32 + b32));
            case I32_SUB -> Expected.i32((int) ((long) a32 - b32));
            case I32_MUL -> Expected.i32((int) ((long) a32 * b32));
            case I32_DIV_S -> b32 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO)
                    : (long) a32 / b32 > Integer.MAX_VALUE ? Expected.trap(TrapKind.INTEGER_OVERFLOW)
                    : Expected.i32((int) ((long) a32 / b32));
            case I32_DIV_U -> b32 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO) : Expected.i32((int) (ua / ub));
            case I32_REM_S -> b32 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO)
                    : Expected.i32((int) ((long) a32 % b32));
            case I32_REM_U -> b32 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO) : Expected.i32((int) (ua % ub));
            case I32_AND -> Expected.i32(a32 & b32);
            case I32_OR -> Expected.i32(a32 | b32);
            case I32_XOR -> Expected.i32(a32 ^ b32);
            case I32_SHL -> Expected.i32((int) (ua << (ub % 32)));
            case I32_SHR_S -> Expected.i32((int) ((long) a32 >> (ub % 32)));
            case I32_SHR_U -> Expected.i32((int) (ua >>> (ub % 32)));
            case I32_ROTL -> Expected.i32((int) rotateLeft(ua, (int) (ub % 32), 32));
            case I32_ROTR -> Expected.i32((int) rotateLeft(ua, (int) ((32 - ub % 32) % 32), 32));
            case I32_EXTEND8_S -> Expected.i32(signExtend(a64, 8).intValue());
            case I32_EXTEND16_S -> Expected.i32(signExtend(a64, 16).intValue());

            // ---- i64 ----
            case I64_EQZ -> Expected.bool(a64 == 0);
            case I64_EQ -> Expected.bool(a64 == b64);
            case I64_NE -> Expected.bool(a64 != b64);
            case I64_LT_S -> Expected.bool(a64 < b64);
            case I64_LT_U -> Expected.bool(uA.compareTo(uB) < 0);
            case I64_GT_S -> Expected.bool(a64 > b64);
            case I64_GT_U -> Expected.bool(uA.compareTo(uB) > 0);
            case I64_LE_S -> Expected.bool(a64 <= b64);
            case I64_LE_U -> Expected.bool(uA.compareTo(uB) <= 0);
            case I64_GE_S -> Expected.bool(a64 >= b64);
            case I64_GE_U -> Expected.bool(uA.compareTo(uB) >= 0);
            case I64_CLZ -> Expected.i64(64 - uA.bitLength());
            case I64_CTZ -> Expected.i64(a64 == 0 ? 64 : uA.getLowestSetBit());
            case I64_POPCNT -> Expected.i64(uA.bitCount());
            case I64_ADD -> Expected.i64(uA.add(uB).longValue());
            case I64_SUB -> Expected.i64(uA.subtract(uB).longValue());
            case I64_MUL -> Expected.i64(uA.multiply(uB).longValue());
            case I64_DIV_S -> {
                if (b64 == 0) {
                    yield Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO);
                }
                BigInteger q = BigInteger.valueOf(a64).divide(BigInteger.valueOf(b64)); // truncates toward zero
                yield q.bitLength() > 63 ? Expected.trap(TrapKind.INTEGER_OVERFLOW) : Expected.i64(q.longValue());
            }
            case I64_DIV_U -> b64 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO)
                    : Expected.i64(uA.divide(uB).longValue());
            case I64_REM_S -> b64 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO)
                    : Expected.i64(BigInteger.valueOf(a64).remainder(BigInteger.valueOf(b64)).longValue());
            case I64_REM_U -> b64 == 0 ? Expected.trap(TrapKind.INTEGER_DIVIDE_BY_ZERO)
                    : Expected.i64(uA.remainder(uB).longValue());
            case I64_AND -> Expected.i64(a64 & b64);
            case I64_OR -> Expected.i64(a64 | b64);
            case I64_XOR -> Expected.i64(a64 ^ b64);
            case I64_SHL -> Expected.i64(uA.shiftLeft(shiftCount64(uB)).longValue());
            case I64_SHR_S -> Expected.i64(BigInteger.valueOf(a64).shiftRight(shiftCount64(uB)).longValue());
            case I64_SHR_U -> Expected.i64(uA.shiftRight(shiftCount64(uB)).longValue());
            case I64_ROTL -> Expected.i64(rotateLeft(a64, shiftCount64(uB), 64));
            case I64_ROTR -> Expected.i64(rotateLeft(a64, (64 - shiftCount64(uB)) % 64, 64));
            case I64_EXTEND8_S -> Expected.i64(signExtend(a64, 8).longValue());
            case I64_EXTEND16_S -> Expected.i64(signExtend(a64, 16).longValue());
            case I64_EXTEND32_S -> Expected.i64(signExtend(a64, 32).longValue());

            // ---- f32 (Java's float operators are IEEE 754 binary32, round to nearest even) ----
            case F32_EQ -> Expected.bool(af == bf);
            case F32_NE -> Expected.bool(af != bf);
            case F32_LT -> Expected.bool(af < bf);
            case F32_GT -> Expected.bool(af > bf);
            case F32_LE -> Expected.bool(af <= bf);
            case F32_GE -> Expected.bool(af >= bf);
            case F32_ABS -> Expected.i32(a32 & 0x7FFFFFFF);
            case F32_NEG -> Expected.i32(a32 ^ 0x80000000);
            case F32_COPYSIGN -> Expected.i32((a32 & 0x7FFFFFFF) | (b32 & 0x80000000));
            case F32_CEIL -> Expected.f32((float) roundToIntegral(af, RoundingMode.CEILING));
            case F32_FLOOR -> Expected.f32((float) roundToIntegral(af, RoundingMode.FLOOR));
            case F32_TRUNC -> Expected.f32((float) roundToIntegral(af, RoundingMode.DOWN));
            case F32_NEAREST -> Expected.f32((float) roundToIntegral(af, RoundingMode.HALF_EVEN));
            // The double square root is correctly rounded, and binary64 has more than 2*24+2 bits, so
            // rounding it to binary32 gives the correctly rounded binary32 root.
            case F32_SQRT -> Expected.f32((float) Math.sqrt(af));
            case F32_ADD -> Expected.f32(af + bf);
            case F32_SUB -> Expected.f32(af - bf);
            case F32_MUL -> Expected.f32(af * bf);
            case F32_DIV -> Expected.f32(af / bf);
            case F32_MIN -> Expected.f32((float) min(af, bf));
            case F32_MAX -> Expected.f32((float) max(af, bf));

            // ---- f64 ----
            case F64_EQ -> Expected.bool(ad == bd);
            case F64_NE -> Expected.bool(ad != bd);
            case F64_LT -> Expected.bool(ad < bd);
            case F64_GT -> Expected.bool(ad > bd);
            case F64_LE -> Expected.bool(ad <= bd);
            case F64_GE -> Expected.bool(ad >= bd);
            case F64_ABS -> Expected.i64(a64 & Long.MAX_VALUE);
            case F64_NEG -> Expected.i64(a64 ^ Long.MIN_VALUE);
            case F64_COPYSIGN -> Expected.i64((a64 & Long.MAX_VALUE) | (b64 & Long.MIN_VALUE));
            case F64_CEIL -> Expected.f64(roundToIntegral(ad, RoundingMode.CEILING));
            case F64_FLOOR -> Expected.f64(roundToIntegral(ad, RoundingMode.FLOOR));
            case F64_TRUNC -> Expected.f64(roundToIntegral(ad, RoundingMode.DOWN));
            case F64_NEAREST -> Expected.f64(roundToIntegral(ad, RoundingMode.HALF_EVEN));
            case F64_SQRT -> Expected.f64(Math.sqrt(ad));
            case F64_ADD -> Expected.f64(ad + bd);
            case F64_SUB -> Expected.f64(ad - bd);
            case F64_MUL -> Expected.f64(ad * bd);
            case F64_DIV -> Expected.f64(ad / bd);
            case F64_MIN -> Expected.f64(min(ad, bd));
            case F64_MAX -> Expected.f64(max(ad, bd));

            // ---- conversions ----
            case I32_WRAP_I64 -> Expected.i32(uA.intValue());
            case I64_EXTEND_I32_S -> Expected.i64(signExtend(a64, 32).longValue());
            case I64_EXTEND_I32_U -> Expected.i64(ua);
            case I32_TRUNC_F32_S, I32_TRUNC_F64_S -> truncate(op == Opcode.I32_TRUNC_F32_S ? af : ad, 32, true, false);
            case I32_TRUNC_F32_U, I32_TRUNC_F64_U -> truncate(op == Opcode.I32_TRUNC_F32_U ? af : ad, 32, false, false);
            case I64_TRUNC_F32_S, I64_TRUNC_F64_S -> truncate(op == Opcode.I64_TRUNC_F32_S ? af : ad, 64, true, false);
            case I64_TRUNC_F32_U, I64_TRUNC_F64_U -> truncate(op == Opcode.I64_TRUNC_F32_U ? af : ad, 64, false, false);
            case I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F64_S ->
                    truncate(op == Opcode.I32_TRUNC_SAT_F32_S ? af : ad, 32, true, true);
            case I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_U ->
                    truncate(op == Opcode.I32_TRUNC_SAT_F32_U ? af : ad, 32, false, true);
            case I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F64_S ->
                    truncate(op == Opcode.I64_TRUNC_SAT_F32_S ? af : ad, 64, true, true);
            case I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_U ->
                    truncate(op == Opcode.I64_TRUNC_SAT_F32_U ? af : ad, 64, false, true);
            // BigInteger's float and double conversions round to nearest, ties to even.
            case F32_CONVERT_I32_S -> Expected.f32(BigInteger.valueOf(a32).floatValue());
            case F32_CONVERT_I32_U -> Expected.f32(BigInteger.valueOf(ua).floatValue());
            case F32_CONVERT_I64_S -> Expected.f32(BigInteger.valueOf(a64).floatValue());
            case F32_CONVERT_I64_U -> Expected.f32(uA.floatValue());
            case F64_CONVERT_I32_S -> Expected.f64(BigInteger.valueOf(a32).doubleValue());
            case F64_CONVERT_I32_U -> Expected.f64(BigInteger.valueOf(ua).doubleValue());
            case F64_CONVERT_I64_S -> Expected.f64(BigInteger.valueOf(a64).doubleValue());
            case F64_CONVERT_I64_U -> Expected.f64(uA.doubleValue());
            case F32_DEMOTE_F64 -> Expected.f32(demote(ad));
            case F64_PROMOTE_F32 -> Expected.f64(af);
            case I32_REINTERPRET_F32, F32_REINTERPRET_I32 -> Expected.i32(a32);
            case I64_REINTERPRET_F64, F64_REINTERPRET_I64 -> Expected.i64(a64);
            default -> throw new AssertionError("no reference for " + op);
        };
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v < 0 ? b.add(TWO_64) : b;
    }

    private static int shiftCount64(BigInteger count) {
        return count.mod(BigInteger.valueOf(64)).intValue();
    }

    /** The low {@code bits} bits of {@code v} as a signed number. */
    private static BigInteger signExtend(long v, int bits) {
        BigInteger low = unsigned(v).mod(BigInteger.ONE.shiftLeft(bits));
        return low.testBit(bits - 1) ? low.subtract(BigInteger.ONE.shiftLeft(bits)) : low;
    }

    private static int leadingZeros(long v, int width) {
        int n = 0;
        for (int bit = width - 1; bit >= 0 && (v >>> bit & 1) == 0; bit--) {
            n++;
        }
        return n;
    }

    private static int trailingZeros(long v, int width) {
        int n = 0;
        for (int bit = 0; bit < width && (v >>> bit & 1) == 0; bit++) {
            n++;
        }
        return n;
    }

    private static int ones(long v, int width) {
        int n = 0;
        for (int bit = 0; bit < width; bit++) {
            n += (int) (v >>> bit & 1);
        }
        return n;
    }

    /** Rotates the low {@code width} bits of {@code v} left by {@code k}, bit by bit. */
    private static long rotateLeft(long v, int k, int width) {
        long out = 0;
        for (int bit = 0; bit < width; bit++) {
            if ((v >>> bit & 1) != 0) {
                out |= 1L << ((bit + k) % width);
            }
        }
        return out;
    }

    /**
     * The spec's fceil, ffloor, ftrunc and fnearest: NaN stays NaN, infinities and zeros are
     * unchanged, and an integral result of zero keeps the operand's sign. Exact in {@link BigDecimal}.
     */
    private static double roundToIntegral(double v, RoundingMode mode) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0 || Math.abs(v) >= 0x1p52) {
            return v; // from 2^52 up every double is an integer
        }
        if (Math.abs(v) < 1) { // the result is a zero or a one of v's sign (BigDecimal would be slow on tiny v)
            boolean away = switch (mode) {
                case CEILING -> v > 0;
                case FLOOR -> v < 0;
                case HALF_EVEN -> Math.abs(v) > 0.5;
                default -> false;
            };
            return away ? Math.copySign(1.0, v) : Math.copySign(0.0, v);
        }
        BigDecimal r = new BigDecimal(v).setScale(0, mode);
        if (r.signum() == 0) {
            return v < 0 ? -0.0 : 0.0;
        }
        return r.doubleValue(); // exact: an integer no larger in magnitude than a representable one above it
    }

    /** The spec's fmin: NaN if either is; -0 below +0. */
    private static double min(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a == 0 && b == 0) {
            return (Double.doubleToRawLongBits(a) | Double.doubleToRawLongBits(b)) < 0 ? -0.0 : 0.0;
        }
        return a < b ? a : b;
    }

    /** The spec's fmax: NaN if either is; +0 above -0. */
    private static double max(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        if (a == 0 && b == 0) {
            return (Double.doubleToRawLongBits(a) & Double.doubleToRawLongBits(b)) < 0 ? -0.0 : 0.0;
        }
        return a > b ? a : b;
    }

    /** The spec's demote: the nearest binary32, ties to even; overflow to infinity. */
    private static float demote(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return (float) v;
        }
        if (Math.abs(v) < 0x1p-150) {
            return v < 0 ? -0.0f : 0.0f; // below half the smallest denormal
        }
        if (Math.abs(v) >= 0x1p129) {
            return v < 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        float r = new BigDecimal(v).floatValue(); // correctly rounded (exact decimal, parsed)
        return r == 0 ? (v < 0 ? -0.0f : 0.0f) : r;
    }

    /**
     * The spec's trunc (trapping: NaN is an invalid conversion, out of range an overflow) and
     * trunc_sat (NaN is 0, out of range clamps), computed exactly.
     */
    private static Expected truncate(double v, int bits, boolean signed, boolean saturating) {
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits))
                .subtract(BigInteger.ONE);
        BigInteger r;
        if (Double.isNaN(v)) {
            if (!saturating) {
                return Expected.trap(TrapKind.INVALID_CONVERSION);
            }
            r = BigInteger.ZERO;
        } else if (Double.isInfinite(v)) {
            if (!saturating) {
                return Expected.trap(TrapKind.INTEGER_OVERFLOW);
            }
            r = v > 0 ? max : min;
        } else {
            // Below 1 in magnitude the truncation is 0; from 2^64 up it fits no target (fast paths).
            if (Math.abs(v) < 1) {
                r = BigInteger.ZERO;
            } else if (Math.abs(v) >= 0x1p64) {
                r = v > 0 ? TWO_64 : TWO_64.negate();
            } else {
                r = new BigDecimal(v).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            }
            if (r.compareTo(min) < 0 || r.compareTo(max) > 0) {
                if (!saturating) {
                    return Expected.trap(TrapKind.INTEGER_OVERFLOW);
                }
                r = r.signum() < 0 ? min : max;
            }
        }
        return bits == 32 ? Expected.i32(r.intValue()) : Expected.i64(r.longValue());
    }

    // ------------------------------------------------------------------ inputs

    @Provide
    Arbitrary<Integer> i32s() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().withDistribution(RandomDistribution.uniform())),
                Tuple.of(2, Arbitraries.of(box(I32_EDGES))),
                Tuple.of(2, Arbitraries.integers().between(-300, 300)),
                // powers of two, and near-ties of binary32 rounding: mantissa, then a half bit, then +-1
                Tuple.of(1, Arbitraries.integers().between(0, 31).flatMap(k ->
                        Arbitraries.integers().between(-2, 2).map(delta -> (1 << k) + delta))),
                Tuple.of(1, Arbitraries.integers().between(1, 8).flatMap(s -> Arbitraries.integers()
                        .between(0, (1 << 24) - 1).flatMap(m -> Arbitraries.integers().between(-1, 1)
                                .map(delta -> (m << s) + (1 << (s - 1)) + delta)))));
    }

    @Provide
    Arbitrary<Long> i64s() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().withDistribution(RandomDistribution.uniform())),
                Tuple.of(2, Arbitraries.of(box(I64_EDGES))),
                Tuple.of(2, Arbitraries.longs().between(-300, 300)),
                Tuple.of(1, Arbitraries.integers().between(0, 63).flatMap(k ->
                        Arbitraries.longs().between(-2, 2).map(delta -> (1L << k) + delta))),
                // near-ties of binary32 (24-bit) and binary64 (53-bit) rounding
                Tuple.of(1, Arbitraries.integers().between(1, 40).flatMap(s -> Arbitraries.longs()
                        .between(1L << 23, (1L << 24) - 1).flatMap(m -> Arbitraries.longs().between(-1, 1)
                                .map(delta -> (m << s) + (1L << (s - 1)) + delta)))),
                Tuple.of(1, Arbitraries.integers().between(1, 11).flatMap(s -> Arbitraries.longs()
                        .between(1L << 52, (1L << 53) - 1).flatMap(m -> Arbitraries.longs().between(-1, 1)
                                .map(delta -> (m << s) + (1L << (s - 1)) + delta)))));
    }

    @Provide
    Arbitrary<Integer> f32s() {
        Arbitrary<Integer> sign = Arbitraries.of(0, 0x80000000);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().withDistribution(RandomDistribution.uniform())),   // any bits
                Tuple.of(2, Arbitraries.of(box(F32_EDGES))),
                // quarters in [-1024, 1024]: integers, halves (ties for nearest) and others
                Tuple.of(2, Arbitraries.integers().between(-4096, 4096).map(k -> f(k / 4f))),
                // magnitudes 2^-2 .. 2^66 with random mantissas: rounding and integer-conversion ranges
                Tuple.of(2, FloatBits.f32(sign, Arbitraries.integers().between(125, 193),
                        Arbitraries.integers().between(0, 0x7FFFFF))),
                // denormals and NaNs with random payloads
                Tuple.of(1, FloatBits.f32(sign, Arbitraries.of(0, 255),
                        Arbitraries.integers().between(1, 0x7FFFFF))));
    }

    @Provide
    Arbitrary<Long> f64s() {
        Arbitrary<Long> sign = Arbitraries.of(0L, Long.MIN_VALUE);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().withDistribution(RandomDistribution.uniform())),
                Tuple.of(2, Arbitraries.of(box(F64_EDGES))),
                Tuple.of(2, Arbitraries.integers().between(-4096, 4096).map(k -> d(k / 4.0))),
                // magnitudes 2^-2 .. 2^66, and around the binary32 range (demotion)
                Tuple.of(2, FloatBits.f64(sign, Arbitraries.longs().between(1021, 1089),
                        Arbitraries.longs().between(0, (1L << 52) - 1))),
                Tuple.of(1, FloatBits.f64(sign, Arbitraries.longs().between(1023 - 152, 1023 + 130),
                        Arbitraries.longs().between(0, (1L << 52) - 1))),
                Tuple.of(1, FloatBits.f64(sign, Arbitraries.of(0L, 2047L),
                        Arbitraries.longs().between(1, (1L << 52) - 1))));
    }

    /** Operands that make float operators produce NaNs: NaNs of any payload and sign, infinities, zeros, negatives. */
    @Provide
    Arbitrary<Integer> nanProneF32s() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, FloatBits.f32(Arbitraries.of(0, 0x80000000), Arbitraries.just(255),
                        Arbitraries.integers().between(1, 0x7FFFFF))),
                Tuple.of(2, Arbitraries.of(f(0f), f(-0f), f(Float.POSITIVE_INFINITY), f(Float.NEGATIVE_INFINITY),
                        f(-1f), f(-2.5f), f(3f))),
                Tuple.of(1, f32s()));
    }

    @Provide
    Arbitrary<Long> nanProneF64s() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, FloatBits.f64(Arbitraries.of(0L, Long.MIN_VALUE), Arbitraries.just(2047L),
                        Arbitraries.longs().between(1, (1L << 52) - 1))),
                Tuple.of(2, Arbitraries.of(d(0.0), d(-0.0), d(Double.POSITIVE_INFINITY), d(Double.NEGATIVE_INFINITY),
                        d(-1.0), d(-2.5), d(3.0))),
                Tuple.of(1, f64s()));
    }

    /** Assembles floats from sign, biased exponent and fraction arbitraries. */
    private static final class FloatBits {
        static Arbitrary<Integer> f32(Arbitrary<Integer> sign, Arbitrary<Integer> exponent,
                Arbitrary<Integer> fraction) {
            return net.jqwik.api.Combinators.combine(sign, exponent, fraction).as((s, e, m) -> s | e << 23 | m);
        }

        static Arbitrary<Long> f64(Arbitrary<Long> sign, Arbitrary<Long> exponent, Arbitrary<Long> fraction) {
            return net.jqwik.api.Combinators.combine(sign, exponent, fraction).as((s, e, m) -> s | e << 52 | m);
        }
    }

    private static Integer[] box(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static Long[] box(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
