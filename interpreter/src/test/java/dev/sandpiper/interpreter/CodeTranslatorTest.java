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
 * dumps of register-form code (checked by hand: see the comments; a change of the lowering changes
 * them, and the new dump must be checked again), and behaviour (results, counts, well-formed branch
 * targets) for the rest.
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
     * Slot 0 is the parameter, slot 1 the zero slot, slot 2 the canonical slot of the first operand
     * (the if's result). The condition and
     * {@code if} are one block (FUEL 2) ending in BR_UNLESS on the local itself (no copy for a
     * {@code local.get}) to the else-arm; each arm is its own block of one instruction writing the
     * if's result slot; the then-arm's jump over the else-arm (from {@code else}) is not charged; the
     * code after {@code end} is a merge point, a new block, where {@code i32.const 1, i32.add} become
     * one op charged as two. Branch targets are the n word of the target block's FUEL (13 is the
     * else-arm's).
     */
    @Test
    void ifElseWithValues() {
        assertEquals("""
                func 0: params 1, locals 2 (zero slot 1), max stack 2, results 1
                    0  FUEL 2
                    2  BR_UNLESS 0 13
                    5  FUEL 1
                    7  CONST32 2 10
                   10  BR 18
                L13:
                   12  FUEL 1
                   14  CONST32 2 20
                L18:
                   17  FUEL 2
                   19  I32_ADD_C 2 2 1
                   23  RETURN1 2
                """, CodeDump.dump(COMPILED.code(0)));
    }

    /**
     * Entering $inner writes the 100 to its slot (2; 0 is the parameter, 1 the zero slot): code in a
     * block must not depend on constants pending below it. The 1 and the 2 are never written
     * anywhere: every target drops them. The br_table's value (the 3) goes to its canonical slot 5,
     * then BR_TABLE i=slot 0, n=2, keep 1 from slot 5, and (target, dst) per entry: $inner's end (20)
     * with its result slot 3, $outer's end (30) with slot 2, and the default like entry 0. After each
     * end a new block; $outer's has no instructions (FUEL 0) before the function's RETURN of slot 2.
     */
    @Test
    void brTableWithDrops() {
        assertEquals("""
                func 1: params 1, locals 2 (zero slot 1), max stack 5, results 1
                    0  FUEL 6
                    2  CONST32 2 100
                    5  CONST32 5 3
                    8  BR_TABLE 0 2 1 5 20 3 30 2 20 3
                L20:
                   19  FUEL 3
                   21  I32_ADD_C 3 3 10
                   25  I32_ADD 2 2 3
                L30:
                   29  FUEL 0
                   31  RETURN1 2
                """, CodeDump.dump(COMPILED.code(1)));
    }

    /**
     * Nothing after the {@code br} is emitted (the nested block, its br_if, i32.const 2, i32.add,
     * unreachable); the live br_if after the block still meets its own branch site. A branch to the
     * function's end moves nothing: the value it carries is already in the result slot (2).
     */
    @Test
    void deadCodeAfterBrIsNotEmitted() {
        assertEquals("""
                func 2: params 1, locals 2 (zero slot 1), max stack 2, results 1
                    0  FUEL 2
                    2  CONST32 2 1
                    5  BR 8
                L8:
                    7  FUEL 2
                    9  BR_IF 0 19
                   12  FUEL 2
                   14  I32_ADD_C 2 2 5
                L19:
                   18  FUEL 0
                   20  RETURN1 2
                """, CodeDump.dump(COMPILED.code(2)));
    }

    /**
     * Function 0, {@code (if (result i32) (local.get 0) (then (i32.const 1)) (else (local.get 0)
     * (i32.const 2) (i32.add)))}: the then-arm's jump to the if's end, where only the return
     * follows, becomes that return ({@code RETURN1 2} at 10). Function 1, {@code (local.set 1
     * (i32.add (local.get 0) (i32.const 1))) (local.get 1)}: the add writes the local directly, and
     * the function returns local 1 where it is, without a copy to a result slot first.
     */
    @Test
    void aJumpToAReturnBecomesTheReturnAndALocalIsReturnedInPlace() {
        ModuleBytes m = ModuleBytes.module()
                .type(types(I32), types(I32))
                .function(0, Code.code()
                        .localGet(0).if_(I32).i32Const(1).else_().localGet(0).i32Const(2).op(Opcode.I32_ADD).end()
                        .end())
                .function(0, new dev.sandpiper.decoder.model.ValType[] {I32}, Code.code()
                        .localGet(0).i32Const(1).op(Opcode.I32_ADD).localSet(1).localGet(1)
                        .end())
                .export("f", ExternKind.FUNC, 0)
                .export("g", ExternKind.FUNC, 1);
        CompiledModule compiled = Wasm.compile(m);
        assertEquals("""
                func 0: params 1, locals 2 (zero slot 1), max stack 2, results 1
                    0  FUEL 2
                    2  BR_UNLESS 0 13
                    5  FUEL 1
                    7  CONST32 2 1
                   10  RETURN1 2
                L13:
                   12  FUEL 3
                   14  I32_ADD_C 2 0 2
                   18  FUEL 0
                   20  RETURN1 2
                """, CodeDump.dump(compiled.code(0)));
        assertEquals("""
                func 1: params 1, locals 3 (zero slot 2), max stack 2, results 1
                    0  FUEL 5
                    2  I32_ADD_C 1 0 1
                    6  RETURN1 1
                """, CodeDump.dump(compiled.code(1)));
        Instance instance = new Linker(new Store()).instantiate(compiled);
        assertEquals(1, instance.call("f", 7)[0]);
        assertEquals(3, instance.store().lastCallInstructions()); // local.get, if, i32.const
        assertEquals(2, instance.call("f", 0)[0]);
        assertEquals(5, instance.store().lastCallInstructions());
        assertEquals(8, instance.call("g", 7)[0]);
        assertEquals(5, instance.store().lastCallInstructions());
    }

    /**
     * Constants in memory accesses: a constant address is folded into the offset, read from the zero
     * slot (1), and a stored constant 0 is read from the zero slot too, so
     * {@code (i32.store offset=4 (i32.const 8) (i32.const 0)) (i32.load (i32.const 12))} is two ops.
     * An address and offset summing past 2^32 - 1 are not folded (spec 2.0 4.4.7: the sum is not
     * wrapped, so the access traps): {@code (i32.load offset=8 (i32.const -4))}.
     */
    @Test
    void constantAddressesFoldIntoTheOffsetAndZeroIsNeverWritten() {
        ModuleBytes m = ModuleBytes.module()
                .type(types(I32), types(I32))
                .memory(1, 1)
                .function(0, Code.code()
                        .i32Const(8).i32Const(0).mem(Opcode.I32_STORE, 2, 4)
                        .i32Const(12).mem(Opcode.I32_LOAD, 2, 0)
                        .end())
                .function(0, Code.code().i32Const(-4).mem(Opcode.I32_LOAD, 2, 8).end())
                .export("f", ExternKind.FUNC, 0)
                .export("past", ExternKind.FUNC, 1);
        CompiledModule compiled = Wasm.compile(m);
        assertEquals("""
                func 0: params 1, locals 2 (zero slot 1), max stack 2, results 1
                    0  FUEL 5
                    2  STORE32 1 1 12    ; refund 2
                    6  LOAD32 2 1 12
                   10  RETURN1 2
                """, CodeDump.dump(compiled.code(0)));
        assertEquals("""
                func 1: params 1, locals 2 (zero slot 1), max stack 1, results 1
                    0  FUEL 2
                    2  CONST32 2 -4
                    5  LOAD32 2 2 8
                    9  RETURN1 2
                """, CodeDump.dump(compiled.code(1)));
        Instance instance = new Linker(new Store()).instantiate(compiled);
        instance.memory().write(12, new byte[] {1, 2, 3, 4}, 0, 4);
        assertEquals(0, instance.call("f", 0)[0], "the store wrote 0 over the 1 2 3 4");
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("past", 0));
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
    }

    /**
     * {@code (i32.load8_u offset=2 (i32.add (local.get 0) (local.get 1)))}: the add becomes part of
     * the load ({@code LOAD8_U_X}), still wrapping at 32 bits before the offset is added: with
     * 0xFFFFFFFF + 2 the address is 1 + 2, in bounds; 65535 + 1 + 2 is past the one page.
     */
    @Test
    void anAddFeedingALoad8UIsOneOp() {
        ModuleBytes m = ModuleBytes.module()
                .type(types(I32, I32), types(I32))
                .memory(1, 1)
                .function(0, Code.code()
                        .localGet(0).localGet(1).op(Opcode.I32_ADD).mem(Opcode.I32_LOAD8_U, 0, 2)
                        .end())
                .export("f", ExternKind.FUNC, 0);
        CompiledModule compiled = Wasm.compile(m);
        assertEquals("""
                func 0: params 2, locals 3 (zero slot 2), max stack 2, results 1
                    0  FUEL 4
                    2  LOAD8_U_X 3 0 1 2
                    7  RETURN1 3
                """, CodeDump.dump(compiled.code(0)));
        Instance instance = new Linker(new Store()).instantiate(compiled);
        instance.memory().write(3, new byte[] {(byte) 0xC8}, 0, 1);
        assertEquals(0xC8, instance.call("f", 0xFFFFFFFFL, 2)[0]);
        assertEquals(4, instance.store().lastCallInstructions());
        TrapException trap = assertThrows(TrapException.class, () -> instance.call("f", 65535, 1));
        assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind());
        assertEquals(4, instance.store().lastCallInstructions(), "the trapping load counts");
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
        for (; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
            assertTrue(!Op.name(code[pc]).startsWith("op"), "unknown op " + code[pc] + " at " + pc);
            if (code[pc] == Op.FUEL) {
                fuelWords.add(pc + 1);
            }
        }
        assertEquals(code.length, pc, "the ops tile the code exactly");
        for (pc = 0; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
            int op = code[pc];
            if (op == Op.BR) {
                assertTrue(fuelWords.contains(code[pc + 1]), "target of " + pc);
            } else if (op == Op.BR_IF || op == Op.BR_UNLESS) {
                assertTrue(fuelWords.contains(code[pc + 2]), "target of " + pc);
            } else if (op >= Op.BR_IF_EQ && op <= Op.BR_IF_GE_U_C) {
                assertTrue(fuelWords.contains(code[pc + 3]), "target of " + pc);
            } else if (op == Op.BR_TABLE) {
                // [BR_TABLE i n keep src (target dst)*(n+1)]
                for (int e = 0; e <= code[pc + 2]; e++) {
                    assertTrue(fuelWords.contains(code[pc + 5 + 2 * e]), "entry " + e + " of " + pc);
                }
            }
        }
    }
}
