package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.VectorReference.V;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every vector instruction of WebAssembly 2.0 that is not a memory access (214 of the 236; the
 * memory ones are in {@link VectorMemoryPropertyTest}) against {@link VectorReference}, a
 * lane-by-lane reference written from the spec. Each instruction runs in a real module, one exported
 * function per instruction ({@code local.get}s, the instruction, {@code end}); per lane index for
 * lane instructions, per pattern for {@code i8x16.shuffle}, per value for {@code v128.const}.
 *
 * <p>Operands are random 128-bit values and vectors built lane by lane from edge values of every
 * shape: 0, -1, the minimum and maximum of each lane width, values at the saturation and narrowing
 * bounds, ±0, ±inf, NaNs with payloads and either sign, denormals, ties for rounding, and floats at
 * the bounds of the integer conversions. {@link #edgeVectorProducts()} runs every binary instruction
 * on every pair of edge vectors.
 *
 * <p>Results are compared bit for bit, except that where the reference's float lane is a NaN from an
 * arithmetic operator the engine must produce exactly the positive canonical NaN (its NaN policy,
 * stronger than the spec's "canonical or arithmetic").
 */
class VectorLanesPropertyTest {
    private static final int TRIES = 1000;
    private static final int F32_NAN = 0x7FC00000;
    private static final long F64_NAN = 0x7FF8000000000000L;

    /** Lane patterns the shuffle functions are compiled with. */
    static final int[][] SHUFFLES = shufflePatterns();
    /** Values the {@code v128.const} functions return. */
    static final V[] CONSTS = {new V(0, 0), new V(-1, -1), new V(0x0706050403020100L, 0x0F0E0D0C0B0A0908L),
        new V(0x8000000000000000L, 1), new V(0x7FC000007F800001L, 0xFFF0000000000000L)};

    static final List<Opcode> VECTOR = Arrays.stream(Opcode.values())
            .filter(op -> op.prefix() == Opcode.PREFIX_FD && op.feature() == Feature.SIMD).collect(Collectors.toList());
    static final List<Opcode> UNARY = ops("v:v");
    static final List<Opcode> REDUCE = ops("v:i");
    static final List<Opcode> BINARY = ops("vv:v");
    static final List<Opcode> SHIFTS = VECTOR.stream()
            .filter(op -> op.immediate() == ImmediateKind.NONE && sig(op).equals("vi:v")).collect(Collectors.toList());
    static final List<Opcode> SPLATS = VECTOR.stream().filter(op -> op.text().endsWith(".splat")).collect(Collectors.toList());
    static final List<Opcode> LANES = VECTOR.stream().filter(op -> op.immediate() == ImmediateKind.LANE)
            .collect(Collectors.toList());

    private static final Map<String, FunctionInstance> FUNCS = new HashMap<>();

    static {
        ModuleBytes m = ModuleBytes.module();
        Map<String, Integer> types = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Opcode op : VECTOR) {
            if (op.memoryBytes() > 0) {
                continue;
            }
            switch (op.immediate()) {
                case LANE -> {
                    for (int lane = 0; lane < op.lanes(); lane++) {
                        int index = lane;
                        define(m, types, names, op.text() + "/" + lane, op, c -> c.lane(op, index));
                    }
                }
                case SHUFFLE -> {
                    for (int k = 0; k < SHUFFLES.length; k++) {
                        int[] s = SHUFFLES[k];
                        define(m, types, names, op.text() + "/" + k, op, c -> c.shuffle(s));
                    }
                }
                case V128 -> {
                    for (int k = 0; k < CONSTS.length; k++) {
                        byte[] b = new byte[16];
                        for (int i = 0; i < 16; i++) {
                            b[i] = (byte) ((i < 8 ? CONSTS[k].lo() : CONSTS[k].hi()) >>> (8 * (i & 7)));
                        }
                        define(m, types, names, op.text() + "/" + k, op, c -> c.v128Const(b));
                    }
                }
                default -> define(m, types, names, op.text(), op, c -> c.op(op));
            }
        }
        Instance instance = new Linker(new Store()).instantiate(CompiledModule.compile(m.build()));
        for (String name : names) {
            FUNCS.put(name, instance.function(name));
        }
    }

    private interface Emit {
        void emit(Code c);
    }

    /** Adds {@code (func (export name) (param op's operands) (result op's result) local.get... op)}. */
    private static void define(ModuleBytes m, Map<String, Integer> types, List<String> names, String name, Opcode op,
            Emit emit) {
        List<ValType> params = List.of(op.pops());
        List<ValType> results = List.of(op.push(0));
        int t = types.computeIfAbsent(params + "->" + results, k -> {
            m.type(params, results);
            return types.size();
        });
        Code body = Code.code();
        for (int i = 0; i < params.size(); i++) {
            body.localGet(i);
        }
        emit.emit(body);
        m.function(t, body.end());
        m.export(name, ExternKind.FUNC, names.size());
        names.add(name);
    }

    private static String sig(Opcode op) {
        StringBuilder sb = new StringBuilder();
        for (ValType t : op.pops()) {
            sb.append(letter(t));
        }
        sb.append(':');
        for (int i = 0; i < op.pushCount(); i++) {
            sb.append(letter(op.push(i)));
        }
        return sb.toString();
    }

    private static char letter(ValType t) {
        return switch (t.kind()) {
            case I32 -> 'i';
            case I64 -> 'l';
            case F32 -> 'f';
            case F64 -> 'd';
            default -> 'v';
        };
    }

    private static List<Opcode> ops(String signature) {
        return VECTOR.stream().filter(op -> op.memoryBytes() == 0 && op.immediate() == ImmediateKind.NONE
                && sig(op).equals(signature)).collect(Collectors.toList());
    }

    private static int[][] shufflePatterns() {
        List<int[]> p = new ArrayList<>();
        int[] identity = new int[16];
        int[] reverse = new int[16];
        int[] fromB = new int[16];
        int[] interleave = new int[16];
        int[] broadcast = new int[16];
        for (int i = 0; i < 16; i++) {
            identity[i] = i;
            reverse[i] = 31 - i;
            fromB[i] = 16 + i;
            interleave[i] = (i & 1) == 0 ? i / 2 : 16 + i / 2;
            broadcast[i] = 15;
        }
        p.addAll(List.of(identity, reverse, fromB, interleave, broadcast));
        Random r = new Random(7);
        for (int k = 0; k < 4; k++) {
            int[] s = new int[16];
            for (int i = 0; i < 16; i++) {
                s[i] = r.nextInt(32);
            }
            p.add(s);
        }
        return p.toArray(new int[0][]);
    }

    // ------------------------------------------------------------------ coverage

    @Example
    void everyNonMemoryVectorInstructionIsCoveredOnce() {
        List<Opcode> all = new ArrayList<>();
        for (List<Opcode> g : List.of(UNARY, REDUCE, BINARY, SHIFTS, SPLATS, LANES)) {
            all.addAll(g);
        }
        all.add(Opcode.V128_BITSELECT);
        all.add(Opcode.I8X16_SHUFFLE);
        all.add(Opcode.V128_CONST);
        all.sort(null);
        List<Opcode> expected = VECTOR.stream().filter(op -> op.memoryBytes() == 0).collect(Collectors.toList());
        assertEquals(expected, all);
        assertEquals(214, all.size());
    }

    /** The executors' sub-opcode constants name the same instructions as the decoder's catalogue. */
    @Example
    void vectorCodesMatchTheDecodersOpcodes() throws IllegalAccessException {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        for (Field f : VectorCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                Opcode op = Opcode.valueOf(f.getName());
                assertEquals(Opcode.PREFIX_FD, op.prefix(), f.getName());
                assertEquals(op.code(), f.getInt(null), f.getName());
                seen.add(op);
            }
        }
        assertEquals(Set.copyOf(VECTOR), seen);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void unaryAndReductions(@ForAll("v128s") V a) {
        for (Opcode op : UNARY) {
            checkVector(op, VectorReference.unary(op, a), call(op.text(), a), a);
        }
        for (Opcode op : REDUCE) {
            long[] r = call(op.text(), a);
            assertEquals(VectorReference.reduce(op, a), r[0], () -> op + " " + a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void binary(@ForAll("v128s") V a, @ForAll("v128s") V b) {
        for (Opcode op : BINARY) {
            checkVector(op, VectorReference.binary(op, a, b), call(op.text(), a, b), a, b);
        }
    }

    @Property(tries = TRIES / 2, edgeCases = EdgeCasesMode.NONE)
    void bitselect(@ForAll("v128s") V a, @ForAll("v128s") V b, @ForAll("v128s") V c) {
        checkVector(Opcode.V128_BITSELECT, VectorReference.bitselect(a, b, c), call("v128.bitselect", a, b, c), a, b, c);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void shifts(@ForAll("v128s") V a, @ForAll("shiftCounts") int count) {
        for (Opcode op : SHIFTS) {
            checkVector(op, VectorReference.shift(op, a, count), FUNCS.get(op.text()).call(a.lo(), a.hi(), count), a);
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void splats(@ForAll("i32s") int i, @ForAll("i64s") long l, @ForAll("f32s") int f, @ForAll("f64s") long d) {
        for (Opcode op : SPLATS) {
            long scalar = scalarFor(op.pop(0), i, l, f, d);
            checkVector(op, VectorReference.splat(op, scalar), FUNCS.get(op.text()).call(scalar));
        }
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void extractAndReplaceEveryLane(@ForAll("v128s") V a, @ForAll("i32s") int i, @ForAll("i64s") long l,
            @ForAll("f32s") int f, @ForAll("f64s") long d) {
        for (Opcode op : LANES) {
            for (int lane = 0; lane < op.lanes(); lane++) {
                FunctionInstance fn = FUNCS.get(op.text() + "/" + lane);
                if (op.text().contains("extract")) {
                    long[] r = fn.call(a.lo(), a.hi());
                    assertEquals(VectorReference.extract(op, a, lane), r[0], op + " lane " + lane + " of " + a);
                } else {
                    long scalar = scalarFor(op.pop(1), i, l, f, d);
                    checkVector(op, VectorReference.replace(op, a, lane, scalar), fn.call(a.lo(), a.hi(), scalar), a);
                }
            }
        }
    }

    @Property(tries = TRIES / 2, edgeCases = EdgeCasesMode.NONE)
    void shuffles(@ForAll("v128s") V a, @ForAll("v128s") V b) {
        for (int k = 0; k < SHUFFLES.length; k++) {
            checkVector(Opcode.I8X16_SHUFFLE, VectorReference.shuffle(a, b, SHUFFLES[k]),
                    call("i8x16.shuffle/" + k, a, b), a, b);
        }
    }

    @Example
    void constants() {
        for (int k = 0; k < CONSTS.length; k++) {
            long[] r = FUNCS.get("v128.const/" + k).call();
            assertEquals(CONSTS[k], new V(r[0], r[1]));
        }
    }

    /**
     * Every unary instruction on every edge vector, and every binary instruction on every pair of
     * edge vectors of the same shape (so every two edge values of a shape meet in every lane).
     */
    @Example
    void edgeVectorProducts() {
        for (List<V> family : edgeVectors()) {
            for (V a : family) {
                for (Opcode op : UNARY) {
                    checkVector(op, VectorReference.unary(op, a), call(op.text(), a), a);
                }
                for (V b : family) {
                    for (Opcode op : BINARY) {
                        checkVector(op, VectorReference.binary(op, a, b), call(op.text(), a, b), a, b);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ calls and checks

    private static long[] call(String name, V... args) {
        long[] slots = new long[args.length * 2];
        for (int i = 0; i < args.length; i++) {
            slots[2 * i] = args[i].lo();
            slots[2 * i + 1] = args[i].hi();
        }
        return FUNCS.get(name).call(slots);
    }

    private static long scalarFor(ValType t, int i, long l, int f, long d) {
        return switch (t.kind()) {
            case I32 -> i;
            case I64 -> l;
            case F32 -> f;
            default -> d;
        };
    }

    /**
     * The result slots equal {@code expected}, except that a float lane the reference computed as NaN
     * must be the positive canonical NaN when the NaN policy applies to {@code op}.
     */
    static void checkVector(Opcode op, V expected, long[] actual, V... operands) {
        V got = new V(actual[0], actual[1]);
        int bits = VectorReference.floatResultBits(op);
        if (bits != 0 && VectorReference.nanPolicyApplies(op)) {
            long[] e = VectorReference.lanes(expected, bits, false);
            long[] g = VectorReference.lanes(got, bits, false);
            for (int i = 0; i < e.length; i++) {
                boolean nan = bits == 32 ? Float.isNaN(Float.intBitsToFloat((int) e[i]))
                        : Double.isNaN(Double.longBitsToDouble(e[i]));
                if (nan) {
                    long canonical = bits == 32 ? F32_NAN : F64_NAN;
                    if (g[i] != canonical) {
                        fail(op + " lane " + i + ": expected the canonical NaN, got 0x" + Long.toHexString(g[i])
                                + " for " + Arrays.toString(operands));
                    }
                    e[i] = g[i];
                }
            }
            expected = VectorReference.pack(e, bits);
        }
        if (!expected.equals(got)) {
            fail(op + Arrays.toString(operands) + ": expected " + expected + ", got " + got);
        }
    }

    // ------------------------------------------------------------------ values

    static final long[] I8_EDGES = {0, 1, -1, 2, 0x7F, -0x80, 0x40, -0x7F, 0x55, -0x56};
    static final long[] I16_EDGES = {0, 1, -1, 0x7FFF, -0x8000, 0xFF, 0x100, -0x100, 0x80, -0x81, 0x4000, -0x7FFF};
    static final long[] I32_EDGES = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF, 0x10000, 0x7FFF, -0x8000,
        0x8000, -0x8001, 0xFF, -0x80};
    static final long[] I64_EDGES = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL, 0x80000000L, -0x80000000L,
        0x7FFFFFFFL, 0x100000000L};
    static final long[] F32_EDGES = {0, 0x80000000L, 0x7F800000, 0xFF800000L, 0x7FC00000, 0xFFC00000L, 0x7F800001,
        0x7FBFFFFF, 0xFFC00001L, 0x7FA00000, 1, 0x807FFFFFL, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFFL, 0x3F800000,
        0xBF800000L, 0x3F000000, 0xBF000000L, 0x3FC00000, 0x40200000, 0xC0200000L, 0x4B000001, 0x4AFFFFFF, 0x4F000000,
        0x4EFFFFFF, 0xCF000000L, 0xCF000001L, 0x4F800000, 0x4F7FFFFF, 0xBF7FFFFFL, 0x3F7FFFFF};
    static final long[] F64_EDGES = {0, 0x8000000000000000L, 0x7FF0000000000000L, 0xFFF0000000000000L,
        0x7FF8000000000000L, 0xFFF8000000000000L, 0x7FF0000000000001L, 0x7FF4000000000000L, 0xFFF8000000000001L, 1,
        0x800FFFFFFFFFFFFFL, 0x0010000000000000L, 0x7FEFFFFFFFFFFFFFL, 0x3FF0000000000000L, 0xBFF0000000000000L,
        0x3FE0000000000000L, 0xBFE0000000000000L, 0x4004000000000000L, 0x41E0000000000000L, 0x41DFFFFFFFC00000L,
        0x41DFFFFFFFFFFFFFL, 0xC1E0000000000000L, 0xC1E0000000200000L, 0xC1E00000001FFFFFL, 0x41F0000000000000L,
        0x41EFFFFFFFE00000L, 0x41EFFFFFFFFFFFFFL, 0xBFEFFFFFFFFFFFFFL, 0x4330000000000001L, 0x47EFFFFFE0000000L,
        0x47EFFFFFDFFFFFFFL, 0x36A0000000000000L, 0x3FF0000010000000L, 0x3FF0000030000000L, 0x3810000000000000L};

    private static Arbitrary<Long> lane(long[] edges, Arbitrary<Long> random) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(Arrays.stream(edges).boxed().toList())),
                Tuple.of(1, random));
    }

    private static Arbitrary<V> lanesOf(int bits, Arbitrary<Long> lane) {
        return lane.list().ofSize(128 / bits).map(l -> VectorReference.pack(l.stream().mapToLong(x -> x).toArray(), bits));
    }

    @Provide
    Arbitrary<V> v128s() {
        Arbitrary<Long> any = Arbitraries.longs();
        Arbitrary<Long> smallF32 = Arbitraries.floats().between(-5e9f, 5e9f).map(f -> (long) Float.floatToRawIntBits(f));
        Arbitrary<Long> smallF64 = Arbitraries.doubles().between(-5e9, 5e9).map(Double::doubleToRawLongBits);
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().tuple2().map(t -> new V(t.get1(), t.get2()))),
                Tuple.of(1, lanesOf(8, lane(I8_EDGES, any))),
                Tuple.of(1, lanesOf(16, lane(I16_EDGES, any))),
                Tuple.of(1, lanesOf(32, lane(I32_EDGES, any))),
                Tuple.of(1, lanesOf(64, lane(I64_EDGES, any))),
                Tuple.of(2, lanesOf(32, Arbitraries.oneOf(lane(F32_EDGES, any), smallF32))),
                Tuple.of(2, lanesOf(64, Arbitraries.oneOf(lane(F64_EDGES, any), smallF64))));
    }

    @Provide
    Arbitrary<Integer> shiftCounts() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, -1, Integer.MIN_VALUE),
                Arbitraries.integers());
    }

    @Provide
    Arbitrary<Integer> i32s() {
        return lane(I32_EDGES, Arbitraries.longs()).map(Long::intValue);
    }

    @Provide
    Arbitrary<Long> i64s() {
        return lane(I64_EDGES, Arbitraries.longs());
    }

    @Provide
    Arbitrary<Integer> f32s() {
        return lane(F32_EDGES, Arbitraries.longs()).map(Long::intValue);
    }

    @Provide
    Arbitrary<Long> f64s() {
        return lane(F64_EDGES, Arbitraries.longs());
    }

    /**
     * Vectors of edge values, one list per shape: the shape's edge values laid out across the lanes
     * from every starting point (so every value sits in every lane), plus all-zero and all-one.
     */
    static List<List<V>> edgeVectors() {
        List<List<V>> out = new ArrayList<>();
        long[][] edgeLists = {I8_EDGES, I16_EDGES, I32_EDGES, I64_EDGES, F32_EDGES, F64_EDGES};
        int[] widths = {8, 16, 32, 64, 32, 64};
        for (int k = 0; k < edgeLists.length; k++) {
            long[] edges = edgeLists[k];
            int n = 128 / widths[k];
            List<V> family = new ArrayList<>(List.of(new V(0, 0), new V(-1, -1)));
            for (int start = 0; start < edges.length; start++) {
                long[] lanes = new long[n];
                for (int i = 0; i < n; i++) {
                    lanes[i] = edges[(start + i) % edges.length];
                }
                family.add(VectorReference.pack(lanes, widths[k]));
            }
            out.add(family);
        }
        return out;
    }
}
