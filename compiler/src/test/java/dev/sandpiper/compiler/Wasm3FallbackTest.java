package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function tail-calling itself and one using a memory other than memory 0 (3.0) are compiled, as is
 * the plain function calling both, and all give the interpreter's results, instruction counts and
 * traps (compiler/README.md, Multiple memories and tail calls).
 */
class Wasm3FallbackTest {

    /**
     * Memories 0 and 1. func 0 "count"(n): n == 0 ? 0 : return_call count(n - 1), plus nothing (so
     * 0 after n steps); func 1 "poke"(v): i32.store memory 1 at 4, then i32.load memory 1 at 4 plus
     * i32.load memory 0 at 4; func 2 "outer"(n) = count(n) + poke(n) + 1, plain code calling both.
     */
    static byte[] module() {
        return ModuleBytes.module().type(List.of(I32), List.of(I32))
                .memory(1, -1).memory(1, -1)
                .function(0, Code.code().localGet(0).op(Opcode.I32_EQZ).if_(I32).i32Const(0).else_()
                        .localGet(0).i32Const(1).op(Opcode.I32_SUB).returnCall(0).end().end())
                .function(0, Code.code().i32Const(4).localGet(0).mem(Opcode.I32_STORE, 1, 2, 0)
                        .i32Const(4).mem(Opcode.I32_LOAD, 1, 2, 0).i32Const(4).mem(Opcode.I32_LOAD, 2, 0)
                        .op(Opcode.I32_ADD).end())
                .function(0, Code.code().localGet(0).call(0).localGet(0).call(1).op(Opcode.I32_ADD)
                        .i32Const(1).op(Opcode.I32_ADD).end())
                .export("outer", ExternKind.FUNC, 2).export("count", ExternKind.FUNC, 0)
                .build();
    }

    @Test
    void selfTailCallsAndOtherMemoriesCompile() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(3, report.compiled(), report.toString());
        assertTrue(report.interpreted().isEmpty(), report.toString());
    }

    @Test
    void bothTiersGiveTheSameResultsAndCounts() {
        CompiledModule mixed = CompiledModule.compile(module());
        WasmCompiler.standard().compile(mixed);
        CompiledModule[] tiers = {Tiers.interpreted(module()), mixed};
        for (long n : new long[] {0, 3, 100_000}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "outer", n);
            assertEquals(o[0], o[1], "outer(" + n + ") (interpreter, compiled)");
            assertTrue(o[0].trap() == null, o[0].toString());
        }
        Outcome[] deep = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT.withMaxCallDepth(3), "count", 1_000_000);
        assertEquals(deep[0], deep[1]);
        assertTrue(deep[0].trap() == null, "a million tail calls at depth 1 on both: " + deep[0]);
    }
}
