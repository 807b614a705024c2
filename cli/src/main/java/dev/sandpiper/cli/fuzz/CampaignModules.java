package dev.sandpiper.cli.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The modules of a campaign: module {@code i} of seed {@code S} depends on nothing else (and the
 * corpus), so any one can be regenerated on its own. A quarter are {@link ModuleGenerator generated}
 * valid modules, a fifth generated then {@link Mutator mutated}, the rest corpus modules mutated
 * (one in twenty left as they are).
 */
public final class CampaignModules {
    private final long seed;
    private final List<byte[]> corpus;

    public CampaignModules(long seed, List<byte[]> corpus) {
        this.seed = seed;
        this.corpus = corpus;
    }

    /** Module {@code index}. */
    public byte[] module(long index) {
        SplittableRandom rnd = new SplittableRandom(mix(seed) ^ mix(index + 0x632BE59BD9B4E019L));
        int kind = rnd.nextInt(100);
        if (kind < 25 || corpus.isEmpty() && kind < 45) {
            return ModuleGenerator.generate(rnd, 1 + rnd.nextInt(8));
        }
        Mutator mutator = new Mutator(rnd, corpus);
        if (kind < 45 || corpus.isEmpty()) {
            return mutator.mutate(ModuleGenerator.generate(rnd, 1 + rnd.nextInt(8)));
        }
        byte[] base = corpus.get(rnd.nextInt(corpus.size()));
        return rnd.nextInt(20) == 0 ? base : mutator.mutate(base);
    }

    /** Stafford's mix13, as {@link SplittableRandom} uses. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
