package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.spectest.features.EngineFeatures;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 3.0 suite ({@code suite/latest}, 268 scripts) as a report, on both tiers: on the
 * interpreter one dynamic test per command, named {@code path:line command}; on the compiler one
 * per script. A command that needs a 3.0 feature the engine
 * lacks ({@link FeatureGate}, decided from its text before it runs) is reported as aborted
 * (skipped) with the features it needs; every other command runs and must pass. Prints each tier's
 * per-file table with the features skips named, the baseline in the README.
 */
class LatestSuiteTest {
    /** Scripts in {@code suite/latest}: the core folder, legacy/, custom/, proposals/threads/. */
    static final int SCRIPTS = 268;
    private static final Map<Engine, SuiteReport> REPORTS = new EnumMap<>(Engine.class);
    private static List<SpecScript> scripts;
    private static Path root;

    @TestFactory
    List<DynamicNode> latestSuite() throws IOException {
        return suite(Engine.INTERPRETER);
    }

    /**
     * The compiled tier, one test per script (the commands and their skips are the interpreter's,
     * as which features a command needs does not depend on the tier): every command that runs must
     * pass, and the failures are listed. Per script rather than per command to keep the build's
     * time down; the report is printed for this tier too.
     */
    @TestFactory
    List<DynamicTest> latestSuiteCompiled() throws IOException {
        SuiteReport report = new SuiteReport();
        REPORTS.put(Engine.COMPILER, report);
        List<DynamicTest> tests = new ArrayList<>();
        for (SpecScript script : scripts()) {
            String name = root.relativize(script.file()).toString();
            tests.add(DynamicTest.dynamicTest("COMPILER " + name, () -> {
                FeatureGate gate = new FeatureGate(new SpecRunner(script, Engine.COMPILER), EngineFeatures.supported());
                List<String> failed = new ArrayList<>();
                int ran = 0;
                for (int i = 0; i < script.commands().size(); i++) {
                    Outcome o = gate.run(i);
                    report.record(name, o);
                    if (o.status() == Outcome.Status.FAILED) {
                        failed.add(script.commands().get(i).displayName(name) + ": " + o.message());
                    }
                    ran += o.status() == Outcome.Status.SKIPPED ? 0 : 1;
                }
                assertEquals(List.of(), failed);
                if (ran == 0) {
                    abort("every command needs a 3.0 feature the engine lacks");
                }
            }));
        }
        return tests;
    }

    private static synchronized List<SpecScript> scripts() throws IOException {
        if (scripts == null) {
            root = TestsuiteLocator.locateLatest();
            List<SpecScript> list = new ArrayList<>();
            for (Path wast : SpecScript.findWast(root)) {
                list.add(SpecScript.readWast(wast));
            }
            scripts = list;
        }
        return scripts;
    }

    @Test
    void everyScriptOfTheSuiteIsRead() throws IOException {
        assertEquals(SCRIPTS, scripts().size(), "scripts under " + root);
    }

    private static List<DynamicNode> suite(Engine engine) throws IOException {
        SuiteReport report = new SuiteReport();
        REPORTS.put(engine, report);
        List<DynamicNode> files = new ArrayList<>();
        for (SpecScript script : scripts()) {
            String name = root.relativize(script.file()).toString();
            FeatureGate gate = new FeatureGate(new SpecRunner(script, engine), EngineFeatures.supported());
            List<DynamicTest> tests = new ArrayList<>();
            List<Command> commands = script.commands();
            for (int i = 0; i < commands.size(); i++) {
                int index = i;
                tests.add(DynamicTest.dynamicTest(commands.get(i).displayName(name), () -> {
                    Outcome o = gate.run(index);
                    report.record(name, o);
                    switch (o.status()) {
                        case PASSED -> { }
                        case FAILED -> fail(o.message());
                        case SKIPPED -> abort(o.message());
                    }
                }));
            }
            files.add(DynamicContainer.dynamicContainer(engine + " " + name, tests));
        }
        return files;
    }

    @AfterAll
    static void printReport() {
        for (Map.Entry<Engine, SuiteReport> e : REPORTS.entrySet()) {
            System.out.println();
            System.out.println("engine " + e.getKey() + ", the 3.0 suite (latest), features supported: "
                    + EngineFeatures.supported() + ":");
            e.getValue().print(System.out);
        }
    }
}
