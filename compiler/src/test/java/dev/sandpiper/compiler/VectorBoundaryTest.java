package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.FUNCREF;
import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.decoder.model.ValType.V128;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * v128 values where the compiled tier meets everything else: parameters and results of calls to
 * compiled code, to a host function and to a function left to the interpreter (too large), directly
 * and through {@code call_indirect}; several results with v128 among them; a v128 global; {@code
 * select}, {@code local.tee}, {@code drop}, zeroed locals; and branches carrying a v128 out of a
 * block with other operands below it and around a loop. Each export, called with random lanes, must
 * give the interpreter's bits, traps and instruction counts, also under every small fuel budget and
 * budgets around its count, and leave the same global.
 */
class VectorBoundaryTest {
    private static final int ADDS = 2500;
    private static final List<ValType> V = List.of(V128);
    private static final List<ValType> SWAP = List.of(V128, I32, V128);
    private static final Map<String, Integer> ARG_SLOTS = Map.ofEntries(
            Map.entry("select", 5), Map.entry("swapTwice", 5), Map.entry("zero", 0), Map.entry("viaHost", 2),
            Map.entry("viaHuge", 2), Map.entry("indirect", 3), Map.entry("exchange", 2), Map.entry("branch", 3),
            Map.entry("loop", 3), Map.entry("tee", 2));

    /**
     * Types: 0 (v128) -> v128, 1 (v128 i32 v128) -> (v128 i32 v128), 2 (v128 v128 i32) -> v128,
     * 3 () -> v128, 4 (v128 i32) -> v128. Functions: 0 host "not" (bitwise not), 1 "huge" (adds
     * its count of additions to every i32 lane, then calls double; interpreted), 2 swap (a n b) -> (b n+1 a), 3 double
     * (i64x2.add of a to itself), then the exports.
     */
    static byte[] module() {
        ModuleBytes m = ModuleBytes.module()
                .type(V, V)
                .type(SWAP, SWAP)
                .type(List.of(V128, V128, I32), V)
                .type(List.of(), V)
                .type(List.of(V128, I32), V)
                .importFunc("host", "not", 0)
                .table(FUNCREF, 4, 4)
                .global(V128, true, ModuleBytes.expr(Code.code().v128Const(bytes(0x0123456789ABCDEFL, -2L))));
        Code huge = Code.code();
        for (int i = 0; i < ADDS; i++) {
            huge.localGet(1).i32Const(1).op(Opcode.I32_ADD).localSet(1);
        }
        // Then the interpreter calls compiled code with a v128 argument and result: double.
        huge.localGet(0).localGet(1).op(Opcode.I32X4_SPLAT).op(Opcode.I32X4_ADD).call(3).end();
        m.function(0, new ValType[] {I32}, huge);
        m.function(1, Code.code().localGet(2).localGet(1).i32Const(1).op(Opcode.I32_ADD).localGet(0).end());
        m.function(0, Code.code().localGet(0).localGet(0).op(Opcode.I64X2_ADD).end());
        int f = 4;
        // select (a b c) -> c ? a : b
        export(m, f++, "select", 2, new ValType[0],
                Code.code().localGet(0).localGet(1).localGet(2).selectT(V128));
        // swapTwice (a n b) -> swap(swap(a n b)) = (a, n+2, b), the results of one call the arguments of the next
        export(m, f++, "swapTwice", 1, new ValType[0],
                Code.code().localGet(0).localGet(1).localGet(2).call(2).call(2));
        // zero () -> a declared v128 local, never set
        export(m, f++, "zero", 3, new ValType[] {I32, V128}, Code.code().localGet(1));
        export(m, f++, "viaHost", 0, new ValType[0], Code.code().localGet(0).call(0));
        export(m, f++, "viaHuge", 0, new ValType[0], Code.code().localGet(0).call(1).call(3));
        // indirect (a i) -> table[i](a): 0 host, 1 huge, 2 double, 3 null; past 3 traps
        export(m, f++, "indirect", 4, new ValType[0], Code.code().localGet(0).localGet(1).callIndirect(0, 0));
        // exchange (a) -> the global's old value; the global becomes a
        export(m, f++, "exchange", 0, new ValType[0], Code.code().op(Opcode.GLOBAL_GET).u32(0)
                .localGet(0).op(Opcode.GLOBAL_SET).u32(0));
        // branch (a c) -> block (result v128): 7, a, br_if 0 on c (carrying a, dropping the 7); else not(a)
        export(m, f++, "branch", 4, new ValType[0], Code.code()
                .block(V128).i32Const(7).localGet(0).localGet(1).brIf(0).op(Opcode.DROP).op(Opcode.DROP)
                .localGet(0).op(Opcode.V128_NOT).end());
        // loop (a k) -> a + (k & 15) + 1 times (1, 1) in i64x2 lanes, the v128 carried around the loop
        export(m, f++, "loop", 4, new ValType[0], Code.code()
                .localGet(1).i32Const(15).op(Opcode.I32_AND).localSet(1)
                .localGet(0).loopType(0).v128Const(bytes(1, 1)).op(Opcode.I64X2_ADD)
                .localGet(1).i32Const(1).op(Opcode.I32_SUB).localTee(1).i32Const(0).op(Opcode.I32_GE_S).brIf(0).end());
        // tee (a) -> local.tee into a v128 local, dropped, then the local
        export(m, f++, "tee", 0, new ValType[] {V128}, Code.code().localGet(0).localTee(1).op(Opcode.DROP).localGet(1));
        return m.elemActive(ModuleBytes.i32Expr(0), 0, 1, 3).export("g", ExternKind.GLOBAL, 0).build();
    }

    private static void export(ModuleBytes m, int index, String name, int type, ValType[] locals, Code body) {
        m.function(type, locals, body.end());
        m.export(name, ExternKind.FUNC, index);
    }

    /** The 16 bytes of the v128 with halves {@code lo}, {@code hi}. */
    private static byte[] bytes(long lo, long hi) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (lo >>> (i * 8));
            b[i + 8] = (byte) (hi >>> (i * 8));
        }
        return b;
    }

    private static Instance instantiate(CompiledModule m, ExecutionLimits limits) {
        FuncType not = new FuncType(V, V);
        return new Linker(new Store(limits)).defineFunction("host", "not", not, (ctx, args, results) -> {
            results[0] = ~args[0];
            results[1] = ~args[1];
        }).instantiate(m);
    }

    /**
     * A host function with more result entries than any function the module defines: (i64 v128),
     * three entries, called by a function returning one i64. Its results pass through the
     * context's array, which must be large enough for every type of the module, not only the
     * defined functions' types.
     */
    @Test
    void importedResultsLargerThanAnyDefinedFunctionsFitTheContext() {
        FuncType pair = new FuncType(List.of(), List.of(ValType.I64, V128));
        byte[] bytes = ModuleBytes.module()
                .type(List.of(), List.of(ValType.I64, V128))
                .type(List.of(), List.of(ValType.I64))
                .importFunc("host", "pair", 0)
                .function(1, Code.code().call(0).op(Opcode.I64X2_EXTRACT_LANE).raw(1).op(Opcode.I64_ADD).end())
                .export("sum", ExternKind.FUNC, 1)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        long[] sums = new long[2];
        for (int t = 0; t < 2; t++) {
            Instance in = new Linker(new Store(ExecutionLimits.DEFAULT)).defineFunction("host", "pair", pair,
                    (ctx, args, results) -> {
                        results[0] = 40;
                        results[1] = -1;
                        results[2] = 2;
                    }).instantiate(tiers[t]);
            sums[t] = in.call("sum")[0];
        }
        assertEquals(42, sums[0], "interpreter");
        assertEquals(42, sums[1], "compiled");
    }

    @Test
    void onlyTheHugeFunctionStaysInterpreted() {
        CompiledModule m = CompiledModule.compile(module());
        CompileReport report = WasmCompiler.standard().compile(m);
        assertEquals(Set.of(1), report.interpreted().keySet(), report.interpreted().toString());
        assertEquals(m.module().functionCount() - 2, report.compiled());
    }

    @Test
    void bothTiersAgreeAtEveryBoundary() {
        CompiledModule interpreted = CompiledModule.compile(module());
        CompiledModule mixed = CompiledModule.compile(module());
        WasmCompiler.standard().compile(mixed);
        CompiledModule[] tiers = {interpreted, mixed};
        Random rnd = new Random(20261206);
        for (String name : ARG_SLOTS.keySet()) {
            for (int call = 0; call < 12; call++) {
                long[] args = arguments(name, rnd);
                Outcome full = compare(tiers, ExecutionLimits.DEFAULT, name, args);
                long n = full.instructions();
                Set<Long> budgets = new TreeSet<>();
                for (long fuel = 0; fuel <= 12; fuel++) {
                    budgets.add(fuel);
                    budgets.add(Math.max(0, n - fuel));
                }
                for (long fuel : budgets) {
                    compare(tiers, ExecutionLimits.DEFAULT.withFuel(fuel), name, args);
                }
            }
        }
    }

    private static long[] arguments(String name, Random rnd) {
        long[] args = new long[ARG_SLOTS.get(name)];
        for (int i = 0; i < args.length; i++) {
            args[i] = VectorLanes.half(rnd);
        }
        if (name.equals("select") || name.equals("branch")) {
            args[args.length - 1] = rnd.nextInt(3);
        } else if (name.equals("indirect")) {
            args[2] = rnd.nextInt(6) - 1; // 3 is null, 4 and -1 are out of the table
        } else if (name.equals("swapTwice") || name.equals("loop")) {
            args[2] = VectorLanes.i32(rnd); // n of (a n b), k of (a k)
        }
        return args;
    }

    /** One call in a fresh instance of each tier: same outcome and global. Returns the outcome. */
    private static Outcome compare(CompiledModule[] tiers, ExecutionLimits limits, String name, long[] args) {
        Outcome[] o = new Outcome[2];
        long[][] global = new long[2][];
        for (int t = 0; t < 2; t++) {
            Instance in = instantiate(tiers[t], limits);
            o[t] = Tiers.call(in, name, args);
            Global g = (Global) in.export("g");
            global[t] = new long[] {g.value(), g.high()};
        }
        String what = name + " " + Arrays.toString(args) + " fuel " + limits.fuel();
        assertEquals(o[0], o[1], what);
        assertEquals(List.of(global[0][0], global[0][1]), List.of(global[1][0], global[1][1]), "global after " + what);
        return o[0];
    }
}
