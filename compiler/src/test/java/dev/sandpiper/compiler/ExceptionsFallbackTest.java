package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.ModuleBytes.bytes;
import static dev.sandpiper.decoder.ModuleBytes.section;
import static dev.sandpiper.decoder.ModuleBytes.vec;
import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.ThrownException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Functions using exception handling stay in the interpreter on the compiled tier
 * (compiler/README.md, What stays interpreted); an exception passes through the compiled frames
 * between its throw and its handler, and both tiers give the same results, exceptions and
 * instruction counts under every fuel budget.
 */
class ExceptionsFallbackTest {

    /**
     * Type 0: [i32] -> [i32], type 1: [i32] -> []; tag 0 of type 1. func 0 "thrower"(n) = 100 when
     * n is 0, else throws n; func 1 "middle"(n) = thrower(n) + 1; func 2 "catcher"(n) =
     * try_table (catch 0) middle(n) + 7, or the payload when caught; func 3 "uncaught"(n) = middle(n).
     */
    static byte[] module() {
        return ModuleBytes.module().type(List.of(I32), List.of(I32)).type(List.of(I32), List.of())
                .rawSectionAfter(5, section(13, vec(bytes(0x00, 1))))
                .function(0, Code.code().raw(0x02, 0x40, 0x20, 0, 0x45, 0x0D, 0, 0x20, 0, 0x08, 0, 0x0B,
                        0x41, 0xE4, 0x00, 0x0B))
                .function(0, Code.code().raw(0x20, 0, 0x10, 0, 0x41, 1, 0x6A, 0x0B))
                .function(0, Code.code().raw(0x02, 0x7F, 0x1F, 0x7F, 1, 0x00, 0, 0, 0x20, 0, 0x10, 1, 0x0B,
                        0x41, 7, 0x6A, 0x0B, 0x0B))
                .function(0, Code.code().raw(0x20, 0, 0x10, 1, 0x0B))
                .export("catcher", ExternKind.FUNC, 2).export("uncaught", ExternKind.FUNC, 3)
                .build();
    }

    @Test
    void exceptionInstructionsStayInterpretedAndTheRestCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(2, report.compiled(), report.toString());
        assertEquals("uses exception handling (throw)", report.interpreted().get(0));
        assertEquals("uses exception handling (try_table)", report.interpreted().get(2));
    }

    @Test
    void bothTiersCatchAlikeUnderEveryBudget() {
        CompiledModule[] tiers = tiers();
        Outcome[] caught = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "catcher", 5);
        assertEquals(caught[0], caught[1]);
        assertArrayEquals(new long[] {5}, caught[0].results(), caught[0].toString());
        Outcome[] normal = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "catcher", 0);
        assertEquals(normal[0], normal[1]);
        assertArrayEquals(new long[] {108}, normal[0].results(), normal[0].toString());
        Tiers.assertEveryBudgetAgrees(tiers, new Object[][] {{"catcher", 5L}, {"catcher", 0L}});
    }

    @Test
    void anUncaughtExceptionLeavesBothTiersAlike() {
        CompiledModule[] tiers = tiers();
        long[] counts = new long[2];
        for (int t = 0; t < 2; t++) {
            Instance inst = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT);
            ThrownException e = assertThrows(ThrownException.class, () -> inst.call("uncaught", 3));
            assertArrayEquals(new long[] {3}, e.payload());
            counts[t] = inst.store().lastCallInstructions();
            assertArrayEquals(new long[] {108}, inst.call("catcher", 0), "the instance runs on");
        }
        assertEquals(counts[0], counts[1], "instructions before the exception left (interpreter, compiled)");
        assertTrue(counts[0] > 0);
    }

    private static CompiledModule[] tiers() {
        CompiledModule mixed = CompiledModule.compile(module());
        WasmCompiler.standard().compile(mixed);
        return new CompiledModule[] {Tiers.interpreted(module()), mixed};
    }
}
