package dev.sandpiper.jmh.support;

import java.util.Objects;

/** Result checks run in each benchmark's setup: a benchmark that computes the wrong thing stops the run. */
public final class Check {

    private Check() {}

    /** Throws {@link IllegalStateException} unless {@code actual} equals {@code expected}. */
    public static void expect(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
        }
    }
}
