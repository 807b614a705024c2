package dev.sandpiper.compiler.runtime;

import dev.sandpiper.interpreter.TierGc;

/**
 * The GC instructions generated code calls ({@code translate.GcInstructions}): each passes the
 * context's instance to the interpreter's {@link TierGc}, which checks, traps and charges
 * allocations exactly as the interpreter does. Operands come first in WebAssembly's order, then
 * the context, then the static immediates, so generated code calls straight from its operand stack.
 * An i32 or f32 operand (a JVM {@code int}, raw bits) is sign-extended to the interpreter's stack
 * form here; a v128 is two {@code long}s, and a v128 read returns the low half and leaves the high
 * half in {@link Context#high}. The operands of {@code struct.new} and {@code array.new_fixed} are
 * in the context's value array ({@link #values}; nothing is allocated but the object).
 */
public final class Gc {
    private Gc() {}

    /**
     * The context's value array for the operands of a {@code struct.new} or {@code array.new_fixed}
     * of {@code n} entries, grown (rarely: to the largest such instruction run) when too small.
     */
    public static long[] values(Context ctx, int n) {
        long[] v = ctx.values;
        if (v.length < n) {
            v = new long[Math.max(n, 2 * v.length)];
            ctx.values = v;
        }
        return v;
    }

    /** {@code ref.eq} (spec 3.0): the same reference value (an i31 by its bits, an object by its handle). */
    public static boolean refEq(long a, long b) {
        return a == b;
    }

    public static long structNew(Context ctx, int type) {
        return TierGc.structNew(ctx.values, ctx.instance, type);
    }

    public static long structNewDefault(Context ctx, int type) {
        return TierGc.structNewDefault(ctx.instance, type);
    }

    /** {@code struct.get} and {@code struct.get_u}. */
    public static long structGet(long ref, Context ctx, int type, int field) {
        return TierGc.structGet(ref, ctx.instance, type, field, 0, 0);
    }

    public static long structGetS(long ref, Context ctx, int type, int field) {
        return TierGc.structGet(ref, ctx.instance, type, field, 1, 0);
    }

    public static long structGetV128(long ref, Context ctx, int type, int field) {
        long low = TierGc.structGet(ref, ctx.instance, type, field, 0, 0);
        ctx.high = TierGc.structGet(ref, ctx.instance, type, field, 0, 1);
        return low;
    }

    public static void structSet(long ref, int value, Context ctx, int type, int field) {
        TierGc.structSet(ref, value, ctx.instance, type, field);
    }

    public static void structSet(long ref, long value, Context ctx, int type, int field) {
        TierGc.structSet(ref, value, ctx.instance, type, field);
    }

    public static void structSet(long ref, long low, long high, Context ctx, int type, int field) {
        TierGc.structSet(ref, low, high, ctx.instance, type, field);
    }

    public static long arrayNew(int value, int n, Context ctx, int type) {
        return TierGc.arrayNew(value, 0, n, ctx.instance, type);
    }

    public static long arrayNew(long value, int n, Context ctx, int type) {
        return TierGc.arrayNew(value, 0, n, ctx.instance, type);
    }

    public static long arrayNew(long low, long high, int n, Context ctx, int type) {
        return TierGc.arrayNew(low, high, n, ctx.instance, type);
    }

    public static long arrayNewDefault(int n, Context ctx, int type) {
        return TierGc.arrayNewDefault(n, ctx.instance, type);
    }

    public static long arrayNewFixed(Context ctx, int type, int n) {
        return TierGc.arrayNewFixed(ctx.values, ctx.instance, type, n);
    }

    public static long arrayNewData(int s, int n, Context ctx, int type, int segment) {
        return TierGc.arrayNewData(s, n, ctx.instance, type, segment);
    }

    public static long arrayNewElem(int s, int n, Context ctx, int type, int segment) {
        return TierGc.arrayNewElem(s, n, ctx.instance, type, segment);
    }

    /** {@code array.get} and {@code array.get_u}. */
    public static long arrayGet(long ref, int i, Context ctx, int type) {
        return TierGc.arrayGet(ref, i, ctx.instance, type, 0, 0);
    }

    public static long arrayGetS(long ref, int i, Context ctx, int type) {
        return TierGc.arrayGet(ref, i, ctx.instance, type, 1, 0);
    }

    public static long arrayGetV128(long ref, int i, Context ctx, int type) {
        long low = TierGc.arrayGet(ref, i, ctx.instance, type, 0, 0);
        ctx.high = TierGc.arrayGet(ref, i, ctx.instance, type, 0, 1);
        return low;
    }

    public static void arraySet(long ref, int i, int value, Context ctx, int type) {
        TierGc.arraySet(ref, i, value, 0, ctx.instance, type);
    }

    public static void arraySet(long ref, int i, long value, Context ctx, int type) {
        TierGc.arraySet(ref, i, value, 0, ctx.instance, type);
    }

    public static void arraySet(long ref, int i, long low, long high, Context ctx, int type) {
        TierGc.arraySet(ref, i, low, high, ctx.instance, type);
    }

    public static int arrayLen(long ref, Context ctx) {
        return TierGc.arrayLen(ref, ctx.instance);
    }

    public static void arrayFill(long ref, int d, int value, int n, Context ctx, int type) {
        TierGc.arrayFill(ref, d, value, 0, n, ctx.instance, type);
    }

    public static void arrayFill(long ref, int d, long value, int n, Context ctx, int type) {
        TierGc.arrayFill(ref, d, value, 0, n, ctx.instance, type);
    }

    public static void arrayFill(long ref, int d, long low, long high, int n, Context ctx, int type) {
        TierGc.arrayFill(ref, d, low, high, n, ctx.instance, type);
    }

    public static void arrayCopy(long dst, int d, long src, int s, int n, Context ctx, int type) {
        TierGc.arrayCopy(dst, d, src, s, n, ctx.instance, type);
    }

    public static void arrayInitData(long ref, int d, int s, int n, Context ctx, int type, int segment) {
        TierGc.arrayInitData(ref, d, s, n, ctx.instance, type, segment);
    }

    public static void arrayInitElem(long ref, int d, int s, int n, Context ctx, int segment) {
        TierGc.arrayInitElem(ref, d, s, n, ctx.instance, segment);
    }

    public static boolean refTest(long ref, Context ctx, boolean nullable, int heap, boolean concrete) {
        return TierGc.refTest(ref, ctx.instance, nullable, heap, concrete);
    }

    public static long refCast(long ref, Context ctx, boolean nullable, int heap, boolean concrete) {
        return TierGc.refCast(ref, ctx.instance, nullable, heap, concrete);
    }

    public static long anyConvertExtern(long ref, Context ctx) {
        return TierGc.anyConvertExtern(ref, ctx.instance);
    }

    public static long externConvertAny(long ref, Context ctx) {
        return TierGc.externConvertAny(ref, ctx.instance);
    }
}
