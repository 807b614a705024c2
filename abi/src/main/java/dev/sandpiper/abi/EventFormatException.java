package dev.sandpiper.abi;

/**
 * Bytes or text that are not a canonical {@link Event}: invalid JSON, a missing or mistyped field, a value out of
 * range, a duplicate key, trailing content. The message starts with the field path when the problem has one
 * ({@code "transaction.tx_id: expected an unsigned 64-bit integer, got -1"}, {@code "op: unknown value \"upsert\""},
 * {@code "after.name: duplicate key"}); JSON syntax errors say where they are
 * ({@code "invalid JSON at line 1 column 17: ..."}, columns counted in bytes).
 *
 * <p>Checked on purpose: malformed events are an expected outcome of reading untrusted input (a guest's output, a
 * line of a file), not a programming error, and every caller has a sensible way to recover (report a transform
 * error, skip or report the line). The compiler makes sure none of them forgets to. It is not an
 * {@link java.io.IOException}, so that bad data and failing I/O stay distinguishable. Invalid arguments to the model's
 * constructors, which are programming errors, are {@link IllegalArgumentException}s instead.
 */
public final class EventFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    /**
     * @param path    where the problem is, e.g. {@code "source.timestamp"}, or null when it is not tied to a field
     * @param problem what is wrong, e.g. {@code "missing required field"}
     */
    public EventFormatException(String path, String problem) {
        this(path, problem, null);
    }

    /**
     * @param path    where the problem is, or null when it is not tied to a field
     * @param problem what is wrong
     * @param cause   the underlying parser exception, if any
     */
    public EventFormatException(String path, String problem, Throwable cause) {
        super(path == null ? problem : path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The field path the problem is at ({@code "after.tags[2]"}), or null when it is not tied to a field. */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }
}
