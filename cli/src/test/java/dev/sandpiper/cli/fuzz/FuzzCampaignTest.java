package dev.sandpiper.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sandpiper.interpreter.CompiledModule;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized fuzz campaign: a fixed seed, 20,000 modules ({@code -Dsandpiper.fuzz.count=N} for
 * more, {@code -Dsandpiper.fuzz.seed=S} for another seed), seeded from the spec suite beside the
 * repository (when present) and the examples, on both tiers compared: no findings. Findings go to
 * {@code target/fuzz-findings}; copy them into {@code src/test/resources/fuzz-regressions} as
 * regression tests once fixed.
 */
class FuzzCampaignTest {
    static final Path REPOSITORY = Paths.get("").toAbsolutePath().getParent();

    @Test
    void aFixedSeedCampaignHasNoFindings() {
        long seed = Long.getLong("sandpiper.fuzz.seed", 20261205L);
        long count = Long.getLong("sandpiper.fuzz.count", 20_000L);
        List<byte[]> corpus = Corpus.load(Corpus.defaultRoots(REPOSITORY));
        assertTrue(corpus.size() >= 20, "the examples' modules at least, found " + corpus.size());
        Campaign.Summary s = new Campaign(new Campaign.Options(seed, 0, count, true, true,
                Runtime.getRuntime().availableProcessors(), 30_000, Paths.get("target", "fuzz-findings"), 0), corpus,
                System.out).run();
        System.out.println(s.line());
        assertEquals(count, s.modules());
        assertTrue(s.ran() > count / 5, "too few modules ran: " + s.line());
        assertEquals(List.of(), s.findings(), s.line());
    }

    @Test
    void generatedModulesAreValid() {
        for (int i = 0; i < 3000; i++) {
            SplittableRandom rnd = new SplittableRandom(i);
            byte[] bytes = ModuleGenerator.generate(rnd, 1 + i % 8);
            try {
                CompiledModule.compile(bytes);
            } catch (RuntimeException e) {
                throw new AssertionError("generated module " + i + " is rejected: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void aModuleDependsOnlyOnTheSeedAndItsIndex() {
        List<byte[]> corpus = Corpus.load(Corpus.defaultRoots(REPOSITORY));
        CampaignModules a = new CampaignModules(7, corpus);
        CampaignModules b = new CampaignModules(7, corpus);
        byte[][] forward = new byte[200][];
        for (int i = 0; i < 200; i++) {
            forward[i] = a.module(i);
        }
        for (int i = 199; i >= 0; i--) {
            assertTrue(java.util.Arrays.equals(forward[i], b.module(i)), "module " + i);
        }
    }
}
