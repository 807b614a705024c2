package dev.sandpiper.compiler;

import static dev.sandpiper.decoder.model.ValType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.decoder.ModuleBytes;
import dev.sandpiper.decoder.ModuleBytes.Code;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.ExternKind;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.TrapKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code memory.grow} in compiled code respects {@link ExecutionLimits#maxMemoryPages()}: growing
 * past it returns -1 and leaves the memory as it was, as in the interpreter, with the same
 * instruction counts; an access past the end traps and the instance then works, also after growing,
 * whether the memory grew in the accessing function or in one it called.
 */
class MemoryLimitTest {
    @Test
    void growingPastTheLimitReturnsMinusOne() throws IOException {
        byte[] grow = Files.readAllBytes(Path.of("..", "examples", "engine", "grow.wasm"));
        CompiledModule[] tiers = Tiers.both(grow);
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxMemoryPages(16);
        Outcome[] out = new Outcome[2];
        for (int t = 0; t < 2; t++) {
            Instance instance = Tiers.instantiate(tiers[t], limits);
            out[t] = Tiers.call(instance, "grow_all");
            assertEquals(16L, out[t].results()[0], Tiers.name(t) + ": pages reached");
            assertEquals(-1L, instance.call("grow", 1)[0], Tiers.name(t));
            assertEquals(-1L, instance.call("grow", 0x7fff_ffff)[0], Tiers.name(t));
            assertEquals(16L, instance.call("grow", 0)[0], Tiers.name(t));
            assertEquals(16, instance.memory().pages(), Tiers.name(t));
        }
        assertEquals(out[0], out[1], "grow_all (interpreter, compiled)");
    }

    /**
     * func 0 "poke" (param $a i32) (result i32): stores 0x5A at $a, loads it back. func 1 "grow"
     * (param i32) (result i32): memory.grow.
     */
    @Test
    void anAccessPastTheEndTrapsAndTheInstanceGoesOn() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .memory(1, 4)
                .function(0, Code.code().localGet(0).i32Const(0x5A).mem(Opcode.I32_STORE8, 0, 0)
                        .localGet(0).mem(Opcode.I32_LOAD8_U, 0, 0).end())
                .function(0, Code.code().localGet(0).memoryGrow().end())
                .export("poke", ExternKind.FUNC, 0)
                .export("grow", ExternKind.FUNC, 1)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        ExecutionLimits limits = ExecutionLimits.DEFAULT.withMaxMemoryPages(2);
        for (int t = 0; t < 2; t++) {
            Instance instance = Tiers.instantiate(tiers[t], limits);
            Outcome past = Tiers.call(instance, "poke", 65536);
            assertEquals(new Outcome(null, TrapKind.MEMORY_OUT_OF_BOUNDS, 3), past, Tiers.name(t));
            assertEquals(0x5AL, instance.call("poke", 65535)[0], Tiers.name(t));
            assertEquals(1L, instance.call("grow", 1)[0], Tiers.name(t));
            assertEquals(0x5AL, instance.call("poke", 65536)[0], Tiers.name(t) + ": after growing");
            // The module allows 4 pages, the store's limit 2.
            assertEquals(-1L, instance.call("grow", 1)[0], Tiers.name(t));
            assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, Tiers.call(instance, "poke", 2 * 65536).trap(), Tiers.name(t));
            assertEquals(0x5AL, instance.call("poke", 2 * 65536 - 1)[0], Tiers.name(t));
        }
    }

    /**
     * Compiled code keeps memory 0's array and size in locals: growth inside the function or in a
     * callee must be seen by the accesses after it. func 0 "grow" (param i32) (result i32):
     * memory.grow. func 1 "grow_then_poke" (param $a i32) (result i32): loads $a (before growing),
     * grows by one page, stores 0x5A at $a + 65536 and loads it back. func 2 "call_grow_then_poke":
     * the same with the growth in a call to func 0. Each starts with one page.
     */
    @Test
    void accessesAfterGrowingSeeTheNewPages() {
        byte[] bytes = ModuleBytes.module()
                .type(List.of(I32), List.of(I32))
                .memory(1, 8)
                .function(0, Code.code().localGet(0).memoryGrow().end())
                .function(0, Code.code().localGet(0).mem(Opcode.I32_LOAD8_U, 0, 0).drop()
                        .i32Const(1).memoryGrow().drop()
                        .localGet(0).i32Const(0x5A).mem(Opcode.I32_STORE8, 0, 65536)
                        .localGet(0).mem(Opcode.I32_LOAD8_U, 0, 65536).end())
                .function(0, Code.code().localGet(0).mem(Opcode.I32_LOAD8_U, 0, 0).drop()
                        .i32Const(1).call(0).drop()
                        .localGet(0).i32Const(0x5A).mem(Opcode.I32_STORE8, 0, 65536)
                        .localGet(0).mem(Opcode.I32_LOAD8_U, 0, 65536).end())
                .export("grow", ExternKind.FUNC, 0)
                .export("grow_then_poke", ExternKind.FUNC, 1)
                .export("call_grow_then_poke", ExternKind.FUNC, 2)
                .build();
        CompiledModule[] tiers = Tiers.both(bytes);
        for (String name : List.of("grow_then_poke", "call_grow_then_poke")) {
            Outcome[] out = new Outcome[2];
            for (int t = 0; t < 2; t++) {
                Instance instance = Tiers.instantiate(tiers[t], ExecutionLimits.DEFAULT);
                out[t] = Tiers.call(instance, name, 65535);
                assertEquals(0x5AL, out[t].results()[0], Tiers.name(t) + ": " + name);
                assertEquals(2, instance.memory().pages(), Tiers.name(t) + ": " + name);
            }
            assertEquals(out[0], out[1], name + " (interpreter, compiled)");
        }
    }
}
