package dev.sandpiper.cli.fuzz;

import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.ImmediateKind;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random valid modules for the fuzz campaign: typed random code over every numeric
 * instruction of the 2.0 catalogue with a fixed signature ({@link Opcode#hasFixedSignature()}, v128
 * excluded: arithmetic, comparisons, conversions, loads and stores of every width, memory size, grow,
 * fill and copy), nested {@code block}/{@code loop}/{@code if} with and without results, {@code br},
 * {@code br_if}, {@code br_table}, {@code return}, {@code unreachable}, {@code select}, locals and
 * globals, direct calls (recursion included) and {@code call_indirect} through a table with null and
 * out-of-range slots, an imported host function ({@code spectest.print_i32}), data and element
 * segments that may not fit, and sometimes a start function. Loops either count down a local of their
 * own or run until a random condition fails, so some modules loop until fuel runs out, which is what
 * the campaign's fuel and deadline are for. Every function is exported as {@code f0}, {@code f1}...
 */
public final class ModuleGenerator {
    private static final ValType[] NUMERIC = {ValType.I32, ValType.I64, ValType.F32, ValType.F64};
    /** Fixed-signature ops pushing one value, by {@link #NUMERIC} index of the type they push. */
    private static final List<List<Opcode>> PRODUCERS = new ArrayList<>();
    /** Fixed-signature ops pushing nothing (stores, fill, copy). */
    private static final List<Opcode> EFFECTS = new ArrayList<>();

    static {
        for (int i = 0; i < NUMERIC.length; i++) {
            PRODUCERS.add(new ArrayList<>());
        }
        for (Opcode op : Opcode.values()) {
            if (!op.hasFixedSignature() || op.feature() == Feature.SIMD || !supported(op.immediate())) {
                continue;
            }
            boolean v128 = false;
            for (int i = 0; i < op.popCount(); i++) {
                v128 |= !op.pop(i).isNumeric() || op.pop(i) == ValType.V128;
            }
            for (int i = 0; i < op.pushCount(); i++) {
                v128 |= !op.push(i).isNumeric() || op.push(i) == ValType.V128;
            }
            if (v128) {
                continue;
            }
            if (op.pushCount() == 1) {
                PRODUCERS.get(index(op.push(0))).add(op);
            } else if (op.pushCount() == 0) {
                EFFECTS.add(op);
            }
        }
    }

    private static boolean supported(ImmediateKind k) {
        // constants are leaves of their own
        return k == ImmediateKind.NONE || k == ImmediateKind.MEMARG || k == ImmediateKind.MEMORY_INDEX
                || k == ImmediateKind.MEMORY_COPY;
    }

    private static int index(ValType t) {
        return switch (t.kind()) {
            case I32 -> 0;
            case I64 -> 1;
            case F32 -> 2;
            default -> 3;
        };
    }

    private record Sig(ValType[] params, ValType[] results) {}

    private final SplittableRandom rnd;
    private final int maxDepth;
    private final int maxStatements;
    private final List<Sig> sigs = new ArrayList<>();
    private final int imported;
    private int[] funcSig;
    private boolean memory;
    private int tableSize;
    private ValType[] globals;
    private boolean[] mutable;

    // Per function.
    private WasmWriter code;
    private List<ValType> locals;
    private final List<ValType[]> labels = new ArrayList<>();
    private int budget;

    private ModuleGenerator(SplittableRandom rnd, int size) {
        this.rnd = rnd;
        this.maxDepth = 1 + size / 2;
        this.maxStatements = 1 + size;
        this.imported = rnd.nextInt(4) == 0 ? 1 : 0;
    }

    /** A valid module from {@code rnd} of {@code size} 1..8 (depth of expressions, statements per block). */
    public static byte[] generate(SplittableRandom rnd, int size) {
        return new ModuleGenerator(rnd, Math.max(1, Math.min(8, size))).build();
    }

    private byte[] build() {
        sigs.add(new Sig(new ValType[0], new ValType[0]));
        sigs.add(new Sig(new ValType[] {ValType.I32}, new ValType[0])); // spectest.print_i32
        int extra = 1 + rnd.nextInt(4);
        for (int i = 0; i < extra; i++) {
            sigs.add(new Sig(types(rnd.nextInt(4)), types(rnd.nextInt(10) < 7 ? 1 : rnd.nextInt(3))));
        }
        int defined = 1 + rnd.nextInt(5);
        funcSig = new int[imported + defined];
        if (imported == 1) {
            funcSig[0] = 1;
        }
        for (int f = imported; f < funcSig.length; f++) {
            funcSig[f] = rnd.nextInt(5) == 0 ? 0 : 2 + rnd.nextInt(extra);
        }
        memory = rnd.nextInt(4) != 0;
        tableSize = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(6);
        int g = rnd.nextInt(5);
        globals = new ValType[g];
        mutable = new boolean[g];
        for (int i = 0; i < g; i++) {
            globals[i] = NUMERIC[rnd.nextInt(4)];
            mutable[i] = rnd.nextInt(3) != 0;
        }

        WasmWriter out = new WasmWriter().bytes(WasmWriter.HEADER);
        WasmWriter s = new WasmWriter().u32(sigs.size());
        for (Sig sig : sigs) {
            s.byte_(0x60).u32(sig.params.length);
            for (ValType t : sig.params) {
                s.byte_(t.code());
            }
            s.u32(sig.results.length);
            for (ValType t : sig.results) {
                s.byte_(t.code());
            }
        }
        out.section(1, s);
        if (imported == 1) {
            out.section(2, new WasmWriter().u32(1).name("spectest").name("print_i32").byte_(0).u32(1));
        }
        s = new WasmWriter().u32(defined);
        for (int f = imported; f < funcSig.length; f++) {
            s.u32(funcSig[f]);
        }
        out.section(3, s);
        if (tableSize > 0) {
            s = new WasmWriter().u32(1).byte_(ValType.FUNCREF.code());
            limits(s, tableSize, rnd.nextBoolean() ? tableSize + rnd.nextInt(4) : -1);
            out.section(4, s);
        }
        if (memory) {
            int min = rnd.nextInt(3);
            s = new WasmWriter().u32(1);
            limits(s, min, rnd.nextBoolean() ? min + rnd.nextInt(4) : -1);
            out.section(5, s);
        }
        if (g > 0) {
            s = new WasmWriter().u32(g);
            for (int i = 0; i < g; i++) {
                s.byte_(globals[i].code()).byte_(mutable[i] ? 1 : 0);
                code = s;
                constant(globals[i]);
                s.byte_(0x0B);
            }
            out.section(6, s);
        }
        s = new WasmWriter();
        int exports = funcSig.length + g + (memory ? 1 : 0);
        s.u32(exports);
        for (int f = 0; f < funcSig.length; f++) {
            s.name("f" + f).byte_(0).u32(f);
        }
        for (int i = 0; i < g; i++) {
            s.name("g" + i).byte_(3).u32(i);
        }
        if (memory) {
            s.name("mem").byte_(2).u32(0);
        }
        out.section(7, s);
        if (rnd.nextInt(8) == 0) {
            for (int f = imported; f < funcSig.length; f++) {
                if (funcSig[f] == 0) {
                    out.section(8, new WasmWriter().u32(f));
                    break;
                }
            }
        }
        if (tableSize > 0) {
            int n = rnd.nextInt(tableSize + 1);
            int offset = rnd.nextInt(16) == 0 ? tableSize : rnd.nextInt(tableSize - n + 1);
            s = new WasmWriter().u32(1).byte_(0).byte_(0x41).sleb(offset).byte_(0x0B).u32(n);
            for (int i = 0; i < n; i++) {
                s.u32(rnd.nextInt(funcSig.length));
            }
            out.section(9, s);
        }
        s = new WasmWriter().u32(defined);
        for (int f = imported; f < funcSig.length; f++) {
            WasmWriter body = body(sigs.get(funcSig[f]));
            s.u32(body.size()).append(body);
        }
        out.section(10, s);
        if (memory && rnd.nextBoolean()) {
            byte[] data = new byte[rnd.nextInt(32)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) rnd.nextInt(256);
            }
            int offset = rnd.nextInt(16) == 0 ? 65536 : rnd.nextInt(256);
            s = new WasmWriter().u32(1).byte_(0).byte_(0x41).sleb(offset).byte_(0x0B).u32(data.length).bytes(data);
            out.section(11, s);
        }
        return out.toByteArray();
    }

    private ValType[] types(int n) {
        ValType[] t = new ValType[n];
        for (int i = 0; i < n; i++) {
            t[i] = NUMERIC[rnd.nextInt(4)];
        }
        return t;
    }

    private static void limits(WasmWriter s, int min, int max) {
        if (max < 0) {
            s.byte_(0).u32(min);
        } else {
            s.byte_(1).u32(min).u32(max);
        }
    }

    // ---------------------------------------------------------------- function bodies

    private WasmWriter body(Sig sig) {
        locals = new ArrayList<>(List.of(sig.params));
        int declared = rnd.nextInt(5);
        for (int i = 0; i < declared; i++) {
            locals.add(NUMERIC[rnd.nextInt(4)]);
        }
        code = new WasmWriter();
        budget = 40 + maxStatements * 30;
        labels.clear();
        labels.add(sig.results);
        statements(0);
        for (ValType t : sig.results) {
            expr(t, 0);
        }
        code.byte_(0x0B);
        // Loop counters were added as locals while generating: declare them now.
        WasmWriter body = new WasmWriter();
        int extra = locals.size() - sig.params.length;
        body.u32(extra);
        for (int i = sig.params.length; i < locals.size(); i++) {
            body.u32(1).byte_(locals.get(i).code());
        }
        return body.append(code);
    }

    private void statements(int depth) {
        int n = rnd.nextInt(maxStatements + 1);
        for (int i = 0; i < n && budget > 0; i++) {
            statement(depth);
        }
    }

    private void statement(int depth) {
        budget--;
        int choice = rnd.nextInt(depth >= maxDepth ? 9 : 13);
        switch (choice) {
            case 0, 1 -> {
                int l = rnd.nextInt(locals.size() + 1);
                if (l < locals.size()) {
                    expr(locals.get(l), depth);
                    code.byte_(0x21).u32(l);
                } else {
                    code.byte_(0x01);
                }
            }
            case 2 -> {
                int gi = mutableGlobal();
                if (gi >= 0) {
                    expr(globals[gi], depth);
                    code.byte_(0x24).u32(gi);
                }
            }
            case 3 -> {
                expr(NUMERIC[rnd.nextInt(4)], depth);
                code.byte_(0x1A);
            }
            case 4 -> effect(depth);
            case 5 -> call(depth, true);
            case 6 -> branch(depth);
            case 7 -> {
                if (rnd.nextInt(40) == 0) {
                    code.byte_(0x00); // unreachable
                } else if (rnd.nextInt(10) == 0) {
                    ValType[] results = labels.get(0);
                    for (ValType t : results) {
                        expr(t, depth);
                    }
                    code.byte_(0x0F); // return
                } else {
                    call(depth, false);
                }
            }
            case 8 -> effect(depth);
            case 9, 10 -> block(depth, null, false);
            case 11 -> loop(depth);
            default -> ifElse(depth, null);
        }
    }

    private int mutableGlobal() {
        for (int tries = 0; tries < 3 && globals.length > 0; tries++) {
            int gi = rnd.nextInt(globals.length);
            if (mutable[gi]) {
                return gi;
            }
        }
        return -1;
    }

    /** A store, fill or copy when there is a memory. */
    private void effect(int depth) {
        if (!memory || EFFECTS.isEmpty()) {
            code.byte_(0x01);
            return;
        }
        op(EFFECTS.get(rnd.nextInt(EFFECTS.size())), depth);
    }

    /** Emits {@code op} after its operands, with its immediates. */
    private void op(Opcode op, int depth) {
        for (int i = 0; i < op.popCount(); i++) {
            expr(op.pop(i), depth + 1);
        }
        if (op.prefix() != 0) {
            code.byte_(op.prefix()).u32(op.code());
        } else {
            code.byte_(op.code());
        }
        switch (op.immediate()) {
            case MEMARG -> {
                int natural = Integer.numberOfTrailingZeros(op.memoryBytes());
                code.u32(rnd.nextInt(natural + 1));
                int r = rnd.nextInt(20);
                code.u32(r == 0 ? 0xFFFF_FFFFL : r == 1 ? 65536 - rnd.nextInt(8) : rnd.nextInt(64));
            }
            case MEMORY_INDEX -> code.byte_(0);
            case MEMORY_COPY -> code.byte_(0).byte_(0);
            default -> { }
        }
    }

    /** A call (direct or indirect) whose results are dropped, or used when {@code want} asks for them. */
    private void call(int depth, boolean indirect) {
        int f = rnd.nextInt(funcSig.length);
        int sigIndex = indirect && tableSize > 0 ? rnd.nextInt(sigs.size()) : funcSig[f];
        Sig sig = sigs.get(sigIndex);
        for (ValType t : sig.params) {
            expr(t, depth + 1);
        }
        if (indirect && tableSize > 0) {
            code.byte_(0x41).sleb(rnd.nextInt(tableSize + 2));
            code.byte_(0x11).u32(sigIndex).byte_(0);
        } else {
            code.byte_(0x10).u32(f);
        }
        for (int i = 0; i < sig.results.length; i++) {
            code.byte_(0x1A);
        }
    }

    /** {@code br}, {@code br_if} or {@code br_table} to an enclosing label. */
    private void branch(int depth) {
        int l = rnd.nextInt(labels.size());
        ValType[] target = labels.get(labels.size() - 1 - l);
        int kind = rnd.nextInt(6);
        if (kind == 0) {
            // br_table over labels of the same arity and types
            List<Integer> same = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                if (java.util.Arrays.equals(labels.get(labels.size() - 1 - i), target)) {
                    same.add(i);
                }
            }
            for (ValType t : target) {
                expr(t, depth + 1);
            }
            expr(ValType.I32, depth + 1);
            int n = rnd.nextInt(rnd.nextInt(50) == 0 ? 300 : 5);
            code.byte_(0x0E).u32(n);
            for (int i = 0; i < n; i++) {
                code.u32(same.get(rnd.nextInt(same.size())));
            }
            code.u32(l);
        } else if (kind == 1) {
            for (ValType t : target) {
                expr(t, depth + 1);
            }
            code.byte_(0x0C).u32(l);
        } else {
            for (ValType t : target) {
                expr(t, depth + 1);
            }
            expr(ValType.I32, depth + 1);
            code.byte_(0x0D).u32(l);
            for (int i = 0; i < target.length; i++) {
                code.byte_(0x1A);
            }
        }
    }

    /** A block with no result (then {@code result} is null) or one, which is left on the stack. */
    private void block(int depth, ValType result, boolean loop) {
        code.byte_(loop ? 0x03 : 0x02).byte_(result == null ? 0x40 : result.code());
        labels.add(loop || result == null ? new ValType[0] : new ValType[] {result});
        statements(depth + 1);
        if (result != null) {
            expr(result, depth + 1);
        }
        labels.remove(labels.size() - 1);
        code.byte_(0x0B);
    }

    /** A loop: counting down a fresh local most of the time, else while a random condition holds. */
    private void loop(int depth) {
        boolean counted = rnd.nextInt(10) < 8;
        int counter = locals.size();
        if (counted) {
            locals.add(ValType.I32);
            code.byte_(0x41).sleb(1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 500 : 8)).byte_(0x21).u32(counter);
        }
        code.byte_(0x03).byte_(0x40);
        labels.add(new ValType[0]);
        statements(depth + 1);
        if (counted) {
            code.byte_(0x20).u32(counter).byte_(0x41).byte_(1).byte_(0x6B).byte_(0x22).u32(counter);
        } else {
            expr(ValType.I32, depth + 1);
        }
        code.byte_(0x0D).u32(0);
        labels.remove(labels.size() - 1);
        code.byte_(0x0B);
    }

    private void ifElse(int depth, ValType result) {
        expr(ValType.I32, depth + 1);
        code.byte_(0x04).byte_(result == null ? 0x40 : result.code());
        labels.add(result == null ? new ValType[0] : new ValType[] {result});
        statements(depth + 1);
        if (result != null) {
            expr(result, depth + 1);
        }
        if (result != null || rnd.nextBoolean()) {
            code.byte_(0x05);
            statements(depth + 1);
            if (result != null) {
                expr(result, depth + 1);
            }
        }
        labels.remove(labels.size() - 1);
        code.byte_(0x0B);
    }

    // ---------------------------------------------------------------- expressions

    /** Code that pushes one value of type {@code t}. */
    private void expr(ValType t, int depth) {
        budget--;
        if (depth >= maxDepth || budget <= 0 || rnd.nextInt(3) == 0) {
            leaf(t);
            return;
        }
        int choice = rnd.nextInt(12);
        if (choice < 7) {
            List<Opcode> ops = PRODUCERS.get(index(t));
            Opcode op = ops.get(rnd.nextInt(ops.size()));
            if (!memory && (op.immediate() == ImmediateKind.MEMARG || op.immediate() == ImmediateKind.MEMORY_INDEX)) {
                leaf(t);
            } else {
                op(op, depth);
            }
        } else if (choice == 7) {
            expr(t, depth + 1);
            expr(t, depth + 1);
            expr(ValType.I32, depth + 1);
            if (rnd.nextBoolean()) {
                code.byte_(0x1B);
            } else {
                code.byte_(0x1C).u32(1).byte_(t.code());
            }
        } else if (choice == 8) {
            block(depth, t, rnd.nextInt(4) == 0);
        } else if (choice == 9) {
            ifElse(depth, t);
        } else if (choice == 10) {
            int l = rnd.nextInt(locals.size() + 1);
            if (l < locals.size() && locals.get(l) == t) {
                expr(t, depth + 1);
                code.byte_(0x22).u32(l);
            } else {
                leaf(t);
            }
        } else {
            int f = rnd.nextInt(funcSig.length);
            Sig sig = sigs.get(funcSig[f]);
            if (sig.results.length == 1 && sig.results[0] == t) {
                for (ValType p : sig.params) {
                    expr(p, depth + 1);
                }
                code.byte_(0x10).u32(f);
            } else {
                leaf(t);
            }
        }
    }

    private void leaf(ValType t) {
        int r = rnd.nextInt(6);
        if (r < 2) {
            for (int tries = 0; tries < 3; tries++) {
                int l = rnd.nextInt(locals.size() + 1);
                if (l < locals.size() && locals.get(l) == t) {
                    code.byte_(0x20).u32(l);
                    return;
                }
            }
        } else if (r == 2 && globals.length > 0) {
            int gi = rnd.nextInt(globals.length);
            if (globals[gi] == t) {
                code.byte_(0x23).u32(gi);
                return;
            }
        }
        constant(t);
    }

    /** A constant of type {@code t}: small numbers mostly, else edge cases and random bits. */
    private void constant(ValType t) {
        long bits;
        int r = rnd.nextInt(10);
        switch (t.kind()) {
            case I32 -> {
                int[] edge = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 65536, 0x7FFF, 8};
                bits = r < 6 ? rnd.nextInt(64) : r < 9 ? edge[rnd.nextInt(edge.length)] : rnd.nextInt();
                code.byte_(0x41).sleb((int) bits);
            }
            case I64 -> {
                long[] edge = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 0xFFFF_FFFFL};
                bits = r < 6 ? rnd.nextInt(64) : r < 9 ? edge[rnd.nextInt(edge.length)] : rnd.nextLong();
                code.byte_(0x42).sleb(bits);
            }
            case F32 -> {
                float[] edge = {0f, -0f, 1f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        Float.MIN_VALUE, Float.MAX_VALUE, 2147483648f, -2147483904f, 4294967296f};
                int b = r < 5 ? Float.floatToRawIntBits(rnd.nextInt(200) - 100 + rnd.nextInt(4) / 4f)
                        : r < 9 ? Float.floatToRawIntBits(edge[rnd.nextInt(edge.length)]) : rnd.nextInt();
                code.byte_(0x43).fixed(b, 4);
            }
            default -> {
                double[] edge = {0d, -0d, 1d, -1.5d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 9.223372036854775807E18, -9.223372036854777E18, 4294967296d};
                long b = r < 5 ? Double.doubleToRawLongBits(rnd.nextInt(200) - 100 + rnd.nextInt(4) / 4d)
                        : r < 9 ? Double.doubleToRawLongBits(edge[rnd.nextInt(edge.length)]) : rnd.nextLong();
                code.byte_(0x44).fixed(b, 8);
            }
        }
    }
}
