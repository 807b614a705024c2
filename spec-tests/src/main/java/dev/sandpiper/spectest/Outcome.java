package dev.sandpiper.spectest;

/** The result of running one command: passed, failed with a reason, or skipped with a reason. */
public record Outcome(Status status, String message) {
    public enum Status { PASSED, FAILED, SKIPPED }

    public static final Outcome PASSED = new Outcome(Status.PASSED, "");

    public static Outcome failed(String message) {
        return new Outcome(Status.FAILED, message);
    }

    public static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, reason);
    }
}
