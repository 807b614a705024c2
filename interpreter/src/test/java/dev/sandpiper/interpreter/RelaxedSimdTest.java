package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.Features;
import dev.sandpiper.decoder.MalformedModuleException;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relaxed vector instructions give the deterministic profile's result (spec 3.0, Execution >
 * Numerics > Relaxed Operations, every parameter 0), on the inputs where the allowed results differ:
 * unfused multiply-add, signed dot products saturated in i16, swizzle's 0 for indices of 16 or more,
 * bit-wise lane select, trunc_sat, fmin/fmax and q15mulr_sat_s.
 */
class RelaxedSimdTest {
    private static final List<Opcode> RELAXED = Arrays.stream(Opcode.values())
            .filter(op -> op.feature() == Feature.RELAXED_SIMD).toList();
    private static final Map<Opcode, FunctionInstance> FUNCS = new HashMap<>();

    static {
        ModuleBytes m = ModuleBytes.module();
        Map<Integer, Integer> types = new HashMap<>();
        for (int i = 0; i < RELAXED.size(); i++) {
            Opcode op = RELAXED.get(i);
            int arity = op.popCount();
            int t = types.computeIfAbsent(arity, k -> {
                m.type(List.of(op.pops()), List.of(op.push(0)));
                return types.size();
            });
            Code body = Code.code();
            for (int p = 0; p < arity; p++) {
                body.localGet(p);
            }
            m.function(t, body.op(op).end());
            m.export(op.text(), ExternKind.FUNC, i);
        }
        Instance instance = new Linker(new Store()).instantiate(CompiledModule.compile(m.build()));
        for (Opcode op : RELAXED) {
            FUNCS.put(op, instance.function(op.text()));
        }
    }

    private static long[] run(Opcode op, long... slots) {
        return FUNCS.get(op).call(slots);
    }

    private static long pair(float lo, float hi) {
        return (Float.floatToRawIntBits(lo) & 0xFFFFFFFFL) | ((long) Float.floatToRawIntBits(hi) << 32);
    }

    private static long bytes(int... b) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            r |= (b[i] & 0xFFL) << (8 * i);
        }
        return r;
    }

    private static long i16s(int... v) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            r |= (v[i] & 0xFFFFL) << (16 * i);
        }
        return r;
    }

    @Test
    void relaxedInstructionsAreIllegalOpcodesWithoutTheirFeature() {
        byte[] bytes = ModuleBytes.module().type(List.of(ValType.V128), List.of(ValType.V128))
                .function(0, Code.code().localGet(0).localGet(0).op(Opcode.F32X4_RELAXED_MIN).end()).build();
        MalformedModuleException e = assertThrows(MalformedModuleException.class,
                () -> CompiledModule.compile(bytes, Features.all().without(Feature.RELAXED_SIMD)));
        assertTrue(e.getMessage().contains("needs feature relaxed-simd"), e.getMessage());
        assertThrows(MalformedModuleException.class, () -> CompiledModule.compile(bytes, Features.wasm20()));
        CompiledModule.compile(bytes, Features.all().without(Feature.TAIL_CALL));
    }

    @Test
    void everyRelaxedInstructionRuns() {
        assertEquals(20, RELAXED.size());
        for (Opcode op : RELAXED) {
            long[] slots = new long[op.popCount() * 2];
            assertEquals(2, run(op, slots).length, op.text());
        }
    }

    @Test
    void multiplyAddIsUnfused() {
        // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24 rounds to 1 + 2^-11 in f32; fused, the sum would be 2^-24.
        float a = 1 + 0x1p-12f;
        float c = -(1 + 0x1p-11f);
        long[] r = run(Opcode.F32X4_RELAXED_MADD, pair(a, 2), pair(a, 2), pair(a, 3), pair(a, 3), pair(c, 1), pair(c, 1));
        assertArrayEquals(new long[] {pair(0f, 7f), pair(0f, 7f)}, r);
        // nmadd: -a * b + c with c = the rounded product.
        long[] n = run(Opcode.F32X4_RELAXED_NMADD, pair(a, 2), 0, pair(a, 3), 0, pair(-c, 1), 0);
        assertEquals(pair(0f, -5f), n[0]);
        // f64: (1 + 2^-27)^2 = 1 + 2^-26 + 2^-54 rounds to 1 + 2^-26.
        double x = 1 + 0x1p-27;
        long dx = Double.doubleToRawLongBits(x);
        long dc = Double.doubleToRawLongBits(-(1 + 0x1p-26));
        long[] d = run(Opcode.F64X2_RELAXED_MADD, dx, dx, dx, dx, dc, dc);
        assertArrayEquals(new long[] {0, 0}, d);
        long[] dn = run(Opcode.F64X2_RELAXED_NMADD, dx, dx, dx, dx, dc ^ Long.MIN_VALUE, 0);
        assertEquals(0, dn[0]);
        assertEquals(0x8000000000000000L, dn[1] & 0x8000000000000000L, "-x*x + 0 is negative");
    }

    @Test
    void multiplyAddNaNIsCanonical() {
        long nan = 0x7FA00001_7FA00001L;
        long[] r = run(Opcode.F32X4_RELAXED_MADD, nan, 0, pair(1, 1), 0, pair(1, 1), 0);
        assertEquals(0x7FC00000_7FC00000L, r[0]);
    }

    @Test
    void dotProductsAreSignedAndSaturatedInI16() {
        long a = bytes(-128, -128, -128, -127, 127, 127, 1, 2);
        long b = bytes(-128, -128, -127, -127, -128, -128, 3, 4);
        // 32768 saturates; -128*-127 + -127*-127 = 32385; 127*-128*2 = -32512; 3 + 8 = 11.
        long[] r = run(Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S, a, a, b, b);
        assertArrayEquals(new long[] {i16s(32767, 32385, -32512, 11), i16s(32767, 32385, -32512, 11)}, r);
        long c = (5L & 0xFFFFFFFFL) | ((long) -1 << 32);
        long[] s = run(Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S, a, 0, b, 0, c, c);
        assertEquals(((5L + 32767 + 32385) & 0xFFFFFFFFL) | ((long) (-1 - 32512 + 11) << 32), s[0]);
        assertEquals(c, s[1]);
    }

    @Test
    void theOthersAreTheirTwoPointZeroCounterparts() {
        for (Opcode op : RELAXED) {
            Opcode same = RelaxedVectors.deterministic(op);
            String n = op.text();
            if (n.contains("madd") || n.contains("dot")) {
                assertNull(same, n);
            } else {
                assertEquals(Feature.SIMD, same.feature(), n);
            }
        }
        // Swizzle: indices 16 and above select 0.
        long[] sw = run(Opcode.I8X16_RELAXED_SWIZZLE, 0x0706050403020100L, 0x0F0E0D0C0B0A0908L,
                bytes(15, 16, 17, 0x7F, 0x80, 0xFF, 1, 0), 0);
        assertEquals(bytes(15, 0, 0, 0, 0, 0, 1, 0), sw[0]);
        assertEquals(0, sw[1]);
        // Lane select: bit by bit, the high bit not spread.
        long[] ls = run(Opcode.I32X4_RELAXED_LANESELECT, -1, -1, 0, 0, 0x80000000_0000FFFFL, 0);
        assertArrayEquals(new long[] {0x80000000_0000FFFFL, 0}, ls);
        // q15mulr: -32768 * -32768 saturates.
        long[] q = run(Opcode.I16X8_RELAXED_Q15MULR_S, i16s(-32768, 1, 0, 0), 0, i16s(-32768, 16384, 0, 0), 0);
        assertEquals(i16s(32767, 1, 0, 0), q[0]);
        // Truncation: NaN is 0, out of range saturates.
        long[] t = run(Opcode.I32X4_RELAXED_TRUNC_F32X4_U, pair(Float.NaN, -5), pair(1e10f, 7.9f));
        assertArrayEquals(new long[] {0, 0xFFFFFFFFL | (7L << 32)}, t);
        long[] tz = run(Opcode.I32X4_RELAXED_TRUNC_F64X2_S_ZERO, Double.doubleToRawLongBits(-1e300),
                Double.doubleToRawLongBits(Double.NaN));
        assertArrayEquals(new long[] {0x80000000L, 0}, tz);
        // min/max: the zeros ordered, NaN canonical.
        long[] mn = run(Opcode.F32X4_RELAXED_MIN, pair(0f, Float.intBitsToFloat(0x7F800001)), 0, pair(-0f, 1), 0);
        assertEquals(pair(-0f, Float.intBitsToFloat(0x7FC00000)), mn[0]);
        long[] mx = run(Opcode.F64X2_RELAXED_MAX, Double.doubleToRawLongBits(-0.0), 0, 0, Long.MIN_VALUE);
        assertArrayEquals(new long[] {0, 0}, mx);
    }
}
