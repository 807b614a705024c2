package dev.sandpiper.transforms;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec or pipeline cannot be used. Holds every problem found, not only the first; the message has
 * one line per problem, each {@code FILE:LINE: FIELD: MESSAGE}. Checked: a caller deploying a
 * user's spec must decide what to do with a rejected one.
 */
public final class InvalidSpecException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidSpecException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidSpecException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
