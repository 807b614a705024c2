package dev.sandpiper.spectest;

import dev.sandpiper.spectest.features.Feature;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of running one command: passed, failed with a reason, or skipped with a reason; a
 * command skipped because it needs 3.0 features the engine lacks names them in {@code needs}.
 */
public record Outcome(Status status, String message, Set<Feature> needs) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public static final Outcome PASSED = new Outcome(Status.PASSED, "");

    public Outcome {
        needs = needs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(needs)); // declaration order
    }

    public Outcome(Status status, String message) {
        this(status, message, Set.of());
    }

    public static Outcome failed(String message) {
        return new Outcome(Status.FAILED, message);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, reason);
    }

    /** Skipped: the command needs {@code features}, which the engine does not implement. */
    public static Outcome needs(Set<Feature> features) {
        return new Outcome(Status.SKIPPED, "needs " + features.stream().map(Feature::label)
                .collect(Collectors.joining(", ")), features);
    }
}
