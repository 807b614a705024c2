package dev.sandpiper.connect;

import java.util.Locale;

/** What a plugin does with a record whose guest call (or conversion) failed: the {@code on.error} setting. */
public enum OnError {
    /**
     * Throw a {@link GuestFailureException} (a {@code DataException}), so the worker's {@code errors.tolerance},
     * {@code errors.log.*} and dead letter queue settings decide what happens to the record.
     */
    FAIL,
    /** Drop the record (a transform returns null, a predicate answers false), count it and log a warning. */
    SKIP;

    static OnError parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
