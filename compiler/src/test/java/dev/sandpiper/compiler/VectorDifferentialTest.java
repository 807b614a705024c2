package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Memory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector instruction of WebAssembly 2.0 and 3.0's relaxed ones, compiled against interpreted, bit for bit: for each
 * opcode a module of one function per immediate (each lane index, several shuffles, constants and
 * memory offsets), each called with random operands ({@link VectorLanes}: NaN payloads, infinities,
 * signed zeros, integer lanes at their edges; addresses around the end of memory). Both tiers must
 * give the same result bits, or the same trap, after the same instruction count, and leave the
 * same memory. Seeded per opcode, so a failure replays.
 */
class VectorDifferentialTest {
    private static final int CALLS = 40;
    private static final int PAGE = 65536;

    @Test
    void everyVectorInstructionIsCovered() {
        List<Opcode> ops = vectorOpcodes();
        assertEquals(236, ops.stream().filter(op -> op.feature() == Feature.SIMD).count(), "the 2.0 vector instructions");
        assertEquals(20, ops.stream().filter(op -> op.feature() == Feature.RELAXED_SIMD).count(), "3.0's relaxed ones");
        assertEquals(256, ops.size());
    }

    /**
     * Relaxed multiply-add where fused and unfused differ: (1 + 2^-12)^2 - (1 + 2^-11) is 2^-24
     * fused, 0 unfused (the deterministic profile's choice, spec 3.0, frelaxed_madd); and in f64
     * with (1 + 2^-27)^2 - (1 + 2^-26). Both tiers give 0 in every lane.
     */
    @Test
    void relaxedMultiplyAddIsUnfusedOnBothTiers() {
        long a = Float.floatToRawIntBits(1 + 0x1p-12f) & 0xFFFFFFFFL;
        long c = Float.floatToRawIntBits(-(1 + 0x1p-11f)) & 0xFFFFFFFFL;
        long a4 = a | a << 32;
        long c4 = c | c << 32;
        long x = Double.doubleToRawLongBits(1 + 0x1p-27);
        long y = Double.doubleToRawLongBits(-(1 + 0x1p-26));
        for (Opcode op : List.of(Opcode.F32X4_RELAXED_MADD, Opcode.F64X2_RELAXED_MADD, Opcode.F32X4_RELAXED_NMADD,
                Opcode.F64X2_RELAXED_NMADD)) {
            boolean f32 = op.text().startsWith("f32");
            boolean negate = op.text().contains("nmadd");
            long m = f32 ? a4 : x;
            // nmadd computes -m * m + addend: the addend is then the rounded product itself.
            long signs = f32 ? 0x8000000080000000L : 0x8000000000000000L;
            long addend = (f32 ? c4 : y) ^ (negate ? signs : 0);
            long[] args = {m, m, m, m, addend, addend};
            CompiledModule[] tiers = Tiers.both(module(op, new Random(1)));
            for (int tier = 0; tier < 2; tier++) {
                Outcome o = Tiers.call(Tiers.instantiate(tiers[tier], ExecutionLimits.DEFAULT), "f0", args);
                assertArrayEquals(new long[] {0, 0}, o.results(), op.text() + " on " + Tiers.name(tier));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> bothTiersAgreeOnEveryVectorInstruction() {
        return vectorOpcodes().stream().map(op -> DynamicTest.dynamicTest(op.text(), () -> check(op)));
    }

    static List<Opcode> vectorOpcodes() {
        List<Opcode> ops = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (op.prefix() == Opcode.PREFIX_FD) {
                ops.add(op);
            }
        }
        return ops;
    }

    private static void check(Opcode op) {
        Random rnd = new Random(0x5EED_0000L + op.code());
        int functions = functionCount(op);
        byte[] bytes = module(op, rnd);
        CompiledModule[] tiers = Tiers.both(bytes);
        Instance[] in = {Tiers.instantiate(tiers[0], ExecutionLimits.DEFAULT),
            Tiers.instantiate(tiers[1], ExecutionLimits.DEFAULT)};
        boolean memory = op.memoryBytes() > 0;
        int traps = 0;
        for (int f = 0; f < functions; f++) {
            for (int call = 0; call < CALLS; call++) {
                long[] args = arguments(op, rnd);
                Outcome expected = Tiers.call(in[0], "f" + f, args);
                Outcome actual = Tiers.call(in[1], "f" + f, args);
                String what = op.text() + " f" + f + " args " + hex(args);
                assertEquals(expected, actual, what);
                traps += expected.trap() != null ? 1 : 0;
                if (memory) {
                    assertArrayEquals(contents(in[0].memory()), contents(in[1].memory()), "memory after " + what);
                }
            }
        }
        if (memory) {
            // The addresses reach both sides of the end of memory: some accesses trap, most do not.
            assertTrue(traps > 0 && traps < functions * CALLS, op.text() + ": " + traps + " traps");
        } else {
            assertEquals(0, traps, op.text() + " cannot trap");
        }
    }

    /** The module: memory of one page with random bytes at both ends, and functions f0.. of the immediates. */
    private static byte[] module(Opcode op, Random rnd) {
        List<ValType> params = List.of(op.pops());
        List<ValType> results = new ArrayList<>();
        for (int i = 0; i < op.pushCount(); i++) {
            results.add(op.push(i));
        }
        byte[] low = new byte[4096];
        byte[] high = new byte[4096];
        rnd.nextBytes(low);
        rnd.nextBytes(high);
        ModuleBytes m = ModuleBytes.module().type(params, results).memory(1, 1);
        int n = functionCount(op);
        for (int f = 0; f < n; f++) {
            Code code = Code.code();
            for (int p = 0; p < params.size(); p++) {
                code.localGet(p);
            }
            instruction(code, op, f, rnd);
            m.function(0, code.end());
            m.export("f" + f, ExternKind.FUNC, f);
        }
        return m.dataActive(ModuleBytes.i32Expr(0), low).dataActive(ModuleBytes.i32Expr(PAGE - high.length), high).build();
    }

    /** One function per lane for lane instructions, per (offset, lane) for lane accesses, else four. */
    private static int functionCount(Opcode op) {
        return switch (op.immediate()) {
            case LANE -> op.lanes();
            case MEMARG_LANE -> 2 * op.lanes();
            case MEMARG, V128, SHUFFLE -> 4;
            default -> 1;
        };
    }

    private static final long[] OFFSETS = {0, 3, PAGE - 20, 0xFFFF_FFF0L};

    /** Emits {@code op} with the immediates of function {@code f}. */
    private static void instruction(Code code, Opcode op, int f, Random rnd) {
        int align = Integer.numberOfTrailingZeros(Math.max(1, op.memoryBytes()));
        switch (op.immediate()) {
            case NONE -> code.op(op);
            case V128 -> {
                byte[] c = new byte[16];
                long lo = VectorLanes.half(rnd);
                long hi = VectorLanes.half(rnd);
                for (int i = 0; i < 8; i++) {
                    c[i] = (byte) (lo >>> (i * 8));
                    c[i + 8] = (byte) (hi >>> (i * 8));
                }
                code.v128Const(c);
            }
            case SHUFFLE -> {
                int[] lanes = new int[16];
                for (int i = 0; i < 16; i++) {
                    lanes[i] = rnd.nextInt(32);
                }
                code.shuffle(lanes);
            }
            case LANE -> code.lane(op, f);
            case MEMARG -> code.mem(op, align, OFFSETS[f]);
            case MEMARG_LANE -> code.memLane(op, align, f < op.lanes() ? 0 : 7, f % op.lanes());
            default -> throw new IllegalStateException(op + " " + op.immediate());
        }
    }

    private static long[] arguments(Opcode op, Random rnd) {
        List<Long> args = new ArrayList<>();
        ValType[] pops = op.pops();
        for (int i = 0; i < pops.length; i++) {
            switch (pops[i].kind()) {
                case I32 -> args.add((long) (i == 0 && op.memoryBytes() > 0 ? address(op, rnd) : VectorLanes.i32(rnd)));
                case I64 -> args.add(rnd.nextBoolean() ? rnd.nextLong() : VectorLanes.half(rnd));
                case F32 -> args.add((long) VectorLanes.f32(rnd));
                case F64 -> args.add(VectorLanes.f64(rnd));
                case V128 -> {
                    args.add(VectorLanes.half(rnd));
                    args.add(VectorLanes.half(rnd));
                }
                default -> throw new IllegalStateException(op + " pops " + pops[i]);
            }
        }
        return args.stream().mapToLong(Long::longValue).toArray();
    }

    /** An address: anywhere in the page, around its end (in and out of bounds), or any u32. */
    private static int address(Opcode op, Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> rnd.nextInt(PAGE);
            case 1 -> PAGE - op.memoryBytes() - 20 + rnd.nextInt(8) - 4 + (rnd.nextBoolean() ? 20 : 0);
            default -> rnd.nextInt();
        };
    }

    private static byte[] contents(Memory m) {
        return m.readBytes(0, m.byteSize());
    }

    private static String hex(long[] args) {
        String[] s = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            s[i] = Long.toHexString(args[i]);
        }
        return Arrays.toString(s);
    }
}
