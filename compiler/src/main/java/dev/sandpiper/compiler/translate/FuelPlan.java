package dev.sandpiper.compiler.translate;

import dev.sandpiper.compiler.classfile.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a function's fuel is charged: on the edges between its basic blocks, so that most edges
 * carry no code at all. A first translation records the blocks (their cost, in order) and the
 * branches between them ({@link Recorder}); the plan then gives every block a constant
 * <em>potential</em> {@code phi}, and the generated code keeps {@code left = fuel + phi(b)} while
 * block {@code b} runs, {@code fuel} being the exact fuel left as the interpreter counts it.
 *
 * <p>An edge {@code u -> v} must then subtract {@code cost(v) + phi(u) - phi(v)}. Each block picks
 * one edge that costs nothing, its <em>tree</em> edge: the fall-through into it, else its first
 * branch from code before it; {@code phi(v) = phi(u) + cost(v)} along it. Only the other edges
 * (branches into merge points, loop back-edges) subtract, one {@code iinc} each. A path through a
 * chain of {@code br_if}s, which used to subtract once per block, now subtracts once per
 * iteration. The counts are the interpreter's wherever they can be observed: a poll point compares
 * {@code left} with {@code phi} instead of 0; calls, returns, the poll's slow path and trap
 * handlers convert by {@code phi} ({@link FuelBlocks}). An exception's dispatch, where the fuel is
 * exact, branches into its handlers' blocks as from a block of potential 0 that is no tree parent.
 */
final class FuelPlan {
    /**
     * How far a potential may grow along tree edges before a block starts afresh at 0, charging at
     * its start what its tree edge would have: keeps the edges' costs small (a plain 3-byte
     * {@code iinc} takes -128..127) at one subtraction per this many instructions on a path.
     */
    static final int PHI_LIMIT = 64;

    private final int[] charged;
    private final int[] phi;
    /** What block {@code b} subtracts where it starts (0 unless its potential restarted). */
    private final int[] base;
    /** Per recorded branch, in emission order: what it subtracts. */
    private final int[] edgeCost;

    private FuelPlan(int[] charged, int[] phi, int[] base, int[] edgeCost) {
        this.charged = charged;
        this.phi = phi;
        this.base = base;
        this.edgeCost = edgeCost;
    }

    int blocks() {
        return charged.length;
    }

    int edges() {
        return edgeCost.length;
    }

    /** What block {@code b} costs (as charged: its instructions). */
    int charged(int b) {
        return charged[b];
    }

    /** {@code left - fuel} while block {@code b} runs. */
    int phi(int b) {
        return phi[b];
    }

    /** What block {@code b} subtracts where it starts, for every way in. */
    int base(int b) {
        return base[b];
    }

    /** What the {@code e}-th branch (in emission order) subtracts from {@code left}. */
    int edgeCost(int e) {
        return edgeCost[e];
    }

    /** Records blocks and branches during the first translation, in emission order. */
    static final class Recorder {
        private final List<Integer> charged = new ArrayList<>();
        private final List<Integer> fallFrom = new ArrayList<>();
        private final Map<Label, Integer> entries = new IdentityHashMap<>();
        private final List<Integer> edgeFrom = new ArrayList<>();
        private final List<Label> edgeTo = new ArrayList<>();

        /** Block number {@code b} opens; {@code from} falls into it (-1: nothing does); branches to {@code labels} enter it. */
        void block(int b, int from, Label... labels) {
            if (b != charged.size()) {
                throw new IllegalStateException("block " + b + " recorded out of order");
            }
            charged.add(0);
            fallFrom.add(from);
            for (Label l : labels) {
                entries.put(l, b);
            }
        }

        /**
         * Of the blocks branching forward into one, one whose potential the most of them share (all
         * of those branches then cost nothing), or -1 for none.
         */
        private static int commonest(List<Integer> from, int[] phi) {
            Map<Integer, Integer> counts = new HashMap<>();
            int best = -1;
            int bestCount = 0;
            for (int u : from) {
                int count = counts.merge(phi[u], 1, Integer::sum);
                if (count > bestCount) {
                    best = u;
                    bestCount = count;
                }
            }
            return best;
        }

        void charged(int b, int cost) {
            charged.set(b, cost);
        }

        /**
         * A branch from block {@code from} to the block {@code target} enters; {@code from} -1 is a
         * branch from code outside every block where the fuel is exact (potential 0): an exception
         * handler's dispatch ({@link ExceptionInstructions}).
         */
        void edge(int from, Label target) {
            edgeFrom.add(from);
            edgeTo.add(target);
        }

        FuelPlan solve() {
            int n = charged.size();
            int[] cost = new int[n];
            List<List<Integer>> sources = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                cost[b] = charged.get(b);
                sources.add(new ArrayList<>());
            }
            int[] target = new int[edgeTo.size()];
            for (int e = 0; e < target.length; e++) {
                Integer t = entries.get(edgeTo.get(e));
                if (t == null) {
                    throw new IllegalStateException("a branch to a label that opens no block");
                }
                target[e] = t;
                if (edgeFrom.get(e) >= 0 && edgeFrom.get(e) < t) {
                    sources.get(t).add(edgeFrom.get(e));
                }
            }
            int[] phi = new int[n];
            int[] base = new int[n];
            for (int b = 0; b < n; b++) {
                // Blocks are numbered in code order and a tree parent comes first, so it is known.
                int parent = fallFrom.get(b) >= 0 ? fallFrom.get(b) : commonest(sources.get(b), phi);
                phi[b] = (parent >= 0 ? phi[parent] : 0) + cost[b];
                if (phi[b] > PHI_LIMIT) {
                    base[b] = phi[b];
                    phi[b] = 0;
                }
            }
            int[] edgeCost = new int[target.length];
            for (int e = 0; e < target.length; e++) {
                int t = target[e];
                int from = edgeFrom.get(e);
                edgeCost[e] = cost[t] + (from >= 0 ? phi[from] : 0) - phi[t] - base[t];
            }
            return new FuelPlan(cost, phi, base, edgeCost);
        }
    }
}
