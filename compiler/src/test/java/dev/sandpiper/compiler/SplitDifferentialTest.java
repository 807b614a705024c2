package dev.sandpiper.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.RandomProgram.Program;
import dev.sandpiper.interpreter.CompiledModule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;

/**
 * The differential test of {@link DifferentialPropertyTest} with functions split into many small
 * methods: compiled so that every function whose method would be over {@value #LIMIT} bytes
 * (instead of HotSpot's 8,000) is split as far as it goes ({@code Outliner}), most random programs
 * have regions outlined, with branches of every depth carrying values, loops, blocks with
 * parameters, calls, traps, fuel budgets and depth limits crossing the methods' boundaries.
 */
class SplitDifferentialTest {
    static final int LIMIT = 300;
    private static final WasmCompiler SPLITTING = WasmCompiler.standard().withMethodLimit(LIMIT);

    @Property(tries = 700, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(DifferentialPropertyTest.Campaign.class)
    void bothTiersAgreeWithFunctionsSplit(@ForAll long seed, @ForAll @IntRange(min = 3, max = 8) int size) {
        Program p = RandomProgram.generate(seed, size);
        CompiledModule m = CompiledModule.compile(p.bytes());
        SPLITTING.compile(m);
        DifferentialPropertyTest.check(p, m);
    }

    /** The property is not vacuous: most random programs of some size have functions split. */
    @Test
    void randomProgramsAreSplit() {
        int programs = 0;
        int withSplit = 0;
        int methods = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Program p = RandomProgram.generate(seed * 7919, 6);
            CompileReport r = SPLITTING.compile(CompiledModule.compile(p.bytes()));
            programs++;
            withSplit += r.split().isEmpty() ? 0 : 1;
            methods += r.split().values().stream().mapToInt(Integer::intValue).sum();
        }
        assertTrue(withSplit > programs / 2, withSplit + " of " + programs + " programs split");
        assertTrue(methods > 2 * programs, methods + " methods outlined in " + programs + " programs");
    }
}
