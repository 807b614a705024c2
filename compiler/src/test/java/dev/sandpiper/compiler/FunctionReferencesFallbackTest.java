package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.TrapKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function using {@code call_ref} stays in the interpreter on the compiled tier
 * (compiler/README.md, What stays interpreted); its compiled caller gets the interpreter's result,
 * count and null trap.
 */
class FunctionReferencesFallbackTest {

    /** Type 0: [i32] -> [i32]. func 0 = n + 1; func 1 "apply"(n) = call_ref of func 0 or, when n is 0, of null; func 2 "outer"(n) = apply(n) + 1. */
    static byte[] module() {
        return ModuleBytes.module().type(List.of(I32), List.of(I32))
                .function(0, Code.code().localGet(0).i32Const(1).op(dev.sandpiper.decoder.code.Opcode.I32_ADD).end())
                .function(0, Code.code().localGet(0).localGet(0).op(dev.sandpiper.decoder.code.Opcode.I32_EQZ)
                        .if_(ValType.ref(true, 0)).refNull(ValType.ref(true, 0)).else_().refFunc(0).end()
                        .callRef(0).end())
                .function(0, Code.code().localGet(0).call(1).i32Const(1).op(dev.sandpiper.decoder.code.Opcode.I32_ADD).end())
                .export("outer", ExternKind.FUNC, 2).export("inc", ExternKind.FUNC, 0)
                .build();
    }

    @Test
    void callRefStaysInterpretedAndTheRestCompiles() {
        CompileReport report = WasmCompiler.standard().compile(CompiledModule.compile(module()));
        assertEquals(2, report.compiled(), report.toString());
        assertEquals(1, report.interpreted().size(), report.toString());
        assertEquals("uses function references (call_ref)", report.interpreted().get(1));
    }

    @Test
    void bothTiersGiveTheSameResultsCountsAndTraps() {
        CompiledModule mixed = CompiledModule.compile(module());
        WasmCompiler.standard().compile(mixed);
        CompiledModule[] tiers = {Tiers.interpreted(module()), mixed};
        for (long n : new long[] {1, 41}) {
            Outcome[] o = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "outer", n);
            assertEquals(o[0], o[1], "outer(" + n + ") (interpreter, compiled)");
            assertTrue(o[0].trap() == null, o[0].toString());
        }
        Outcome[] nul = Tiers.callBoth(tiers, ExecutionLimits.DEFAULT, "outer", 0);
        assertEquals(nul[0], nul[1]);
        assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, nul[0].trap(), nul[0].toString());
    }
}
