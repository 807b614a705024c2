package dev.sandpiper.compiler;

import dev.sandpiper.compiler.RandomProgram.Program;
import dev.sandpiper.compiler.Tiers.Outcome;
import dev.sandpiper.interpreter.CompiledModule;
import dev.sandpiper.interpreter.ExecutionLimits;
import dev.sandpiper.interpreter.Global;
import dev.sandpiper.interpreter.Instance;
import dev.sandpiper.interpreter.Memory;
import dev.sandpiper.interpreter.ThrownException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Differential test of the compiled tier against the interpreter on random valid modules
 * ({@link RandomProgram}: nested control with branches carrying values, calls and recursion,
 * call_indirect, i32/i64 arithmetic that may trap, memory that may be accessed out of bounds,
 * globals, select, local.tee, vector code reduced to scalars). For every program both tiers must agree, call after call on the same
 * instance, on results or trap kind, {@code lastCallInstructions()}, the whole memory and the
 * globals: without a budget; under a budget between 0 and 20 past the first call's count (same
 * stopping point), with a second call on the instance that ran out; and under a call-depth limit of
 * 1 to 6.
 *
 * <p>A second property adds exception handling to the programs ({@link RandomProgram#generateWithExceptions}).
 *
 * <p>2,000 programs by default, and 1,000 with exceptions (well under a minute). For a long campaign:
 * {@code mvn -o test -pl compiler -Dtest=DifferentialPropertyTest -Dsandpiper.differential.tries=1000000}
 * (add {@code -Dsandpiper.differential.seed=N} to replay one run's seed).
 */
class DifferentialPropertyTest {
    /** A budget for runs "without" one, so that a wrong program cannot run forever. */
    private static final long CAP = 20_000_000;

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(Campaign.class)
    void bothTiersAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int size) {
        check(RandomProgram.generate(seed, size));
    }

    /**
     * The same with exception handling in the programs (3.0: throws, try_table to their own and
     * enclosing labels, catch_all_ref and throw_ref, legacy try, catch, rethrow, delegate): uncaught
     * exceptions compare by tag name and payload.
     */
    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(Campaign.class)
    void bothTiersAgreeWithExceptions(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int size) {
        check(RandomProgram.generateWithExceptions(seed, size));
    }

    /** Runs {@code p} in both tiers under the three kinds of limits; throws describing the first difference. */
    static void check(Program p) {
        check(p, Tiers.compiled(p.bytes()));
    }

    /** Runs {@code p} in the interpreter and as {@code compiled}, as {@link #check(Program)}. */
    static void check(Program p, CompiledModule compiled) {
        CompiledModule[] tiers = {Tiers.interpreted(p.bytes()), compiled};
        Random rnd = new Random(p.seed() * 31 + p.size());

        ExecutionLimits unlimited = ExecutionLimits.DEFAULT.withFuel(CAP);
        Instance[] in = instances(tiers, unlimited);
        long firstCount = -1;
        for (int call = 0; call < p.args().length; call++) {
            Outcome o = compare(p, in, "without a budget, call " + call + " on one instance", p.args()[call]);
            if (call == 0) {
                firstCount = o.instructions();
            }
        }

        for (int run = 0; run < 2; run++) {
            long fuel = run == 0 ? Math.max(0, firstCount - 1 - rnd.nextInt(3)) : rnd.nextInt((int) Math.min(firstCount + 21, 1 << 20));
            Instance[] budgeted = instances(tiers, ExecutionLimits.DEFAULT.withFuel(fuel));
            compare(p, budgeted, "fuel " + fuel + ", first call", p.args()[0]);
            compare(p, budgeted, "fuel " + fuel + ", second call on the same instance", p.args()[1]);
        }

        int depth = 1 + rnd.nextInt(6);
        Instance[] shallow = instances(tiers, unlimited.withMaxCallDepth(depth));
        compare(p, shallow, "maxCallDepth " + depth, p.args()[2]);
        compare(p, shallow, "maxCallDepth " + depth + ", second call", p.args()[0]);
    }

    private static Instance[] instances(CompiledModule[] tiers, ExecutionLimits limits) {
        return new Instance[] {Tiers.instantiate(tiers[0], limits), Tiers.instantiate(tiers[1], limits)};
    }

    /** Calls "run" in both instances; returns the interpreter's outcome when everything agrees. */
    private static Outcome compare(Program p, Instance[] in, String what, long[] args) {
        Outcome expected = call(in[0], args);
        Outcome actual = call(in[1], args);
        String diff = null;
        if (!expected.equals(actual)) {
            diff = "interpreter " + expected + ", compiled " + actual;
        } else {
            for (String g : new String[] {"g0", "g1", "g2"}) {
                long a = ((Global) in[0].export(g)).value();
                long b = ((Global) in[1].export(g)).value();
                if (a != b) {
                    diff = "global " + g + ": interpreter " + a + ", compiled " + b + " (both " + expected + ")";
                    break;
                }
            }
            if (diff == null) {
                diff = memoryDifference(in[0].memory(), in[1].memory());
                if (diff != null) {
                    diff += " (both " + expected + ")";
                }
            }
        }
        if (diff != null) {
            throw new AssertionError(what + ", run(" + (int) args[0] + ", " + args[1] + "): " + diff + "\nprogram " + p);
        }
        return expected;
    }

    /**
     * Calls "run"; an uncaught exception (3.0) is an outcome too, as a result naming the hash of its
     * tag's name and its payload, with the instructions run.
     */
    private static Outcome call(Instance inst, long[] args) {
        try {
            return Tiers.call(inst, "run", args);
        } catch (ThrownException e) {
            long[] what = new long[1 + e.payload().length];
            what[0] = e.tag().name().hashCode() | 0xE0000000_00000000L;
            System.arraycopy(e.payload(), 0, what, 1, e.payload().length);
            return new Outcome(what, null, inst.store().lastCallInstructions());
        }
    }

    private static String memoryDifference(Memory a, Memory b) {
        if (a.pages() != b.pages()) {
            return "memory pages: interpreter " + a.pages() + ", compiled " + b.pages();
        }
        byte[] x = a.readBytes(0, a.byteSize());
        byte[] y = b.readBytes(0, b.byteSize());
        int at = Arrays.mismatch(x, y);
        return at < 0 ? null : "memory at " + at + ": interpreter " + x[at] + ", compiled " + y[at];
    }

    /**
     * Takes the number of tries from {@code -Dsandpiper.differential.tries} and the seed from
     * {@code -Dsandpiper.differential.seed}, when given.
     */
    static final class Campaign implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            String tries = System.getProperty("sandpiper.differential.tries");
            if (tries != null && !tries.isBlank()) {
                context.attributes().setTries(Integer.parseInt(tries.trim()));
            }
            String seed = System.getProperty("sandpiper.differential.seed");
            if (seed != null && !seed.isBlank()) {
                context.attributes().setSeed(seed.trim());
                // Otherwise jqwik replays the last failing sample from its database instead.
                context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
            }
            return property.execute();
        }
    }
}
