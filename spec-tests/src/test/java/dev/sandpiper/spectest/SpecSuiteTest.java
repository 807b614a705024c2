package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import dev.sandpiper.compiler.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly 2.0 spec suite on both tiers, one dynamic test per command and tier,
 * named {@code file.wast:line command}: the interpreter, then the compiler forced (every module
 * compiled as it loads). A skipped command is reported as aborted (skipped), never as passed.
 * Prints each tier's per-file table and totals line when the suite is done.
 */
class SpecSuiteTest {
    private static final Map<Engine, SuiteReport> REPORTS = new EnumMap<>(Engine.class);

    @TestFactory
    List<DynamicNode> wasm20Suite() throws IOException {
        return suite(Engine.INTERPRETER);
    }

    @TestFactory
    List<DynamicNode> wasm20SuiteCompiled() throws IOException {
        return suite(Engine.COMPILER);
    }

    private static List<DynamicNode> suite(Engine engine) throws IOException {
        SuiteReport report = new SuiteReport();
        REPORTS.put(engine, report);
        Path dir = TestsuiteLocator.locate();
        List<DynamicNode> files = new ArrayList<>();
        for (Path json : SpecScript.find(dir)) {
            SpecScript script = SpecScript.read(json);
            SpecRunner runner = new SpecRunner(script, engine);
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
        if (files.isEmpty()) {
            fail("no wast2json scripts under " + dir);
        }
        return files;
    }

    @AfterAll
    static void printReport() {
        for (Map.Entry<Engine, SuiteReport> e : REPORTS.entrySet()) {
            System.out.println();
            System.out.println("engine " + e.getKey() + ":");
            e.getValue().print(System.out);
        }
    }
}
