package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly 2.0 spec suite, run from its {@code .wast} files on both tiers with
 * 2.0's features only (the scripts assert that 3.0's constructs are refused), one
 * dynamic test per command and tier, named {@code file.wast:line command}: the interpreter, then
 * the compiler forced (every module compiled as it loads). A skipped command is reported as
 * aborted (skipped), never as passed. Prints each tier's per-file table and totals line when the
 * suite is done. Each script is read once and its modules parsed once for both tiers.
 */
class SpecSuiteTest {
    private static final Map<Engine, SuiteReport> REPORTS = new EnumMap<>(Engine.class);
    private static List<SpecScript> scripts;

    @TestFactory
    List<DynamicNode> wasm20Suite() throws IOException {
        return suite(Engine.INTERPRETER);
    }

    @TestFactory
    List<DynamicNode> wasm20SuiteCompiled() throws IOException {
        return suite(Engine.COMPILER);
    }

    private static synchronized List<SpecScript> scripts() throws IOException {
        if (scripts == null) {
            Path dir = TestsuiteLocator.locateWast();
            List<SpecScript> list = new ArrayList<>();
            for (Path wast : SpecScript.findWast(dir)) {
                list.add(SpecScript.readWast(wast));
            }
            if (list.isEmpty()) {
                fail("no .wast scripts under " + dir);
            }
            scripts = list;
        }
        return scripts;
    }

    private static List<DynamicNode> suite(Engine engine) throws IOException {
        SuiteReport report = new SuiteReport();
        REPORTS.put(engine, report);
        return containers(scripts(), engine, Features.wasm20(), report);
    }

    /**
     * One container per script, one test per command, outcomes tallied in {@code report}; modules
     * may use only {@code features}.
     */
    static List<DynamicNode> containers(List<SpecScript> scripts, Engine engine, Features features, SuiteReport report) {
        List<DynamicNode> files = new ArrayList<>();
        for (SpecScript script : scripts) {
            SpecRunner runner = new SpecRunner(script, engine, features);
            List<DynamicTest> tests = new ArrayList<>();
            for (Command c : script.commands()) {
                tests.add(DynamicTest.dynamicTest(c.displayName(script.sourceFile()), () -> {
                    Outcome o = runner.run(c);
                    report.record(script.sourceFile(), o);
                    switch (o.status()) {
                        case PASSED -> { }
                        case FAILED -> fail(o.message());
                        case SKIPPED -> abort(o.message());
                    }
                }));
            }
            files.add(DynamicContainer.dynamicContainer(engine + " " + script.sourceFile(), tests));
        }
        return files;
    }

    @AfterAll
    static void printReport() {
        for (Map.Entry<Engine, SuiteReport> e : REPORTS.entrySet()) {
            System.out.println();
            System.out.println("engine " + e.getKey() + ", .wast scripts:");
            e.getValue().print(System.out);
        }
    }
}
