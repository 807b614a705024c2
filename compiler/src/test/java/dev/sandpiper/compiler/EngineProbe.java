package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;

import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Linker;
import dev.sandpiper.interpreter.Store;
import java.util.List;

/**
 * A module for the engine tests and a way to see which tier runs it: its export "tier" calls the
 * host function env.probe, which answers 1 when a compiled frame ({@code runtime.BoundTier}) is on
 * the Java stack below it, else 0.
 */
final class EngineProbe {
    private EngineProbe() {}

    /**
     * func 0: import env.probe () -> i32. func 1 "loop" (param $n i32) (result i32): counts $i to $n
     * storing each value at address 0, 10 instructions per iteration plus 1. func 2 "tier": call
     * env.probe. func 3 "mix" (param i32) (result i32): loop($p) * 31 + 100 / ($p - 7), trapping for 7.
     */
    static byte[] module() {
        return ModuleBytes.module()
                .type(List.of(), List.of(I32))
                .type(List.of(I32), List.of(I32))
                .importFunc("env", "probe", 0)
                .memory(1, -1)
                .function(1, new dev.sandpiper.decoder.model.ValType[] {I32}, Code.code()
                        .loop()
                        .i32Const(0).localGet(1).i32Const(1).op(Opcode.I32_ADD).localTee(1).mem(Opcode.I32_STORE, 2, 0)
                        .localGet(1).localGet(0).op(Opcode.I32_LT_U).brIf(0)
                        .end()
                        .localGet(1)
                        .end())
                .function(0, Code.code().call(0).end())
                .function(1, Code.code()
                        .localGet(0).call(1).i32Const(31).op(Opcode.I32_MUL)
                        .i32Const(100).localGet(0).i32Const(7).op(Opcode.I32_SUB).op(Opcode.I32_DIV_S)
                        .op(Opcode.I32_ADD).end())
                .export("loop", ExternKind.FUNC, 1)
                .export("tier", ExternKind.FUNC, 2)
                .export("mix", ExternKind.FUNC, 3)
                .build();
    }

    /** An instance of {@code m} in a fresh store, with env.probe. */
    static Instance instantiate(CompiledModule m) {
        return new Linker(new Store())
                .defineFunction("env", "probe", FuncType.of(List.of(), List.of(I32)), (ctx, args, results) ->
                        results[0] = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                                f -> f.getClassName().equals("dev.sandpiper.compiler.runtime.BoundTier"))) ? 1 : 0)
                .instantiate(m);
    }
}
