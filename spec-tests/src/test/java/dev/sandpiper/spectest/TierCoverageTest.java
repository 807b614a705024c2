package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.compiler.CompileReport;
import dev.sandpiper.compiler.WasmCompiler;
import dev.sandpiper.decoder.code.CodeReader;
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
 * interpreted only because its bytecode is over HotSpot's compile limit.
 */
class TierCoverageTest {
    /**
     * The reasons {@code ModuleTranslator} gives for a function too large: over HotSpot's compile
     * limit, or over the JVM's 65,535-byte limit on a method's code (JVMS 4.7.3).
     */
    private static final List<String> TOO_LARGE = List.of("over HotSpot's 8000-byte compile limit", "bytes, over 65535");

    @Test
    void noFunctionOfTheSuiteStaysInterpretedExceptForSize() throws Exception {
        int modules = 0;
        int compiled = 0;
        int compiledV128 = 0;
        int v128 = 0;
        int interpretedV128 = 0;
        List<String> interpreted = new ArrayList<>();
        Path dir = TestsuiteLocator.locateWast();
        for (Path wast : SpecScript.findWast(dir)) {
            SpecScript script = SpecScript.readWast(wast);
            for (Command c : script.commands()) {
                if (!(c.directive() instanceof Directive.Module m)) {
                    continue;
                }
                CompiledModule module = CompiledModule.compile(m.source().bytes());
                CompileReport report = WasmCompiler.standard().compile(module);
                modules++;
                Module decoded = module.module();
                for (int f = decoded.importedFunctionCount(); f < decoded.functionCount(); f++) {
                    boolean vector = usesV128(decoded, f);
                    v128 += vector ? 1 : 0;
                    String why = report.interpreted().get(f);
                    if (why == null) {
                        compiled++;
                        compiledV128 += vector ? 1 : 0;
                    } else {
                        interpretedV128 += vector ? 1 : 0;
                        interpreted.add(script.sourceFile() + ":" + c.line() + " func " + f + ": " + why);
                    }
                }
            }
        }
        System.out.printf("2.0 suite: %d modules, %d functions compiled (%d of %d using v128), %d interpreted"
                + " (%d using v128)%n", modules, compiled, compiledV128, v128, interpreted.size(), interpretedV128);
        interpreted.forEach(s -> System.out.println("  interpreted: " + s));
        assertTrue(modules > 1000, "the suite's modules were not found: " + modules);
        assertTrue(v128 > 1000, "the suite has fewer v128 functions than expected: " + v128);
        for (String s : interpreted) {
            assertTrue(TOO_LARGE.stream().anyMatch(s::contains), "interpreted for another reason than size: " + s);
        }
        assertTrue(interpreted.size() <= 5, "more functions too large than expected: " + interpreted);
        assertTrue(compiledV128 > 1000, "v128 functions compiled: " + compiledV128);
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
