package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.RelaxedVectors;
import dev.sandpiper.interpreter.TierMemory;
import dev.sandpiper.interpreter.TierOps;
import dev.sandpiper.interpreter.TierOps64;

/**
 * The vector instructions generated code calls (those that are not one JVM instruction per half).
 * A v128 is two {@code long}s, low half first (see {@code translate.JvmTypes}); a method whose result
 * is a v128 returns its low half and leaves the high half in {@link Context#high}, which the caller
 * reads right after the call, so nothing is allocated. The lane arithmetic is the interpreter's
 * own ({@link TierOps}' vector section, {@link TierMemory}'s vector accesses), applied to each half,
 * so both tiers give the same bits, NaN payloads and traps included. {@code sub} is the
 * instruction's 0xFD sub-opcode and {@code bits} its lane width, constants at each call site.
 *
 * <p>Spec: 2.0, Execution > Instructions > Vector Instructions and Memory Instructions.
 */
public final class V128 {
    private V128() {}

    // ---- lanes ----

    /** {@code i8x16.shuffle}: {@code sLo}, {@code sHi} are the 16 lane indices, index i in byte i. */
    public static long shuffle(long aLo, long aHi, long bLo, long bHi, long sLo, long sHi, Context ctx) {
        ctx.high = TierOps.v128Shuffle(aLo, aHi, bLo, bHi, sHi);
        return TierOps.v128Shuffle(aLo, aHi, bLo, bHi, sLo);
    }

    public static long swizzle(long aLo, long aHi, long sLo, long sHi, Context ctx) {
        ctx.high = TierOps.v128Swizzle(aLo, aHi, sHi);
        return TierOps.v128Swizzle(aLo, aHi, sLo);
    }

    /** {@code replace_lane} for lanes narrower than 64 bits: lane {@code lane} becomes the low bits of {@code x}. */
    public static long replace(long lo, long hi, long x, int lane, int bits, Context ctx) {
        int bit = lane * bits;
        ctx.high = bit >= 64 ? TierOps.v128Replace(hi, bit & 63, bits, x) : hi;
        return bit < 64 ? TierOps.v128Replace(lo, bit, bits, x) : lo;
    }

    /** {@code v128.bitselect}: bits of {@code a} where {@code c} is 1, of {@code b} where it is 0. */
    public static long bitselect(long aLo, long aHi, long bLo, long bHi, long cLo, long cHi, Context ctx) {
        ctx.high = (aHi & cHi) | (bHi & ~cHi);
        return (aLo & cLo) | (bLo & ~cLo);
    }

    // ---- integer lanes ----

    public static long intBinary(long aLo, long aHi, long bLo, long bHi, int sub, int bits, Context ctx) {
        ctx.high = TierOps.v128IntBinary(sub, bits, aHi, bHi);
        return TierOps.v128IntBinary(sub, bits, aLo, bLo);
    }

    public static long intUnary(long lo, long hi, int sub, int bits, Context ctx) {
        ctx.high = TierOps.v128IntUnary(sub, bits, hi);
        return TierOps.v128IntUnary(sub, bits, lo);
    }

    public static long shift(long lo, long hi, int count, int sub, int bits, Context ctx) {
        ctx.high = TierOps.v128Shift(sub, bits, hi, count);
        return TierOps.v128Shift(sub, bits, lo, count);
    }

    public static long extaddPairwise(long lo, long hi, int bits, boolean signed, Context ctx) {
        ctx.high = TierOps.v128ExtaddPairwise(hi, bits, signed);
        return TierOps.v128ExtaddPairwise(lo, bits, signed);
    }

    public static long dot(long aLo, long aHi, long bLo, long bHi, Context ctx) {
        ctx.high = TierOps.v128Dot(aHi, bHi);
        return TierOps.v128Dot(aLo, bLo);
    }

    // ---- relaxed (3.0), the interpreter's deterministic-profile arithmetic ----

    /** {@code f32x4/f64x2.relaxed_madd/nmadd} ({@code sub}), unfused as the interpreter computes it. */
    public static long relaxedMadd(long aLo, long aHi, long bLo, long bHi, long cLo, long cHi, int sub, Context ctx) {
        ctx.high = RelaxedVectors.madd(sub, aHi, bHi, cHi);
        return RelaxedVectors.madd(sub, aLo, bLo, cLo);
    }

    /** {@code i16x8.relaxed_dot_i8x16_i7x16_s}. */
    public static long relaxedDot(long aLo, long aHi, long bLo, long bHi, Context ctx) {
        ctx.high = RelaxedVectors.dot(aHi, bHi);
        return RelaxedVectors.dot(aLo, bLo);
    }

    /** {@code i32x4.relaxed_dot_i8x16_i7x16_add_s}. */
    public static long relaxedDotAdd(long aLo, long aHi, long bLo, long bHi, long cLo, long cHi, Context ctx) {
        ctx.high = RelaxedVectors.dotAdd(aHi, bHi, cHi);
        return RelaxedVectors.dotAdd(aLo, bLo, cLo);
    }

    /** {@code narrow}: the lanes of {@code a} then of {@code b}, saturated to half the width. */
    public static long narrow(long aLo, long aHi, long bLo, long bHi, int bits, boolean signed, Context ctx) {
        ctx.high = TierOps.v128Narrow(bLo, bHi, bits, signed);
        return TierOps.v128Narrow(aLo, aHi, bits, signed);
    }

    /** {@code extend_low/high}: the 64 bits of the low ({@code high} false) or high half, widened. */
    public static long extend(long lo, long hi, boolean high, int bits, boolean signed, Context ctx) {
        long half = high ? hi : lo;
        ctx.high = TierOps.v128Extend((int) (half >>> 32), bits, signed);
        return TierOps.v128Extend((int) half, bits, signed);
    }

    public static long extmul(long aLo, long aHi, long bLo, long bHi, boolean high, int bits, boolean signed,
            Context ctx) {
        long a = high ? aHi : aLo;
        long b = high ? bHi : bLo;
        ctx.high = TierOps.v128Extmul((int) (a >>> 32), (int) (b >>> 32), bits, signed);
        return TierOps.v128Extmul((int) a, (int) b, bits, signed);
    }

    // ---- float lanes ----

    public static long f32x4Binary(long aLo, long aHi, long bLo, long bHi, int sub, Context ctx) {
        ctx.high = TierOps.f32x4Binary(sub, aHi, bHi);
        return TierOps.f32x4Binary(sub, aLo, bLo);
    }

    public static long f64x2Binary(long aLo, long aHi, long bLo, long bHi, int sub, Context ctx) {
        ctx.high = TierOps.f64x2Binary(sub, aHi, bHi);
        return TierOps.f64x2Binary(sub, aLo, bLo);
    }

    public static long f32x4Unary(long lo, long hi, int sub, Context ctx) {
        ctx.high = TierOps.f32x4Unary(sub, hi);
        return TierOps.f32x4Unary(sub, lo);
    }

    public static long f64x2Unary(long lo, long hi, int sub, Context ctx) {
        ctx.high = TierOps.f64x2Unary(sub, hi);
        return TierOps.f64x2Unary(sub, lo);
    }

    /** {@code demote_f64x2_zero}, {@code trunc_sat_f64x2_s/u_zero}: the low half (the high half is 0). */
    public static long fromF64x2(long lo, long hi, int sub) {
        return TierOps.v128FromF64x2(sub, lo, hi);
    }

    /** {@code promote_low_f32x4}, {@code convert_low_i32x4_s/u}: 32-bit lanes 0 and 1 to two f64 lanes. */
    public static long toF64x2(long lo, long hi, int sub, Context ctx) {
        ctx.high = TierOps.v128ToF64(sub, (int) (lo >>> 32));
        return TierOps.v128ToF64(sub, (int) lo);
    }

    // ---- memory: the address checked for the whole access first, as the interpreter does ----

    public static long load(int addr, int offset, Memory m, Context ctx) {
        int ea = TierMemory.v128Address(addr, offset, 16, m);
        ctx.high = TierMemory.v128Read(m, ea + 8, 8);
        return TierMemory.v128Read(m, ea, 8);
    }

    /** {@code v128.loadNxM_s/u}: eight bytes, each {@code bits}-bit lane widened. */
    public static long loadExtend(int addr, int offset, Memory m, int bits, boolean signed, Context ctx) {
        long v = TierMemory.v128Read(m, TierMemory.v128Address(addr, offset, 8, m), 8);
        ctx.high = TierOps.v128Extend((int) (v >>> 32), bits, signed);
        return TierOps.v128Extend((int) v, bits, signed);
    }

    /** {@code v128.loadN_splat}: the half, to be duplicated by the caller. */
    public static long loadSplat(int addr, int offset, Memory m, int size) {
        return TierOps.v128Splat(TierMemory.v128Read(m, TierMemory.v128Address(addr, offset, size, m), size), size * 8);
    }

    /** {@code v128.loadN_zero}: the low half (the high half is 0), zero-extended. */
    public static long loadZero(int addr, int offset, Memory m, int size) {
        long v = TierMemory.v128Read(m, TierMemory.v128Address(addr, offset, size, m), size);
        return size == 8 ? v : v & 0xFFFFFFFFL;
    }

    public static void store(int addr, long lo, long hi, int offset, Memory m) {
        int ea = TierMemory.v128Address(addr, offset, 16, m);
        TierMemory.v128Write(m, ea, 8, lo);
        TierMemory.v128Write(m, ea + 8, 8, hi);
    }

    /** {@code v128.loadN_lane}: lane {@code lane} of {@code size} bytes read from memory. */
    public static long loadLane(int addr, long lo, long hi, int offset, int lane, int size, Memory m, Context ctx) {
        long v = TierMemory.v128Read(m, TierMemory.v128Address(addr, offset, size, m), size);
        return replace(lo, hi, v, lane, size * 8, ctx);
    }

    /** {@code v128.storeN_lane}: lane {@code lane} of {@code size} bytes written to memory. */
    public static void storeLane(int addr, long lo, long hi, int offset, int lane, int size, Memory m) {
        int ea = TierMemory.v128Address(addr, offset, size, m);
        int bit = lane * size * 8;
        TierMemory.v128Write(m, ea, size, (bit < 64 ? lo : hi) >>> (bit & 63));
    }

    // ---- the same on a 64-bit memory (3.0 memory64): an i64 address and a u64 offset ----

    public static long load(long addr, long offset, Memory m, Context ctx) {
        long ea = TierOps64.v128Address(addr, offset, 16, m);
        ctx.high = TierOps64.v128Read(m, ea + 8, 8);
        return TierOps64.v128Read(m, ea, 8);
    }

    public static long loadExtend(long addr, long offset, Memory m, int bits, boolean signed, Context ctx) {
        long v = TierOps64.v128Read(m, TierOps64.v128Address(addr, offset, 8, m), 8);
        ctx.high = TierOps.v128Extend((int) (v >>> 32), bits, signed);
        return TierOps.v128Extend((int) v, bits, signed);
    }

    public static long loadSplat(long addr, long offset, Memory m, int size) {
        return TierOps.v128Splat(TierOps64.v128Read(m, TierOps64.v128Address(addr, offset, size, m), size), size * 8);
    }

    public static long loadZero(long addr, long offset, Memory m, int size) {
        long v = TierOps64.v128Read(m, TierOps64.v128Address(addr, offset, size, m), size);
        return size == 8 ? v : v & 0xFFFFFFFFL;
    }

    public static void store(long addr, long lo, long hi, long offset, Memory m) {
        long ea = TierOps64.v128Address(addr, offset, 16, m);
        TierOps64.v128Write(m, ea, 8, lo);
        TierOps64.v128Write(m, ea + 8, 8, hi);
    }

    public static long loadLane(long addr, long lo, long hi, long offset, int lane, int size, Memory m, Context ctx) {
        long v = TierOps64.v128Read(m, TierOps64.v128Address(addr, offset, size, m), size);
        return replace(lo, hi, v, lane, size * 8, ctx);
    }

    public static void storeLane(long addr, long lo, long hi, long offset, int lane, int size, Memory m) {
        long ea = TierOps64.v128Address(addr, offset, size, m);
        int bit = lane * size * 8;
        TierOps64.v128Write(m, ea, size, (bit < 64 ? lo : hi) >>> (bit & 63));
    }
}
