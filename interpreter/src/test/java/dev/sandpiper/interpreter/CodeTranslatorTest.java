package dev.sandpiper.interpreter;

import static dev.sandpiper.decoder.model.ValType.I32;
import static dev.sandpiper.interpreter.Wasm.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.code.CodeDump;
import dev.sandpiper.interpreter.code.FunctionCode;
import dev.sandpiper.interpreter.code.Op;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lowering corner cases of {@link dev.sandpiper.interpreter.code.CodeTranslator}: three golden
 * dumps (checked by hand: see the comments; a change of the lowering changes them, and the new dump
 * must be checked again), and behaviour (results, counts, well-formed branch targets) for the rest.
 */
class CodeTranslatorTest {

    /** Three functions of type [i32] -> [i32]; exported as "if_else", "br_table", "dead". */
    private static final ModuleBytes CORNERS = ModuleBytes.module()
            .type(types(I32), types(I32))
            // local.get 0, if (result i32) i32.const 10 else i32.const 20 end, i32.const 1, i32.add
            .function(0, Code.code()
                    .localGet(0).if_(I32).i32Const(10).else_().i32Const(20).end()
                    .i32Const(1).op(Opcode.I32_ADD)
                    .end())
            // (block $outer (result i32)
            //   i32.const 100
            //   (block $inner (result i32)
            //     i32.const 1, i32.const 2, i32.const 3, local.get 0
            //     br_table $inner $outer $inner)    ;; keeps 3; drops 1 2 (to $inner) or 100 1 2 (to $outer)
            //   i32.const 10, i32.add, i32.add)
            .function(0, Code.code()
                    .block(I32).i32Const(100)
                    .block(I32).i32Const(1).i32Const(2).i32Const(3).localGet(0).brTable(new long[] {0, 1}, 0).end()
                    .i32Const(10).op(Opcode.I32_ADD).op(Opcode.I32_ADD)
                    .end()
                    .end())
            // (block (result i32) i32.const 1, br 0,
            //    (block local.get 0, br_if 0), i32.const 2, i32.add, unreachable)   ;; dead after the br
            // local.get 0, br_if 0 (to the function: returns the 1), i32.const 5, i32.add
            .function(0, Code.code()
                    .block(I32).i32Const(1).br(0)
                    .block().localGet(0).brIf(0).end().i32Const(2).op(Opcode.I32_ADD).unreachable()
                    .end()
                    .localGet(0).brIf(0).i32Const(5).op(Opcode.I32_ADD)
                    .end())
            .export("if_else", ExternKind.FUNC, 0)
            .export("br_table", ExternKind.FUNC, 1)
            .export("dead", ExternKind.FUNC, 2);

    private static final CompiledModule COMPILED = Wasm.compile(CORNERS);

    /**
     * The condition and {@code if} are one block (FUEL 2) ending in BR_UNLESS to the else-arm; each
     * arm is its own block of one instruction; the then-arm's jump over the else-arm (from
     * {@code else}) is not charged; the code after {@code end} is a merge point, a new block, where
     * {@code i32.const 1, i32.add} become one op charged as two. Branch targets are the n word of the
     * target block's FUEL (13 is the else-arm's).
     */
    @Test
    void ifElseWithValues() {
        assertEquals("""
                func 0: params 1, locals 1, max stack 2, results 1
                    0  FUEL 2
                    2  LOCAL_GET 0
                    4  BR_UNLESS 13
                    6  FUEL 1
                    8  CONST32 10
                   10  BR 17
                L13:
                   12  FUEL 1
                   14  CONST32 20
                L17:
                   16  FUEL 2
                   18  I32_ADD_C 1
                   20  RETURN 1
                """, CodeDump.dump(COMPILED.code(0)));
    }

    /**
     * BR_TABLE n=2, then (target, drop, keep) per entry: to $inner's end (24) dropping 1 and 2, to
     * $outer's end (29) dropping 100, 1 and 2, and the default like entry 0. After each end a new
     * block; $outer's has no instructions (FUEL 0) before the function's RETURN.
     */
    @Test
    void brTableWithDrops() {
        assertEquals("""
                func 1: params 1, locals 1, max stack 5, results 1
                    0  FUEL 6
                    2  CONST32 100
                    4  CONST32 1
                    6  CONST32 2
                    8  CONST32 3
                   10  LOCAL_GET 0
                   12  BR_TABLE 2 24 2 1 29 3 1 24 2 1
                L24:
                   23  FUEL 3
                   25  I32_ADD_C 10
                   27  i32.add
                L29:
                   28  FUEL 0
                   30  RETURN 1
                """, CodeDump.dump(COMPILED.code(1)));
    }

    /**
     * Nothing after the {@code br} is emitted (the nested block, its br_if, i32.const 2, i32.add,
     * unreachable); the live br_if after the block still meets its own branch site. A branch to the
     * function's end needs no adjustment: RETURN takes the top slot.
     */
    @Test
    void deadCodeAfterBrIsNotEmitted() {
        assertEquals("""
                func 2: params 1, locals 1, max stack 2, results 1
                    0  FUEL 2
                    2  CONST32 1
                    4  BR 7
                L7:
                    6  FUEL 2
                    8  LOCAL_GET 0
                   10  BR_IF 17
                   12  FUEL 2
                   14  I32_ADD_C 5
                L17:
                   16  FUEL 0
                   18  RETURN 1
                """, CodeDump.dump(COMPILED.code(2)));
    }

    @ParameterizedTest
    @CsvSource({
        // function, argument, result, instructions
        "if_else, 1, 11, 5",
        "if_else, 0, 21, 5",
        "br_table, 0, 113, 9",     // 6 + 3
        "br_table, 1, 3, 6",
        "br_table, 2, 113, 9",
        "br_table, -1, 113, 9",
        "dead, 1, 1, 4",           // const, br, local.get, br_if
        "dead, 0, 6, 6",
    })
    void theCornerCasesRunAsTheirDumpsSay(String function, int arg, int result, long instructions) {
        Instance instance = new Linker(new Store()).instantiate(COMPILED);
        assertEquals(result, (int) instance.call(function, arg)[0]);
        assertEquals(instructions, instance.store().lastCallInstructions());
    }

    // ------------------------------------------------------------------ larger shapes

    /**
     * func 0 (param $p) (result i32): 50 times {i32.const 1000, local.get $p, i32.const k, i32.sub,
     * i32.div_u, drop} for k = 1..50, all in one basic block of 300 + 1 instructions, then i32.const 7.
     * With $p = k the k-th division traps: 6 (k - 1) + 5 instructions ran.
     */
    private static final ModuleBytes MANY_TRAP_SITES;

    static {
        Code body = Code.code();
        for (int k = 1; k <= 50; k++) {
            body.i32Const(1000).localGet(0).i32Const(k).op(Opcode.I32_SUB).op(Opcode.I32_DIV_U).drop();
        }
        MANY_TRAP_SITES = ModuleBytes.module()
                .type(types(I32), types(I32))
                .function(0, body.i32Const(7).end())
                .export("f", ExternKind.FUNC, 0);
    }

    @Test
    void everyTrapSiteOfALongBlockRefundsTheRest() {
        Instance instance = Wasm.instantiate(MANY_TRAP_SITES);
        for (int k = 1; k <= 50; k++) {
            int p = k;
            TrapException trap = assertThrows(TrapException.class, () -> instance.call("f", p));
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());
            assertEquals(6L * (k - 1) + 5, instance.store().lastCallInstructions(), "trap at division " + k);
        }
        assertEquals(7, instance.call("f", 0)[0]);
        assertEquals(301, instance.store().lastCallInstructions());
        assertBranchTargetsAreBlockStarts(Wasm.compile(MANY_TRAP_SITES).code(0));
    }

    @Test
    void deeplyNestedBlocksAndLoops() {
        // (block (loop (block (loop ... 200 times: block_0 loop_0 ... block_199 loop_199, innermost loop_199.
        // Innermost: local.get 0, br_table 0 1 ... 399 (default 399). Label depth 2j is loop_(199-j) (a
        // backward branch: the test never takes one, it would spin), depth 2j+1 is block_(199-j). After each
        // block_i's end: local.get 1, i32.const 1, i32.add, local.set 1 (4 instructions), so leaving through
        // block_(199-j) runs the increments after blocks 199-j down to 0: 200 - j of them.
        int levels = 200;
        Code body = Code.code();
        for (int i = 0; i < levels; i++) {
            body.block().loop();
        }
        long[] targets = new long[2 * levels];
        for (int d = 0; d < targets.length; d++) {
            targets[d] = d;
        }
        body.localGet(0).brTable(targets, 2 * levels - 1);
        for (int i = 0; i < levels; i++) {
            body.end() // the loop
                    .end() // the block: its end is a branch target
                    .localGet(1).i32Const(1).op(Opcode.I32_ADD).localSet(1);
        }
        body.localGet(1).end();
        ModuleBytes m = ModuleBytes.module()
                .type(types(I32), types(I32))
                .function(0, new dev.sandpiper.decoder.model.ValType[] {I32}, body)
                .export("f", ExternKind.FUNC, 0);
        Instance instance = Wasm.instantiate(m);
        for (int j : new int[] {0, 1, 17, 100, 199}) {
            assertEquals(levels - j, instance.call("f", 2 * j + 1)[0], "branch to depth " + (2 * j + 1));
            // local.get, br_table, then 4 per level unwound, then local.get
            assertEquals(2 + 4L * (levels - j) + 1, instance.store().lastCallInstructions());
        }
        assertEquals(1, instance.call("f", -1)[0], "the default: the outermost block");
        assertBranchTargetsAreBlockStarts(Wasm.compile(m).code(0));
    }

    /**
     * Every op of {@code fn} is a known one, and every branch target is the {@code n} word of a
     * {@code FUEL} op, the start of a basic block (which the branch charges as it enters).
     */
    private static void assertBranchTargetsAreBlockStarts(FunctionCode fn) {
        int[] code = fn.code();
        Set<Integer> fuelWords = new HashSet<>();
        int pc = 0;
        for (; pc < code.length; pc += 1 + CodeDump.immediates(code, pc)) {
            assertTrue(!Op.name(code[pc]).startsWith("op"), "unknown op " + code[pc] + " at " + pc);
            if (code[pc] == Op.FUEL) {
                fuelWords.add(pc + 1);
            }
        }
        assertEquals(code.length, pc, "the ops tile the code exactly");
        for (pc = 0; pc < code.length; pc += 1 + CodeDump.immediates(code, pc)) {
            int op = code[pc];
            if (op == Op.BR || op == Op.BR_ADJ || op == Op.BR_IF || op == Op.BR_IF_ADJ || op == Op.BR_UNLESS
                    || (op >= Op.BR_IF_EQ && op <= Op.BR_IF_EQZ)) {
                assertTrue(fuelWords.contains(code[pc + 1]), "target of " + pc);
            } else if (op >= Op.BR_IF_EQ_C && op < Op.COUNT) {
                assertTrue(fuelWords.contains(code[pc + 2]), "target of " + pc);
            } else if (op == Op.BR_TABLE) {
                for (int e = 0; e <= code[pc + 1]; e++) {
                    assertTrue(fuelWords.contains(code[pc + 2 + 3 * e]), "entry " + e + " of " + pc);
                }
            }
        }
    }
}
