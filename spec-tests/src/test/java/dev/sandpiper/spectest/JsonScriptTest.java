package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sandpiper.compiler.Engine;
import dev.sandpiper.decoder.Features;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The wast2json path (other projects' suites come as wast2json json): a few scripts of the 2.0
 * suite in that form on both tiers, chosen to cover every command type, binary and text-format
 * malformed modules, {@code register} across modules, NaN and v128 patterns and references.
 * The whole suite runs from {@code .wast} in {@link SpecSuiteTest}.
 */
class JsonScriptTest {
    static final List<String> SCRIPTS = List.of("binary", "linking", "float_exprs", "simd_f32x4_arith",
            "ref_func", "ref_null", "select", "start", "call_indirect", "utf8-invalid-encoding");
    private static final Map<Engine, SuiteReport> REPORTS = new EnumMap<>(Engine.class);

    @TestFactory
    List<DynamicNode> jsonScripts() {
        return run(Engine.INTERPRETER);
    }

    @TestFactory
    List<DynamicNode> jsonScriptsCompiled() {
        return run(Engine.COMPILER);
    }

    private static List<DynamicNode> run(Engine engine) {
        assumeTrue(TestsuiteLocator.jsonAvailable(), TestsuiteLocator.JSON_ABSENT);
        Path dir = TestsuiteLocator.locate();
        List<SpecScript> scripts = new ArrayList<>();
        for (String name : SCRIPTS) {
            Path json = dir.resolve(name).resolve(name + ".json");
            if (!Files.isRegularFile(json)) {
                fail("no wast2json script " + json);
            }
            scripts.add(SpecScript.readJson(json));
        }
        SuiteReport report = new SuiteReport();
        REPORTS.put(engine, report);
        return SpecSuiteTest.containers(scripts, engine, Features.wasm20(), report);
    }

    @AfterAll
    static void printReport() {
        for (Map.Entry<Engine, SuiteReport> e : REPORTS.entrySet()) {
            System.out.println();
            System.out.println("engine " + e.getKey() + ", wast2json scripts (" + SCRIPTS.size() + " of the suite):");
            e.getValue().print(System.out);
        }
    }
}
