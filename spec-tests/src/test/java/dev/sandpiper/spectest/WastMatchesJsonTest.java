package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a {@code .wast} gives the commands wast2json gives for it: the same count, types and
 * lines, file by file, over the whole 2.0 suite (so both runs count "command" alike: 53,899).
 */
class WastMatchesJsonTest {

    @Test
    void everyScriptReadsAsWast2jsonDoes() throws IOException {
        assumeTrue(TestsuiteLocator.jsonAvailable(), TestsuiteLocator.JSON_ABSENT);
        Path wastDir = TestsuiteLocator.locateWast();
        Path jsonDir = TestsuiteLocator.locate();
        List<String> differences = new ArrayList<>();
        int total = 0;
        int files = 0;
        for (Path wast : SpecScript.findWast(wastDir)) {
            String name = wast.getFileName().toString().replaceFirst("\\.wast$", "");
            Path json = jsonDir.resolve(name).resolve(name + ".json");
            if (!Files.isRegularFile(json)) {
                differences.add(name + ": no wast2json script");
                continue;
            }
            files++;
            List<String> fromWast = names(SpecScript.readWast(wast));
            List<String> fromJson = names(SpecScript.readJson(json));
            total += fromWast.size();
            if (!fromWast.equals(fromJson)) {
                int i = 0;
                while (i < Math.min(fromWast.size(), fromJson.size()) && fromWast.get(i).equals(fromJson.get(i))) {
                    i++;
                }
                differences.add(name + ": " + fromWast.size() + " commands from .wast, " + fromJson.size()
                        + " from json; first difference at #" + i + ": "
                        + (i < fromWast.size() ? fromWast.get(i) : "-") + " vs " + (i < fromJson.size() ? fromJson.get(i) : "-"));
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(files >= 140, "scripts: " + files);
        if (wastDir.endsWith(Path.of("wasm-2.0", "wast"))) {
            assertEquals(53_899, total, "commands in the 2.0 suite");
        }
    }

    private static List<String> names(SpecScript s) {
        List<String> out = new ArrayList<>();
        for (Command c : s.commands()) {
            out.add(c.line() + " " + c.type()
                    + (c.directive() instanceof Directive.Unreadable u ? " (unreadable: " + u.reason() + ")" : ""));
        }
        return out;
    }
}
