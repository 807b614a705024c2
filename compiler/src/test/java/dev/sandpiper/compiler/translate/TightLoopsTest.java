package dev.sandpiper.compiler.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.text.Wat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which loops count as small: no call or grow inside, at most eight accesses, nested loops allowed. */
class TightLoopsTest {
    private static final String WAT = """
            (module
              (func $callee)
              (memory 1)
              ;; defined function 1: two loads, an inner loop with one: both loops small
              (func (param i32) (loop (loop (drop (i32.load8_u (local.get 0))) (br_if 0 (local.get 0)))
                (drop (i32.load (local.get 0))) (drop (i32.load8_u (local.get 0))) (br_if 0 (local.get 0))))
              ;; 2: a call in the loop
              (func (param i32) (loop (call $callee) (drop (i32.load8_u (local.get 0))) (br_if 0 (local.get 0))))
              ;; 3: memory.grow in a block in the loop
              (func (param i32) (loop (block (drop (memory.grow (i32.const 0))))
                (drop (i32.load8_u (local.get 0))) (br_if 0 (local.get 0))))
              ;; 4: nine loads
              (func (param i32) (loop
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (br_if 0 (local.get 0))))
              ;; 5: a load outside any loop, then a small loop of eight
              (func (param i32) (drop (i32.load8_u (local.get 0))) (loop
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (drop (i32.load8_u (local.get 0))) (drop (i32.load8_u (local.get 0)))
                (br_if 0 (local.get 0)))))
            """;

    @Test
    void smallLoopsAreThoseWithoutCallsOrGrowAndFewAccesses() {
        Module m = CompiledModule.compile(Wat.parseModule(WAT, "tight.wat")).module();
        assertEquals(List.of(true, true, true), accessesInSmallLoops(m, 1));
        assertEquals(List.of(false), accessesInSmallLoops(m, 2));
        assertEquals(List.of(false), accessesInSmallLoops(m, 3));
        assertEquals(List.of(false, false, false, false, false, false, false, false, false), accessesInSmallLoops(m, 4));
        assertEquals(List.of(false, true, true, true, true, true, true, true, true), accessesInSmallLoops(m, 5));
    }

    /** For each load of defined function {@code defined}, in code order: whether it is in a small loop. */
    private static List<Boolean> accessesInSmallLoops(Module m, int defined) {
        TightLoops loops = TightLoops.of(m, defined);
        List<Boolean> in = new ArrayList<>();
        CodeReader r = m.codeReader(defined);
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.I32_LOAD8_U || op == Opcode.I32_LOAD) {
                in.add(loops.contains(r.opcodeOffset()));
            }
        }
        return in;
    }
}
