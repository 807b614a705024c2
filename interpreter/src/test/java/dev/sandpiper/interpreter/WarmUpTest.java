package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sandpiper.interpreter.code.Op;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The warm-up module ({@code interpreter/warmup/warmup.wat}) must reach every op, or the JIT
 * compiles the loop from a profile that lacks it and the first real use of that op deoptimises the
 * loop: a new op without a use in the warm-up fails here.
 */
class WarmUpTest {

    @Test
    void theWarmUpModuleTranslatesToEveryOp() throws IOException {
        byte[] bytes;
        try (InputStream in = WarmUp.class.getResourceAsStream("warmup.wasm")) {
            bytes = in.readAllBytes();
        }
        CompiledModule module = CompiledModule.compile(bytes);
        Set<Integer> seen = new TreeSet<>();
        for (int f = 0; f < module.module().definedFunctionCount(); f++) {
            int[] code = module.code(f).code();
            for (int pc = 0; pc < code.length; pc += 1 + Op.immediates(code, pc)) {
                seen.add(code[pc]);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int op = 0; op < Op.COUNT; op++) {
            if (!seen.contains(op)) {
                missing.add(Op.name(op));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aZeroBudgetRunsTheWorkloadOnce() {
        WarmUp.run(Duration.ZERO); // one round of every function, the trap included, without failing
    }
}
