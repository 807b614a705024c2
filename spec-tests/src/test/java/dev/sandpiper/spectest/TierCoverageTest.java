package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Feature;
import dev.sandpiper.decoder.code.Opcode;
import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.FunctionBody;
import dev.sandpiper.decoder.model.Module;
import dev.sandpiper.decoder.model.ValType;
import dev.sandpiper.interpreter.CompiledModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which tier runs each function of the 2.0 suite: every module a {@code module} command loads is
 * compiled as {@code Engine.COMPILER} would, and each defined function counted as compiled or left
 * to the interpreter, with how many of them use v128 (in their type, locals or body). The compiled
 * tier translates every 2.0 instruction, vector ones included (issue 11), so a function may stay
 * interpreted only because its bytecode is over HotSpot's compile limit and it cannot be split.
 */
class TierCoverageTest {
    /**
     * The reasons {@code ModuleTranslator} gives for a function too large: over HotSpot's compile
     * limit, or over the JVM's 65,535-byte limit on a method's code (JVMS 4.7.3).
     */
    private static final List<String> TOO_LARGE = List.of("over HotSpot's 8000-byte compile limit", "bytes, over 65535");

    @Test
    void noFunctionOfTheSuiteStaysInterpretedExceptForSize() throws Exception {
        class Counts {
            int compiled;
            int compiledV128;
            int v128;
            int interpretedV128;
            int split;
        }
        Counts n = new Counts();
        List<String> interpreted = new ArrayList<>();
        List<Path> scripts = SpecScript.findWast(TestsuiteLocator.locateWast());
        int modules = eachFunction(scripts, interpreted, (m, f, report, why) -> {
            boolean vector = usesV128(m, f);
            n.v128 += vector ? 1 : 0;
            if (why == null) {
                n.compiled++;
                n.compiledV128 += vector ? 1 : 0;
            } else {
                n.interpretedV128 += vector ? 1 : 0;
            }
            n.split += report.split().containsKey(f) ? 1 : 0;
        });
        System.out.printf("2.0 suite: %d modules, %d functions compiled (%d of %d using v128, %d split), %d interpreted"
                + " (%d using v128)%n", modules, n.compiled, n.compiledV128, n.v128, n.split, interpreted.size(),
                n.interpretedV128);
        interpreted.forEach(s -> System.out.println("  interpreted: " + s));
        assertTrue(modules > 1000, "the suite's modules were not found: " + modules);
        assertTrue(n.v128 > 1000, "the suite has fewer v128 functions than expected: " + n.v128);
        for (String s : interpreted) {
            assertTrue(TOO_LARGE.stream().anyMatch(s::contains), "interpreted for another reason than size: " + s);
        }
        // Measured with splitting (compiler README, Splitting large functions): 2, neither splittable,
        // br_table.wast's one br_table of 24,616 targets and skip-stack-guard-page.wast's flat body.
        assertTrue(interpreted.size() <= 2, "more functions too large than expected: " + interpreted);
        assertTrue(n.compiledV128 > 1000, "v128 functions compiled: " + n.compiledV128);
    }

    /**
     * The same over the 3.0 scripts {@link Wasm30FeaturesSuiteTest} runs (tail calls, multiple
     * memories, {@code data.wast}, typed function references, relaxed SIMD, memory64): since issue 14 the
     * compiled tier translates tail calls, instructions on any memory (64-bit ones too), {@code call_ref} and the other
     * function-reference instructions, and the relaxed vector instructions, and exception handling
     * (legacy instructions included), so their functions compile too, those using the features included.
     */
    @Test
    void noFunctionOfThe30FeatureScriptsStaysInterpretedExceptForSize() throws Exception {
        Path dir = TestsuiteLocator.locateWast().resolveSibling("latest");
        class Counts {
            int compiled;
            int tailCalling;
            int otherMemory;
            int references;
            int relaxed;
            int exceptions;
            int wideMemory;
        }
        Counts n = new Counts();
        List<String> interpreted = new ArrayList<>();
        List<Path> scripts = new ArrayList<>();
        for (List<String> group : List.of(Wasm30FeaturesSuiteTest.TAIL_CALLS, Wasm30FeaturesSuiteTest.MULTI_MEMORY,
                Wasm30FeaturesSuiteTest.EXTENDED_CONST, Wasm30FeaturesSuiteTest.FUNCTION_REFERENCES,
                Wasm30FeaturesSuiteTest.RELAXED_SIMD, Wasm30FeaturesSuiteTest.MEMORY64,
                Wasm30FeaturesSuiteTest.EXCEPTIONS)) {
            group.forEach(name -> scripts.add(dir.resolve(name)));
        }
        eachFunction(scripts, interpreted, (m, f, report, why) -> {
            if (why != null) {
                return;
            }
            n.compiled++;
            n.wideMemory += usesMemory64(m, f) ? 1 : 0;
            int uses = uses30(m, f);
            n.tailCalling += uses & 1;
            n.otherMemory += (uses >> 1) & 1;
            n.references += (uses >> 2) & 1;
            n.relaxed += (uses >> 3) & 1;
            n.exceptions += uses >> 4;
        });
        System.out.printf("3.0 feature scripts: %d functions compiled (%d with tail calls, %d on a memory other"
                + " than 0, %d with function-reference instructions, %d with relaxed SIMD, %d on a 64-bit memory,"
                + " %d with exception handling), %d interpreted%n", n.compiled, n.tailCalling, n.otherMemory,
                n.references, n.relaxed, n.wideMemory, n.exceptions, interpreted.size());
        interpreted.forEach(s -> System.out.println("  interpreted: " + s));
        for (String s : interpreted) {
            assertTrue(TOO_LARGE.stream().anyMatch(s::contains), "interpreted for another reason than size: " + s);
        }
        assertTrue(n.wideMemory > 30, "compiled functions on a 64-bit memory: " + n.wideMemory);
        assertTrue(n.tailCalling > 30, "compiled functions with tail calls: " + n.tailCalling);
        assertTrue(n.otherMemory > 30, "compiled functions on a memory other than 0: " + n.otherMemory);
        assertTrue(n.references > 30, "compiled functions with function-reference instructions: " + n.references);
        assertTrue(n.relaxed >= 4, "compiled functions with relaxed SIMD: " + n.relaxed);
        assertTrue(n.exceptions > 100, "compiled functions with exception handling: " + n.exceptions);
    }

    /**
     * The same over the GC scripts {@link Wasm30FeaturesSuiteTest} runs (structures, arrays, i31,
     * casts, {@code br_on_cast}, {@code ref.eq}, the extern/any conversions, type subtyping): the
     * compiled tier translates the GC instructions, so their functions compile too.
     */
    @Test
    void noFunctionOfTheGcScriptsStaysInterpretedExceptForSize() throws Exception {
        Path dir = TestsuiteLocator.locateWast().resolveSibling("latest");
        class Counts {
            int compiled;
            int usingGc;
        }
        Counts n = new Counts();
        List<String> interpreted = new ArrayList<>();
        List<Path> scripts = Wasm30FeaturesSuiteTest.GC.stream().map(dir::resolve).toList();
        eachFunction(scripts, interpreted, (m, f, report, why) -> {
            if (why == null) {
                n.compiled++;
                n.usingGc += usesGc(m, f) ? 1 : 0;
            }
        });
        System.out.printf("GC scripts: %d functions compiled (%d with GC instructions), %d interpreted%n", n.compiled,
                n.usingGc, interpreted.size());
        interpreted.forEach(s -> System.out.println("  interpreted: " + s));
        for (String s : interpreted) {
            assertTrue(TOO_LARGE.stream().anyMatch(s::contains), "interpreted for another reason than size: " + s);
        }
        assertTrue(n.usingGc > 150, "compiled functions with GC instructions: " + n.usingGc);
    }

    /** One defined function of a module: compiled when {@code why} is null, else left to the interpreter for it. */
    private interface FunctionSeen {
        void accept(Module m, int f, CompileReport report, String why);
    }

    /**
     * Compiles every module a {@code module} command of the {@code scripts} loads as {@code
     * Engine.COMPILER} would, shows each defined function to {@code seen}, and adds "file:line func f:
     * reason" to {@code interpreted} for each left to the interpreter. Returns how many modules.
     */
    private static int eachFunction(List<Path> scripts, List<String> interpreted, FunctionSeen seen) throws Exception {
        int modules = 0;
        for (Path wast : scripts) {
            SpecScript script = SpecScript.readWast(wast);
            for (Command c : script.commands()) {
                if (!(c.directive() instanceof Directive.Module d)) {
                    continue;
                }
                CompiledModule module = CompiledModule.compile(d.source().bytes());
                CompileReport report = WasmCompiler.standard().compile(module);
                modules++;
                Module m = module.module();
                for (int f = m.importedFunctionCount(); f < m.functionCount(); f++) {
                    String why = report.interpreted().get(f);
                    if (why != null) {
                        interpreted.add(script.sourceFile() + ":" + c.line() + " func " + f + ": " + why);
                    }
                    seen.accept(m, f, report, why);
                }
            }
        }
        return modules;
    }

    /** Whether function {@code f} has a GC instruction (3.0). */
    private static boolean usesGc(Module m, int f) {
        CodeReader r = m.codeReader(f - m.importedFunctionCount());
        while (r.hasNext()) {
            if (r.next().feature() == Feature.GC) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bit 0: function {@code f} has a tail call; bit 1: it names a memory other than memory 0; bit 2:
     * it uses a function-reference instruction ({@code call_ref}...); bit 3: a relaxed vector one;
     * bit 4: an instruction of exception handling (legacy ones included).
     */
    private static int uses30(Module m, int f) {
        int uses = 0;
        CodeReader r = m.codeReader(f - m.importedFunctionCount());
        while (r.hasNext()) {
            Opcode op = r.next();
            if (op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT || op == Opcode.RETURN_CALL_REF) {
                uses |= 1;
            }
            if (op.feature() == Feature.FUNCTION_REFERENCES) {
                uses |= 4;
            }
            if (op.feature() == Feature.RELAXED_SIMD) {
                uses |= 8;
            }
            if (op.feature() == Feature.EXCEPTIONS || op.feature() == Feature.LEGACY_EXCEPTIONS) {
                uses |= 16;
            }
            boolean other = switch (op.immediate()) {
                case MEMARG, MEMARG_LANE, MEMORY_INDEX, MEMORY_INIT -> r.memoryIndex() != 0;
                case MEMORY_COPY -> r.memoryIndex() != 0 || r.memoryIndex2() != 0;
                default -> false;
            };
            if (other) {
                uses |= 2;
            }
        }
        return uses;
    }

    /** Whether function {@code f} has a memory instruction on a 64-bit memory (3.0 memory64). */
    private static boolean usesMemory64(Module m, int f) {
        CodeReader r = m.codeReader(f - m.importedFunctionCount());
        while (r.hasNext()) {
            Opcode op = r.next();
            boolean access = switch (op.immediate()) {
                case MEMARG, MEMARG_LANE, MEMORY_INDEX, MEMORY_INIT, MEMORY_COPY -> true;
                default -> false;
            };
            if (access && m.memorySpace().get(r.memoryIndex()).limits().address64()) {
                return true;
            }
        }
        return false;
    }

    /** Whether function {@code f} has a v128 parameter, result or local, or a vector instruction. */
    static boolean usesV128(Module m, int f) {
        FuncType t = m.functionType(f);
        if (t.params().contains(ValType.V128) || t.results().contains(ValType.V128)) {
            return true;
        }
        int defined = f - m.importedFunctionCount();
        FunctionBody body = m.codes().get(defined);
        for (ValType local : body.locals()) {
            if (local == ValType.V128) {
                return true;
            }
        }
        CodeReader r = m.codeReader(defined);
        while (r.hasNext()) {
            if (r.next().prefix() == Opcode.PREFIX_FD) {
                return true;
            }
        }
        return false;
    }
}
