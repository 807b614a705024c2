package dev.sandpiper.connect;

import dev.sandpiper.abi.TransformError;
import org.apache.kafka.connect.errors.DataException;

/**
 * A record failed in a WebAssembly plugin with {@code on.error=fail}: the guest trapped, ran past its timeout or
 * fuel, hit its memory limit, returned an error status or invalid output, or the record could not be converted
 * to or from an Event. A {@link DataException}, so Connect's error handling ({@code errors.tolerance}, the dead
 * letter queue) applies; never retried, since running the same guest on the same record fails the same way.
 */
public final class GuestFailureException extends DataException {
    private static final long serialVersionUID = 1L;

    private final TransformError.Kind kind;

    public GuestFailureException(TransformError.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** What failed: {@code trap}, {@code timeout}, {@code limit}, {@code guest_failure}, {@code invalid_output}, {@code invalid_input}. */
    public TransformError.Kind kind() {
        return kind;
    }
}
