package dev.sandpiper.connect.convert;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record cannot become an Event, or a guest's Event cannot become a record: the message names the path of
 * the value ({@code after.tags[2]}) and the problem.
 */
public final class ConversionException extends DataException {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
        super(message);
    }

    public ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
