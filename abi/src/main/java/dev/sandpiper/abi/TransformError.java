package dev.sandpiper.abi;

/**
 * Why a transform failed: a kind a pipeline can act on (a dead-letter record, a retry, an alert) and
 * a message that names the cause.
 */
public record TransformError(Kind kind, String message) {

    /** The classes of failure. */
    public enum Kind {
        /** The guest trapped (a Rust panic, an out-of-bounds access, a division by zero...). */
        TRAP("trap"),
        /** The transform ran past its deadline ({@code timeout_ms}). */
        TIMEOUT("timeout"),
        /** A guardrail stopped it: the instruction budget, the call depth, or the memory limit. */
        LIMIT("limit"),
        /** The guest reported failure: a negative status from alloc, transform, output_len, init or shutdown. */
        GUEST_FAILURE("guest_failure"),
        /** The guest's output cannot be read or is not a canonical Event. */
        INVALID_OUTPUT("invalid_output"),
        /** The input cannot be handed to the guest: not a canonical Event, or larger than the memory limit. */
        INVALID_INPUT("invalid_input");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** Name in error records and metrics, e.g. {@code guest_failure}. */
        public String wireName() {
            return wire;
        }
    }

    @Override
    public String toString() {
        return kind.wireName() + ": " + message;
    }
}
