package dev.sandpiper.transforms;

import dev.sandpiper.abi.TransformError;
import java.nio.charset.StandardCharsets;

/**
 * A transform with {@code on_error: fail} failed on an event, which stops the host: publishing and
 * waiting throw this from then on. Names the transform, the event (its origin and JSON) and the
 * error.
 */
public final class PipelineStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 400;

    private final String transform;
    private final transient Origin origin;
    private final byte[] event;
    private final transient TransformError error;

    PipelineStoppedException(String transform, Origin origin, byte[] event, TransformError error) {
        super("transform " + transform + " (on_error: fail) failed on input event " + origin + ": " + error
                + "; event: " + shorten(new String(event, StandardCharsets.UTF_8)));
        this.transform = transform;
        this.origin = origin;
        this.event = event;
        this.error = error;
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "... (" + s.length() + " characters)";
    }

    public String transform() {
        return transform;
    }

    /** Which input event: its position in publish order and the transforms it passed. */
    public Origin origin() {
        return origin;
    }

    /** The event the transform failed on, as canonical JSON. */
    public byte[] event() {
        return event.clone();
    }

    public TransformError error() {
        return error;
    }
}
