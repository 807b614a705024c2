package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WebAssembly 2.0 spec suite, one dynamic test per command, named
 * {@code file.wast:line command}. A skipped command is reported as aborted (skipped), never as
 * passed. Prints the per-file table and the totals line when the suite is done.
 */
class SpecSuiteTest {
    private static final SuiteReport REPORT = new SuiteReport();

    @TestFactory
    List<DynamicNode> wasm20Suite() throws IOException {
        Path dir = TestsuiteLocator.locate();
        List<DynamicNode> files = new ArrayList<>();
        for (Path json : SpecScript.find(dir)) {
            SpecScript script = SpecScript.read(json);
            SpecRunner runner = new SpecRunner(script);
            List<DynamicTest> tests = new ArrayList<>();
            for (Command c : script.commands()) {
                tests.add(DynamicTest.dynamicTest(c.displayName(script.sourceFile()), () -> {
                    Outcome o = runner.run(c);
                    REPORT.record(script.sourceFile(), o);
                    switch (o.status()) {
                        case PASSED -> { }
                        case FAILED -> fail(o.message());
                        case SKIPPED -> abort(o.message());
                    }
                }));
            }
            files.add(DynamicContainer.dynamicContainer(script.sourceFile(), tests));
        }
        if (files.isEmpty()) {
            fail("no wast2json scripts under " + dir);
        }
        return files;
    }

    @AfterAll
    static void printReport() {
        System.out.println();
        REPORT.print(System.out);
    }
}
