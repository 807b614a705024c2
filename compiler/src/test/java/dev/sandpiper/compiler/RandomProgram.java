package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.I64;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates valid random modules for the differential test, from a seed and a size, with a
 * WAT-like listing of every function for failure reports.
 *
 * <p>Shape: func 0, exported as "run" (i32, i64) -> i32, sets the call budget (global 0) and calls
 * func 1. Funcs 1..n have types (i32, i64) -> i32, -> i64 or -> (i32, i64); each starts by returning
 * zeros when the budget is spent and otherwise takes one from it, so calls (recursion included) are
 * bounded. Bodies are typed random code: nested {@code block}/{@code loop}/{@code if} (with results,
 * with a parameter, with two results), {@code br}, {@code br_if} carrying values past operands below,
 * {@code br_table}, {@code return}, {@code unreachable}, dead code after them, direct calls and
 * {@code call_indirect} through a table with null and out-of-range slots, i32/i64 arithmetic
 * including division and remainder that trap, comparisons both fused into branches and as values,
 * conversions, loads and stores (all widths) into a 1-page memory (growable to 2) that may go out of
 * bounds, {@code memory.size}/{@code grow}/{@code fill}, globals, {@code select} (plain and typed),
 * {@code local.tee}, and vector code: v128 values made by splats, constants and loads (all forms,
 * out of bounds too), combined by lane operators (integer, float with NaNs, shuffles, shifts,
 * lane replacement), stored, and reduced to an i32 or i64 by lane extraction and tests, with the
 * v128 operands left on the stack while nested code branches. A loop is entered with a counter in a local of its own that only its
 * back-branches decrement (they branch only while it stays positive), so every program terminates.
 * Exports: "run", "mem", globals "g1" (i32) and "g2" (i64); global 0 is the budget.
 */
final class RandomProgram {
    /** A generated module, its listing, and arguments for a few calls of "run". */
    record Program(long seed, int size, byte[] bytes, String text, long[][] args) {
        @Override
        public String toString() {
            return "seed " + seed + ", size " + size + ":\n" + text;
        }
    }

    private static final int T_I = 0;     // (i32, i64) -> i32
    private static final int T_J = 1;     // (i32, i64) -> i64
    private static final int T_M = 2;     // (i32, i64) -> (i32, i64)
    private static final int T_P = 3;     // (i32) -> i32, blocks and loops with a parameter
    private static final int T_R = 4;     // () -> (i32, i64), blocks with two results
    private static final int T_TAG = 5;   // (i32) -> (), (i64) -> (), () -> (): tags 0, 1, 2
    private static final int MAX_LOOPS = 4;
    private static final int FIRST_COUNTER = 6;
    private static final int[] I_LOCALS = {0, 2, 3};
    private static final int[] J_LOCALS = {1, 4, 5};

    private static final Opcode[] I_BINOPS = {Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_DIV_S,
            Opcode.I32_DIV_U, Opcode.I32_REM_S, Opcode.I32_REM_U, Opcode.I32_AND, Opcode.I32_OR, Opcode.I32_XOR,
            Opcode.I32_SHL, Opcode.I32_SHR_S, Opcode.I32_SHR_U, Opcode.I32_ROTL, Opcode.I32_ROTR};
    private static final Opcode[] J_BINOPS = {Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_MUL, Opcode.I64_DIV_S,
            Opcode.I64_DIV_U, Opcode.I64_REM_S, Opcode.I64_REM_U, Opcode.I64_AND, Opcode.I64_OR, Opcode.I64_XOR,
            Opcode.I64_SHL, Opcode.I64_SHR_S, Opcode.I64_SHR_U, Opcode.I64_ROTL, Opcode.I64_ROTR};
    private static final Opcode[] I_UNOPS = {Opcode.I32_CLZ, Opcode.I32_CTZ, Opcode.I32_POPCNT, Opcode.I32_EQZ,
            Opcode.I32_EXTEND8_S, Opcode.I32_EXTEND16_S};
    private static final Opcode[] J_UNOPS = {Opcode.I64_CLZ, Opcode.I64_CTZ, Opcode.I64_POPCNT,
            Opcode.I64_EXTEND8_S, Opcode.I64_EXTEND16_S, Opcode.I64_EXTEND32_S};
    private static final Opcode[] I_COMPARES = {Opcode.I32_EQ, Opcode.I32_NE, Opcode.I32_LT_S, Opcode.I32_LT_U,
            Opcode.I32_GT_S, Opcode.I32_GT_U, Opcode.I32_LE_S, Opcode.I32_LE_U, Opcode.I32_GE_S, Opcode.I32_GE_U};
    private static final Opcode[] J_COMPARES = {Opcode.I64_EQ, Opcode.I64_NE, Opcode.I64_LT_S, Opcode.I64_LT_U,
            Opcode.I64_GT_S, Opcode.I64_GT_U, Opcode.I64_LE_S, Opcode.I64_LE_U, Opcode.I64_GE_S, Opcode.I64_GE_U};
    /** Loads by result type, with their natural alignment exponents. */
    private static final Opcode[] I_LOADS = {Opcode.I32_LOAD, Opcode.I32_LOAD8_S, Opcode.I32_LOAD8_U,
            Opcode.I32_LOAD16_S, Opcode.I32_LOAD16_U};
    private static final int[] I_LOAD_ALIGN = {2, 0, 0, 1, 1};
    private static final Opcode[] J_LOADS = {Opcode.I64_LOAD, Opcode.I64_LOAD8_S, Opcode.I64_LOAD8_U,
            Opcode.I64_LOAD16_S, Opcode.I64_LOAD16_U, Opcode.I64_LOAD32_S, Opcode.I64_LOAD32_U};
    private static final int[] J_LOAD_ALIGN = {3, 0, 0, 1, 1, 2, 2};
    private static final Opcode[] I_STORES = {Opcode.I32_STORE, Opcode.I32_STORE8, Opcode.I32_STORE16};
    private static final int[] I_STORE_ALIGN = {2, 0, 1};
    private static final Opcode[] J_STORES = {Opcode.I64_STORE, Opcode.I64_STORE8, Opcode.I64_STORE16, Opcode.I64_STORE32};
    private static final int[] J_STORE_ALIGN = {3, 0, 1, 2};
    private static final Opcode[] V_BINOPS = {Opcode.V128_AND, Opcode.V128_ANDNOT, Opcode.V128_XOR, Opcode.I8X16_ADD,
        Opcode.I8X16_SUB_SAT_S, Opcode.I8X16_MIN_U, Opcode.I8X16_SWIZZLE, Opcode.I16X8_MUL, Opcode.I16X8_Q15MULR_SAT_S,
        Opcode.I16X8_NARROW_I32X4_S, Opcode.I32X4_ADD, Opcode.I32X4_LT_S, Opcode.I32X4_DOT_I16X8_S,
        Opcode.I32X4_EXTMUL_HIGH_I16X8_U, Opcode.I64X2_MUL, Opcode.I64X2_SUB, Opcode.I64X2_GT_S, Opcode.F32X4_ADD,
        Opcode.F32X4_MIN, Opcode.F32X4_PMAX, Opcode.F32X4_LE, Opcode.F64X2_DIV, Opcode.F64X2_MAX, Opcode.F64X2_EQ};
    private static final Opcode[] V_UNOPS = {Opcode.V128_NOT, Opcode.I8X16_ABS, Opcode.I8X16_POPCNT, Opcode.I16X8_NEG,
        Opcode.I16X8_EXTEND_HIGH_I8X16_S, Opcode.I32X4_EXTADD_PAIRWISE_I16X8_U, Opcode.I64X2_EXTEND_LOW_I32X4_U,
        Opcode.F32X4_SQRT, Opcode.F32X4_NEAREST, Opcode.I32X4_TRUNC_SAT_F32X4_S, Opcode.F64X2_NEG,
        Opcode.F64X2_PROMOTE_LOW_F32X4, Opcode.F32X4_DEMOTE_F64X2_ZERO, Opcode.I32X4_TRUNC_SAT_F64X2_U_ZERO};
    private static final Opcode[] V_SHIFTS = {Opcode.I8X16_SHL, Opcode.I16X8_SHR_S, Opcode.I32X4_SHR_U, Opcode.I64X2_SHL};
    private static final Opcode[] V_TESTS = {Opcode.V128_ANY_TRUE, Opcode.I8X16_ALL_TRUE, Opcode.I16X8_BITMASK,
        Opcode.I32X4_ALL_TRUE, Opcode.I64X2_BITMASK, Opcode.I8X16_BITMASK};
    private static final Opcode[] V_LOADS = {Opcode.V128_LOAD, Opcode.V128_LOAD8X8_S, Opcode.V128_LOAD32X2_U,
        Opcode.V128_LOAD16_SPLAT, Opcode.V128_LOAD64_SPLAT, Opcode.V128_LOAD32_ZERO, Opcode.V128_LOAD64_ZERO};

    /** A label in scope: a loop (branch carries its parameters, guarded by its counter) or not. */
    private record Frame(boolean loop, List<Character> types, int counter) {}

    private final Random rnd;
    private final int maxDepth;
    private final int maxStatements;
    private final int functions;
    private final int[] funcType;
    /** Whether bodies also throw and catch (3.0 exception handling; see {@link #exceptionStatement}). */
    private boolean exceptions;

    // Per function.
    private Code code;
    private StringBuilder text;
    private int indent;
    private final List<Frame> frames = new ArrayList<>();
    private int loops;

    private RandomProgram(long seed, int size) {
        this.rnd = new Random(seed);
        this.maxDepth = Math.min(5, 1 + size / 2);
        this.maxStatements = 1 + size / 3;
        this.functions = 1 + rnd.nextInt(Math.min(4, 1 + size / 2));
        this.funcType = new int[functions + 1];
        funcType[0] = T_I;
        funcType[1] = T_I;
        for (int f = 2; f <= functions; f++) {
            funcType[f] = rnd.nextInt(3);
        }
    }

    /** The program of {@code seed} at {@code size} (1..8: depth of expressions, statements per block). */
    static Program generate(long seed, int size) {
        return new RandomProgram(seed, size).build(seed, size);
    }

    /**
     * The program of {@code seed} at {@code size} with exception handling too: tags 0 (i32), 1 (i64)
     * and 2 (no values), throws, try_table with clauses in random order to labels of its own and
     * enclosing blocks (the function's included), catch_all_ref with throw_ref of the caught (or a
     * null) exnref, and legacy try with catch, catch_all, rethrow and delegate.
     */
    static Program generateWithExceptions(long seed, int size) {
        RandomProgram p = new RandomProgram(seed, size);
        p.exceptions = true;
        return p.build(seed, size);
    }

    private Program build(long seed, int size) {
        ModuleBytes m = ModuleBytes.module()
                .type(List.of(I32, I64), List.of(I32))
                .type(List.of(I32, I64), List.of(I64))
                .type(List.of(I32, I64), List.of(I32, I64))
                .type(List.of(I32), List.of(I32))
                .type(List.of(), List.of(I32, I64))
                .table(ValType.FUNCREF, functions + 2, -1)
                .memory(1, 2)
                .global(I32, true, ModuleBytes.i32Expr(0))
                .global(I32, true, ModuleBytes.i32Expr(interestingInt()))
                .global(I64, true, ModuleBytes.i64Expr(interestingLong()))
                .global(I32, false, ModuleBytes.i32Expr(interestingInt()));
        if (exceptions) {
            m.type(List.of(I32), List.of()).type(List.of(I64), List.of()).type(List.of(), List.of())
                    .rawSectionAfter(5, ModuleBytes.section(13, ModuleBytes.vec(ModuleBytes.bytes(0, T_TAG),
                            ModuleBytes.bytes(0, T_TAG + 1), ModuleBytes.bytes(0, T_TAG + 2))));
        }
        StringBuilder listing = new StringBuilder();
        if (exceptions) {
            listing.append("tags: 0 (i32), 1 (i64), 2 ()\n");
        }
        listing.append("types: 0 (i32 i64)->i32, 1 (i32 i64)->i64, 2 (i32 i64)->(i32 i64), 3 (i32)->i32, 4 ()->(i32 i64)\n");
        listing.append("memory 1 2; globals: 0 budget (mut i32), 1 (mut i32), 2 (mut i64), 3 i32; table: funcs 1..")
                .append(functions).append(" then 2 nulls\n");
        int budget = rnd.nextInt(13);
        code = Code.code();
        text = new StringBuilder();
        indent = 1;
        line("i32.const " + budget);
        code.i32Const(budget);
        line("global.set 0");
        code.globalSet(0);
        line("local.get 0");
        code.localGet(0);
        line("local.get 1");
        code.localGet(1);
        line("call 1");
        code.call(1);
        code.end();
        m.function(T_I, code);
        listing.append("func 0 \"run\" (type 0)\n").append(text);
        ValType[] locals = new ValType[4 + MAX_LOOPS];
        locals[0] = I32;
        locals[1] = I32;
        locals[2] = I64;
        locals[3] = I64;
        for (int i = 0; i < MAX_LOOPS; i++) {
            locals[4 + i] = I32;
        }
        for (int f = 1; f <= functions; f++) {
            m.function(funcType[f], locals, function(f));
            listing.append("func ").append(f).append(" (type ").append(funcType[f])
                    .append(") (locals: 2 3 i32, 4 5 i64, 6.. loop counters i32)\n").append(text);
        }
        long[] elems = new long[functions];
        for (int f = 1; f <= functions; f++) {
            elems[f - 1] = f;
        }
        m.elemActive(ModuleBytes.i32Expr(0), elems);
        byte[] data = new byte[16];
        rnd.nextBytes(data);
        m.dataActive(ModuleBytes.i32Expr(rnd.nextInt(32)), data);
        m.export("run", ExternKind.FUNC, 0)
                .export("mem", ExternKind.MEMORY, 0)
                .export("g0", ExternKind.GLOBAL, 0)
                .export("g1", ExternKind.GLOBAL, 1)
                .export("g2", ExternKind.GLOBAL, 2);
        long[][] args = new long[3][];
        for (int i = 0; i < args.length; i++) {
            args[i] = new long[] {interestingInt(), interestingLong()};
        }
        return new Program(seed, size, m.build(), listing.toString(), args);
    }

    private Code function(int f) {
        code = Code.code();
        text = new StringBuilder();
        indent = 1;
        frames.clear();
        loops = 0;
        List<Character> results = results(funcType[f]);
        // Prologue: return zeros once the budget is spent, else take one from it.
        op(Opcode.GLOBAL_GET, "global.get 0", c -> c.globalGet(0));
        op(Opcode.I32_EQZ);
        open("if", c -> c.if_());
        for (char t : results) {
            constant(t, 0);
        }
        op(Opcode.RETURN);
        close();
        op(Opcode.GLOBAL_GET, "global.get 0", c -> c.globalGet(0));
        constant('I', 1);
        op(Opcode.I32_SUB);
        op(Opcode.GLOBAL_SET, "global.set 0", c -> c.globalSet(0));
        frames.add(new Frame(false, results, -1));
        body(results, maxDepth);
        frames.remove(frames.size() - 1);
        code.end();
        return code;
    }

    private static List<Character> results(int type) {
        return switch (type) {
            case T_I -> List.of('I');
            case T_J -> List.of('J');
            case T_M, T_R -> List.of('I', 'J');
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    // ---- emitting

    private interface Emit {
        void to(Code c);
    }

    private void line(String s) {
        text.append("  ".repeat(indent)).append(s).append('\n');
    }

    private void op(Opcode op) {
        line(op.text());
        code.op(op);
    }

    private void op(Opcode op, String listing, Emit emit) {
        line(listing);
        emit.to(code);
    }

    private void open(String listing, Emit emit) {
        line(listing);
        emit.to(code);
        indent++;
    }

    private void elseBranch() {
        indent--;
        line("else");
        code.else_();
        indent++;
    }

    private void close() {
        indent--;
        line("end");
        code.end();
    }

    private void constant(char t, long v) {
        if (t == 'I') {
            line("i32.const " + (int) v);
            code.i32Const((int) v);
        } else {
            line("i64.const " + v);
            code.i64Const(v);
        }
    }

    private static String typeName(char t) {
        return t == 'I' ? "i32" : "i64";
    }

    private int interestingInt() {
        return switch (rnd.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> Integer.MIN_VALUE;
            case 4 -> Integer.MAX_VALUE;
            case 5 -> 31 + rnd.nextInt(3);
            case 6 -> rnd.nextInt();
            case 7 -> 65535 + rnd.nextInt(3) - 1;
            default -> rnd.nextInt(20) - 5;
        };
    }

    private long interestingLong() {
        return switch (rnd.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> Long.MIN_VALUE;
            case 4 -> Long.MAX_VALUE;
            case 5 -> 63 + rnd.nextInt(3);
            case 6 -> rnd.nextLong();
            case 7 -> Integer.MIN_VALUE;
            case 8 -> 0xFFFF_FFFFL;
            default -> rnd.nextInt(20) - 5;
        };
    }

    private <T> T pick(T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    private int pick(int[] items) {
        return items[rnd.nextInt(items.length)];
    }

    // ---- bodies and statements

    /** Statements, then one value of each result type. */
    private void body(List<Character> results, int depth) {
        int n = rnd.nextInt(maxStatements + 1);
        for (int i = 0; i < n; i++) {
            statement(depth - 1);
        }
        for (char t : results) {
            expr(t, depth - 1);
        }
    }

    private void statements(int depth) {
        int n = rnd.nextInt(maxStatements + 1);
        for (int i = 0; i < n; i++) {
            statement(depth - 1);
        }
    }

    private void statement(int depth) {
        if (exceptions && rnd.nextInt(100) < 20) {
            exceptionStatement(depth);
            return;
        }
        int r = rnd.nextInt(100);
        if (depth <= 0 && r >= 40) {
            r = rnd.nextInt(40);
        }
        if (r < 14) {
            int l = rnd.nextBoolean() ? pick(I_LOCALS) : pick(J_LOCALS);
            expr(localType(l), depth);
            op(Opcode.LOCAL_SET, "local.set " + l, c -> c.localSet(l));
        } else if (r < 20) {
            char t = rnd.nextBoolean() ? 'I' : 'J';
            int g = t == 'I' ? 1 : 2;
            expr(t, depth);
            op(Opcode.GLOBAL_SET, "global.set " + g, c -> c.globalSet(g));
        } else if (r < 34) {
            store(depth);
        } else if (r < 40) {
            char t = rnd.nextBoolean() ? 'I' : 'J';
            expr(t, depth);
            op(Opcode.DROP);
        } else if (r < 50) {
            expr('I', depth);
            open("if", c -> c.if_());
            frames.add(new Frame(false, List.of(), -1));
            statements(depth);
            if (rnd.nextBoolean()) {
                elseBranch();
                statements(depth);
            }
            frames.remove(frames.size() - 1);
            close();
        } else if (r < 56) {
            open("block", c -> c.block());
            frames.add(new Frame(false, List.of(), -1));
            statements(depth);
            frames.remove(frames.size() - 1);
            close();
        } else if (r < 63 && loops < MAX_LOOPS) {
            loop(null, depth);
        } else if (r < 75) {
            int target = rnd.nextInt(frames.size());
            List<Character> carried = frames.get(target).types();
            branchIf(target, depth);
            for (int i = 0; i < carried.size(); i++) {
                op(Opcode.DROP);
            }
        } else if (r < 78) {
            polymorphic(depth);
        } else if (r < 85) {
            int f = 1 + rnd.nextInt(functions);
            callDirect(f, depth);
            for (int i = 0; i < results(funcType[f]).size(); i++) {
                op(Opcode.DROP);
            }
        } else if (r < 89) {
            bulk(depth);
        } else if (r < 92) {
            op(Opcode.NOP);
        } else {
            expr('I', depth);
            op(Opcode.DROP);
        }
    }

    private static char localType(int l) {
        return l == 1 || l == 4 || l == 5 ? 'J' : 'I';
    }

    private void store(int depth) {
        if (rnd.nextInt(5) == 0) {
            address(depth);
            vectorValue(depth - 1);
            long offset = offset();
            if (rnd.nextBoolean()) {
                op(Opcode.V128_STORE, "v128.store offset=" + offset, c -> c.mem(Opcode.V128_STORE, 0, offset));
            } else {
                int lane = rnd.nextInt(4);
                op(Opcode.V128_STORE32_LANE, "v128.store32_lane offset=" + offset + " " + lane,
                        c -> c.memLane(Opcode.V128_STORE32_LANE, 2, offset, lane));
            }
            return;
        }
        boolean wide = rnd.nextBoolean();
        int k = rnd.nextInt(wide ? J_STORES.length : I_STORES.length);
        Opcode op = wide ? J_STORES[k] : I_STORES[k];
        int align = rnd.nextInt((wide ? J_STORE_ALIGN[k] : I_STORE_ALIGN[k]) + 1);
        address(depth);
        expr(wide ? 'J' : 'I', depth);
        long offset = offset();
        op(op, op.text() + " offset=" + offset + " align=" + (1 << align), c -> c.mem(op, align, offset));
    }

    private void address(int depth) {
        int r = rnd.nextInt(10);
        if (r < 6) {
            expr('I', depth);
            constant('I', rnd.nextBoolean() ? 0xFF : 0x3FF);
            op(Opcode.I32_AND);
        } else if (r < 8) {
            constant('I', rnd.nextBoolean() ? rnd.nextInt(300) : 65520 + rnd.nextInt(30) + (rnd.nextBoolean() ? 65536 : 0));
        } else {
            expr('I', depth);
        }
    }

    private long offset() {
        int r = rnd.nextInt(10);
        return r < 7 ? rnd.nextInt(64) : r < 9 ? 65530 + rnd.nextInt(10) : 0xFFFF_FFF0L + rnd.nextInt(16);
    }

    private void bulk(int depth) {
        // memory.fill d v n, memory.copy d s n: small lengths, addresses that may be out of bounds.
        boolean fill = rnd.nextBoolean();
        address(depth);
        if (fill) {
            expr('I', depth);
        } else {
            address(depth);
        }
        constant('I', rnd.nextInt(10) == 0 ? 70000 : rnd.nextInt(40));
        if (fill) {
            op(Opcode.MEMORY_FILL, "memory.fill", c -> c.op(Opcode.MEMORY_FILL).raw(0));
        } else {
            op(Opcode.MEMORY_COPY, "memory.copy", c -> c.op(Opcode.MEMORY_COPY).raw(0, 0));
        }
    }

    // ---- control

    /**
     * {@code loop}: with {@code result} null a statement, else an expression of that type; one in
     * three loops of an i32 takes it as a parameter. The counter starts at 1..4 and each taken
     * back-branch needs it positive after decrementing it.
     */
    private void loop(Character result, int depth) {
        int counter = FIRST_COUNTER + loops;
        constant('I', 1 + rnd.nextInt(4));
        op(Opcode.LOCAL_SET, "local.set " + counter, c -> c.localSet(counter));
        loops++;
        boolean param = result != null && result == 'I' && rnd.nextInt(3) == 0;
        if (param) {
            expr('I', depth);
            open("loop (param i32) (result i32)", c -> c.loopType(T_P));
            frames.add(new Frame(true, List.of('I'), counter));
            statements(depth);
            expr('I', depth);
            op(pick(I_BINOPS)); // the parameter with a new value: the next iteration's parameter
            continueIf(counter, 0);
            frames.remove(frames.size() - 1);
            close();
        } else {
            open(result == null ? "loop" : "loop (result " + typeName(result) + ")",
                    c -> {
                        if (result == null) {
                            c.loop();
                        } else {
                            c.loop(result == 'I' ? I32 : I64);
                        }
                    });
            frames.add(new Frame(true, List.of(), counter));
            statements(depth);
            continueIf(counter, 0);
            if (result != null) {
                expr(result, depth);
            }
            frames.remove(frames.size() - 1);
            close();
        }
        loops--;
    }

    /** Decrements {@code counter} and branches to {@code label} while it stays positive. */
    private void continueIf(int counter, int label) {
        op(Opcode.LOCAL_GET, "local.get " + counter, c -> c.localGet(counter));
        constant('I', 1);
        op(Opcode.I32_SUB);
        op(Opcode.LOCAL_TEE, "local.tee " + counter, c -> c.localTee(counter));
        constant('I', 0);
        op(Opcode.I32_GT_S);
        op(Opcode.BR_IF, "br_if " + label, c -> c.brIf(label));
    }

    /** {@code br_if} to frame {@code index} with its values: they stay on the stack when not taken. */
    private void branchIf(int index, int depth) {
        Frame target = frames.get(index);
        int label = frames.size() - 1 - index;
        for (char t : target.types()) {
            expr(t, depth);
        }
        if (target.loop()) {
            continueIf(target.counter(), label);
        } else {
            condition(depth);
            op(Opcode.BR_IF, "br_if " + label, c -> c.brIf(label));
        }
    }

    /** An i32 condition: a comparison (which the compiler may fuse into the branch) or any value. */
    private void condition(int depth) {
        if (rnd.nextInt(3) == 0) {
            expr('I', depth);
        } else if (rnd.nextBoolean()) {
            expr('I', depth);
            expr('I', depth);
            op(pick(I_COMPARES));
        } else {
            expr('J', depth);
            if (rnd.nextInt(4) == 0) {
                op(Opcode.I64_EQZ);
            } else {
                expr('J', depth);
                op(pick(J_COMPARES));
            }
        }
    }

    /**
     * An unconditional transfer: {@code br} to a block (not a loop), {@code br_table},
     * {@code return} or {@code unreachable}. What follows is dead code.
     */
    private void polymorphic(int depth) {
        int r = rnd.nextInt(10);
        List<Integer> blocks = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).loop()) {
                blocks.add(i);
            }
        }
        if (r < 4) {
            int i = blocks.get(rnd.nextInt(blocks.size()));
            int label = frames.size() - 1 - i;
            for (char t : frames.get(i).types()) {
                expr(t, depth);
            }
            op(Opcode.BR, "br " + label, c -> c.br(label));
        } else if (r < 7) {
            Frame first = frames.get(blocks.get(rnd.nextInt(blocks.size())));
            List<Integer> same = new ArrayList<>();
            for (int i : blocks) {
                if (frames.get(i).types().equals(first.types())) {
                    same.add(frames.size() - 1 - i);
                }
            }
            long[] targets = new long[rnd.nextInt(4)];
            for (int k = 0; k < targets.length; k++) {
                targets[k] = same.get(rnd.nextInt(same.size()));
            }
            long dflt = same.get(rnd.nextInt(same.size()));
            for (char t : first.types()) {
                expr(t, depth);
            }
            expr('I', depth);
            StringBuilder s = new StringBuilder("br_table");
            for (long t : targets) {
                s.append(' ').append(t);
            }
            s.append(' ').append(dflt);
            op(Opcode.BR_TABLE, s.toString(), c -> c.brTable(targets, dflt));
        } else if (r < 9) {
            for (char t : frames.get(0).types()) {
                expr(t, depth);
            }
            op(Opcode.RETURN);
        } else {
            op(Opcode.UNREACHABLE);
        }
    }

    // ---- expressions

    /** Code that pushes one value of type {@code t} (or transfers control away). */
    private void expr(char t, int depth) {
        if (t == 'X') {
            leaf(t);
            return;
        }
        if (depth <= 0) {
            leaf(t);
            return;
        }
        int r = rnd.nextInt(100);
        if (r < 10) {
            leaf(t);
        } else if (r < 14) {
            vector(t, depth - 1);
        } else if (r < 36) {
            expr(t, depth - 1);
            expr(t, depth - 1);
            op(t == 'I' ? pick(I_BINOPS) : pick(J_BINOPS));
        } else if (r < 42) {
            expr(t, depth - 1);
            op(t == 'I' ? pick(I_UNOPS) : pick(J_UNOPS));
        } else if (r < 50) {
            if (t == 'I') {
                condition(depth - 1);
            } else {
                expr('I', depth - 1);
                op(rnd.nextBoolean() ? Opcode.I64_EXTEND_I32_S : Opcode.I64_EXTEND_I32_U);
            }
        } else if (r < 53) {
            if (t == 'I') {
                expr('J', depth - 1);
                op(Opcode.I32_WRAP_I64);
            } else {
                leaf(t);
            }
        } else if (r < 60) {
            load(t, depth - 1);
        } else if (r < 64) {
            expr(t, depth - 1);
            expr(t, depth - 1);
            condition(depth - 1);
            if (rnd.nextBoolean()) {
                op(Opcode.SELECT);
            } else {
                op(Opcode.SELECT_T, "select (result " + typeName(t) + ")", c -> c.selectT(t == 'I' ? I32 : I64));
            }
        } else if (r < 68) {
            int l = t == 'I' ? pick(I_LOCALS) : pick(J_LOCALS);
            expr(t, depth - 1);
            op(Opcode.LOCAL_TEE, "local.tee " + l, c -> c.localTee(l));
        } else if (r < 72) {
            open("block (result " + typeName(t) + ")", c -> c.block(t == 'I' ? I32 : I64));
            frames.add(new Frame(false, List.of(t), -1));
            body(List.of(t), depth);
            frames.remove(frames.size() - 1);
            close();
        } else if (r < 76) {
            condition(depth - 1);
            open("if (result " + typeName(t) + ")", c -> c.if_(t == 'I' ? I32 : I64));
            frames.add(new Frame(false, List.of(t), -1));
            body(List.of(t), depth);
            elseBranch();
            body(List.of(t), depth);
            frames.remove(frames.size() - 1);
            close();
        } else if (r < 79 && loops < MAX_LOOPS) {
            loop(t, depth - 1);
        } else if (r < 81) {
            twoResults(t, depth);
        } else if (r < 83 && t == 'I') {
            expr('I', depth - 1);
            open("block (param i32) (result i32)", c -> c.blockType(T_P));
            frames.add(new Frame(false, List.of('I'), -1));
            statements(depth - 1);
            expr('I', depth - 1);
            op(pick(I_BINOPS));
            frames.remove(frames.size() - 1);
            close();
        } else if (r < 89) {
            call(t, depth - 1);
        } else if (r < 94) {
            List<Integer> fitting = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if (frames.get(i).types().equals(List.of(t))) {
                    fitting.add(i);
                }
            }
            if (fitting.isEmpty()) {
                leaf(t);
            } else {
                branchIf(fitting.get(rnd.nextInt(fitting.size())), depth - 1);
            }
        } else if (r < 96) {
            polymorphic(depth - 1);
        } else if (r < 98 && t == 'I') {
            if (rnd.nextBoolean()) {
                op(Opcode.MEMORY_SIZE, "memory.size", c -> c.memorySize());
            } else {
                constant('I', rnd.nextInt(3));
                op(Opcode.MEMORY_GROW, "memory.grow", c -> c.memoryGrow());
            }
        } else {
            leaf(t);
        }
    }

    /** A value of {@code t} out of a v128: a lane extracted, or a test of the lanes (i32 only). */
    private void vector(char t, int depth) {
        vectorValue(depth);
        if (rnd.nextBoolean()) {
            // A conditional branch out past the v128 (dropping it when taken), its i32 dropped otherwise.
            i32OverVector(depth);
            op(Opcode.DROP);
        }
        if (t == 'J') {
            int lane = rnd.nextInt(2);
            Opcode op = rnd.nextBoolean() ? Opcode.I64X2_EXTRACT_LANE : Opcode.F64X2_EXTRACT_LANE;
            op(op, op.text() + " " + lane, c -> c.lane(op, lane));
            if (op == Opcode.F64X2_EXTRACT_LANE) {
                op(Opcode.I64_REINTERPRET_F64);
            }
            return;
        }
        switch (rnd.nextInt(3)) {
            case 0 -> {
                int lane = rnd.nextInt(4);
                op(Opcode.I32X4_EXTRACT_LANE, "i32x4.extract_lane " + lane, c -> c.lane(Opcode.I32X4_EXTRACT_LANE, lane));
            }
            case 1 -> {
                int lane = rnd.nextInt(16);
                Opcode op = rnd.nextBoolean() ? Opcode.I8X16_EXTRACT_LANE_S : Opcode.I16X8_EXTRACT_LANE_U;
                int l = op == Opcode.I8X16_EXTRACT_LANE_S ? lane : lane & 7;
                op(op, op.text() + " " + l, c -> c.lane(op, l));
            }
            default -> op(pick(V_TESTS));
        }
    }

    /**
     * An i32 computed while a v128 lies below it: often a {@code br_if} to an enclosing i32 label,
     * which when taken drops the v128 on the way.
     */
    private void i32OverVector(int depth) {
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).types().equals(List.of('I'))) {
                fitting.add(i);
            }
        }
        if (fitting.isEmpty() || rnd.nextBoolean()) {
            expr('I', depth);
        } else {
            branchIf(fitting.get(rnd.nextInt(fitting.size())), depth);
        }
    }

    /** A v128 value. */
    private void vectorValue(int depth) {
        int r = depth <= 0 ? rnd.nextInt(3) : rnd.nextInt(12);
        if (r < 2) {
            if (rnd.nextBoolean()) {
                i32OverVector(depth - 1);
                Opcode op = pick(new Opcode[] {Opcode.I8X16_SPLAT, Opcode.I16X8_SPLAT, Opcode.I32X4_SPLAT});
                op(op);
            } else {
                expr('J', depth - 1);
                if (rnd.nextBoolean()) {
                    op(Opcode.I64X2_SPLAT);
                } else {
                    op(Opcode.F64_REINTERPRET_I64);
                    op(Opcode.F64X2_SPLAT);
                }
            }
        } else if (r < 3) {
            long lo = interestingLong();
            long hi = rnd.nextBoolean() ? interestingLong() : 0x7FC00001_FFC00000L;
            byte[] b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (lo >>> (i * 8));
                b[i + 8] = (byte) (hi >>> (i * 8));
            }
            op(Opcode.V128_CONST, "v128.const i64x2 " + lo + " " + hi, c -> c.v128Const(b));
        } else if (r < 6) {
            vectorValue(depth - 1);
            vectorValue(depth - 1);
            op(pick(V_BINOPS));
        } else if (r < 8) {
            vectorValue(depth - 1);
            op(pick(V_UNOPS));
        } else if (r < 9) {
            vectorValue(depth - 1);
            i32OverVector(depth - 1);
            op(pick(V_SHIFTS));
        } else if (r < 10) {
            vectorValue(depth - 1);
            vectorValue(depth - 1);
            int[] lanes = new int[16];
            for (int i = 0; i < 16; i++) {
                lanes[i] = rnd.nextInt(32);
            }
            op(Opcode.I8X16_SHUFFLE, "i8x16.shuffle " + Arrays.toString(lanes), c -> c.shuffle(lanes));
        } else if (r < 11) {
            vectorValue(depth - 1);
            i32OverVector(depth - 1);
            int lane = rnd.nextInt(8);
            op(Opcode.I16X8_REPLACE_LANE, "i16x8.replace_lane " + lane, c -> c.lane(Opcode.I16X8_REPLACE_LANE, lane));
        } else {
            Opcode op = pick(V_LOADS);
            address(depth - 1);
            long offset = offset();
            op(op, op.text() + " offset=" + offset, c -> c.mem(op, 0, offset));
        }
    }

    private void leaf(char t) {
        if (t == 'X') {
            op(Opcode.REF_NULL, "ref.null exn", c -> c.raw(0xD0, 0x69)); // the only exnref a branch carries
            return;
        }
        int r = rnd.nextInt(10);
        if (r < 4) {
            if (t == 'I') {
                constant('I', interestingInt());
            } else {
                constant('J', interestingLong());
            }
        } else if (r < 8) {
            int l = t == 'I' ? (rnd.nextInt(5) == 0 && loops > 0 ? FIRST_COUNTER + rnd.nextInt(loops) : pick(I_LOCALS))
                    : pick(J_LOCALS);
            op(Opcode.LOCAL_GET, "local.get " + l, c -> c.localGet(l));
        } else {
            int g = t == 'J' ? 2 : rnd.nextBoolean() ? 1 : 3;
            op(Opcode.GLOBAL_GET, "global.get " + g, c -> c.globalGet(g));
        }
    }

    private void load(char t, int depth) {
        int k = rnd.nextInt(t == 'I' ? I_LOADS.length : J_LOADS.length);
        Opcode op = t == 'I' ? I_LOADS[k] : J_LOADS[k];
        int align = rnd.nextInt((t == 'I' ? I_LOAD_ALIGN[k] : J_LOAD_ALIGN[k]) + 1);
        address(depth);
        long offset = offset();
        op(op, op.text() + " offset=" + offset + " align=" + (1 << align), c -> c.mem(op, align, offset));
    }

    /** A value of {@code t} out of something producing (i32, i64): the other value goes to a local. */
    private void twoResults(char t, int depth) {
        if (rnd.nextBoolean()) {
            open("block (result i32 i64)", c -> c.blockType(T_R));
            frames.add(new Frame(false, List.of('I', 'J'), -1));
            body(List.of('I', 'J'), depth);
            frames.remove(frames.size() - 1);
            close();
        } else {
            List<Integer> multi = new ArrayList<>();
            for (int f = 1; f <= functions; f++) {
                if (funcType[f] == T_M) {
                    multi.add(f);
                }
            }
            if (multi.isEmpty() || rnd.nextBoolean()) {
                callIndirect(T_M, depth - 1);
            } else {
                callDirect(multi.get(rnd.nextInt(multi.size())), depth - 1);
            }
        }
        int l = rnd.nextBoolean() ? 4 : 5;
        op(Opcode.LOCAL_SET, "local.set " + l, c -> c.localSet(l));
        if (t == 'J') {
            op(Opcode.DROP);
            op(Opcode.LOCAL_GET, "local.get " + l, c -> c.localGet(l));
        }
    }

    private void call(char t, int depth) {
        int want = t == 'I' ? T_I : T_J;
        List<Integer> fitting = new ArrayList<>();
        for (int f = 1; f <= functions; f++) {
            if (funcType[f] == want) {
                fitting.add(f);
            }
        }
        if (fitting.isEmpty() || rnd.nextInt(3) == 0) {
            callIndirect(want, depth);
        } else {
            callDirect(fitting.get(rnd.nextInt(fitting.size())), depth);
        }
    }

    private void callDirect(int f, int depth) {
        expr('I', depth);
        expr('J', depth);
        op(Opcode.CALL, "call " + f, c -> c.call(f));
    }

    /** {@code call_indirect} of {@code type}: the index may name another type, a null slot or nothing. */
    private void callIndirect(int type, int depth) {
        expr('I', depth);
        expr('J', depth);
        if (rnd.nextBoolean()) {
            constant('I', rnd.nextInt(functions + 3));
        } else {
            expr('I', depth);
            constant('I', 7);
            op(Opcode.I32_AND);
        }
        op(Opcode.CALL_INDIRECT, "call_indirect (type " + type + ")", c -> c.callIndirect(type, 0));
    }

    // ---- exception handling (3.0)

    /** A throw, a try_table statement or a legacy try statement. */
    private void exceptionStatement(int depth) {
        int r = rnd.nextInt(10);
        if (r < 3) {
            int tag = rnd.nextInt(3);
            if (tag < 2) {
                expr(tag == 0 ? 'I' : 'J', depth);
            }
            op(Opcode.THROW, "throw " + tag, c -> c.raw(0x08, tag));
        } else if (r < 8) {
            tryTable(depth);
        } else {
            legacyTry(depth);
        }
    }

    /**
     * <pre>
     * block $x                     (with exnref: after the caught exnref's handling)
     *   block $e (result exnref)   (with exnref: catch_all_ref's label)
     *     block $a (result i32)    catch 0
     *       block $b (result i64)  catch 1
     *         block $c             catch 2, catch_all
     *           try_table clauses...  statements  end
     *           i32 br $a
     *         end  i64
     *       end  wrap
     *     end  local.set
     *     br $x
     *   end  throw_ref or drop
     * end
     * </pre>
     * Clauses, in random order, also go to enclosing blocks (not loops) whose label takes what they give.
     */
    private void tryTable(int depth) {
        boolean withRef = rnd.nextInt(3) == 0;
        int outer = frames.size();
        if (withRef) {
            open("block $x", c -> c.block());
            frames.add(new Frame(false, List.of(), -1));
            open("block $e (result exnref)", c -> c.raw(0x02, 0x69));
            frames.add(new Frame(false, List.of('X'), -1));
        }
        open("block $a (result i32)", c -> c.block(I32));
        frames.add(new Frame(false, List.of('I'), -1));
        open("block $b (result i64)", c -> c.block(I64));
        frames.add(new Frame(false, List.of('J'), -1));
        open("block $c", c -> c.block());
        frames.add(new Frame(false, List.of(), -1));
        // Clauses: kind (0 catch, 2 catch_all, 3 catch_all_ref), tag, frame index.
        List<int[]> clauses = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(withRef ? 5 : 4);
            if (k < 3) {
                List<Character> gives = k == 0 ? List.of('I') : k == 1 ? List.of('J') : List.of();
                clauses.add(new int[] {0, k, frameGiven(gives)});
            } else if (k == 3) {
                clauses.add(new int[] {2, -1, frameGiven(List.of())});
            } else {
                clauses.add(new int[] {3, -1, frames.size() - 4});
            }
        }
        StringBuilder listing = new StringBuilder("try_table");
        int[] raw = new int[2 + 3 * n];
        int w = 0;
        raw[w++] = 0x40;
        raw[w++] = n;
        for (int[] cl : clauses) {
            int label = frames.size() - 1 - cl[2];
            raw[w++] = cl[0];
            if (cl[0] == 0) {
                raw[w++] = cl[1];
                listing.append(" (catch ").append(cl[1]).append(' ').append(label).append(')');
            } else {
                listing.append(cl[0] == 2 ? " (catch_all " : " (catch_all_ref ").append(label).append(')');
            }
            raw[w++] = label;
        }
        int[] bytes = Arrays.copyOf(raw, w);
        open(listing.toString(), c -> c.raw(0x1F).raw(bytes));
        frames.add(new Frame(false, List.of(), -1));
        statements(depth);
        frames.remove(frames.size() - 1);
        close();
        expr('I', depth - 1);
        op(Opcode.BR, "br 2", c -> c.br(2));
        frames.remove(frames.size() - 1);
        close();
        expr('J', depth - 1);
        frames.remove(frames.size() - 1);
        close();
        op(Opcode.I32_WRAP_I64);
        frames.remove(frames.size() - 1);
        close();
        int l = pick(I_LOCALS);
        op(Opcode.LOCAL_SET, "local.set " + l, c -> c.localSet(l));
        if (withRef) {
            op(Opcode.BR, "br 1", c -> c.br(1));
            frames.remove(frames.size() - 1);
            close();
            if (rnd.nextBoolean()) {
                op(Opcode.THROW_REF, "throw_ref", c -> c.raw(0x0A));
            } else {
                op(Opcode.DROP);
            }
            frames.remove(frames.size() - 1);
            close();
        }
        if (frames.size() != outer) {
            throw new IllegalStateException("frames out of step");
        }
    }

    /** A block (not a loop) whose label takes {@code types}: the innermost of the try_table's own, or one outside. */
    private int frameGiven(List<Character> types) {
        List<Integer> fitting = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (!frames.get(i).loop() && frames.get(i).types().equals(types)) {
                fitting.add(i);
            }
        }
        return rnd.nextInt(3) == 0 ? fitting.get(rnd.nextInt(fitting.size())) : fitting.get(fitting.size() - 1);
    }

    /** Legacy {@code try}: catch arms (maybe rethrowing) or a delegate to a random enclosing label. */
    private void legacyTry(int depth) {
        open("try", c -> c.raw(0x06, 0x40));
        frames.add(new Frame(false, List.of(), -1));
        statements(depth);
        if (rnd.nextInt(4) == 0) {
            frames.remove(frames.size() - 1);
            int label = rnd.nextInt(frames.size());
            indent--;
            line("delegate " + label);
            code.raw(0x18, label);
            return;
        }
        int arms = rnd.nextInt(3);
        for (int i = 0; i < arms; i++) {
            int tag = rnd.nextInt(4);
            indent--;
            if (tag < 3) {
                line("catch " + tag);
                code.raw(0x07, tag);
            } else {
                line("catch_all");
                code.raw(0x19);
            }
            indent++;
            if (tag < 2) {
                int l = tag == 0 ? pick(I_LOCALS) : pick(J_LOCALS);
                op(Opcode.LOCAL_SET, "local.set " + l, c -> c.localSet(l));
            }
            statements(depth);
            if (rnd.nextInt(4) == 0) {
                op(Opcode.RETHROW, "rethrow 0", c -> c.raw(0x09, 0));
            }
            if (tag == 3) {
                break; // catch_all is the last arm
            }
        }
        frames.remove(frames.size() - 1);
        close();
    }
}
