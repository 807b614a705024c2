package dev.sandpiper.spectest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The classifier on the 2.0 suite, which has no 3.0 feature: no module it loads and no action or
 * assertion on one is taken for 3.0. The only commands it classifies are module assertions whose
 * verdict 3.0 changed (two memories are valid, limits and offsets are u64, section 13 is the tag
 * section, a limits flag is a byte ...), so they need that feature's rules.
 */
class Wasm20ClassificationTest {

    @Test
    void onlyAssertionsWhose30VerdictDiffersAreClassified() throws IOException {
        Path dir = TestsuiteLocator.locateWast();
        List<String> wrong = new ArrayList<>();
        int classified = 0;
        for (Path wast : SpecScript.findWast(dir)) {
            SpecScript s = SpecScript.readWast(wast);
            List<Set<dev.sandpiper.spectest.features.Feature>> needs = ScriptFeatures.of(s);
            for (int i = 0; i < needs.size(); i++) {
                Command c = s.commands().get(i);
                if (needs.get(i).isEmpty()) {
                    continue;
                }
                classified++;
                boolean assertion = c.directive() instanceof Directive.AssertModule a
                        && (a.failure() == Directive.Failure.MALFORMED || a.failure() == Directive.Failure.INVALID);
                if (!assertion) {
                    wrong.add(c.displayName(s.sourceFile()) + " " + needs.get(i));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(classified > 0 && classified < 100, "classified: " + classified);
    }
}
