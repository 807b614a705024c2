package dev.sandpiper.transforms;

import java.util.Locale;

/**
 * What a transform does with an event it fails on (a trap, a timeout, a guest error, an invalid
 * output): the spec field {@code on_error}, with the values of Rapidbyte's {@code on_data_error}.
 */
public enum OnError {
    /** Write a dead letter (transform, error kind, message, input event, time) and go on. The default. */
    DLQ,
    /** Count the failure and drop the event. */
    SKIP,
    /** Stop the whole run, naming the event and the error. */
    FAIL;

    /** The spec value: {@code dlq}, {@code skip}, {@code fail}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a spec string, or null when it is none of them. */
    static OnError parse(String s) {
        for (OnError o : values()) {
            if (o.wireName().equals(s)) {
                return o;
            }
        }
        return null;
    }
}
