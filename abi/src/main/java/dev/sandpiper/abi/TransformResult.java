package dev.sandpiper.abi;

/**
 * The outcome of one transform: the output event, the event filtered out, or an error. Errors are
 * values, not exceptions: in a stream of events a failing one is an expected outcome to route to a
 * dead letter, and the runtime stays usable.
 */
public sealed interface TransformResult permits TransformResult.Ok, TransformResult.Filtered, TransformResult.Failed {

    /** The transformed event. */
    final class Ok implements TransformResult {
        private final byte[] json;
        private final String topic;
        private Event event;

        Ok(byte[] json, Event event, String topic) {
            this.json = json;
            this.event = event;
            this.topic = topic;
        }

        /** The output topic the guest's {@code route} named, or null when the event was not routed. */
        public String topic() {
            return topic;
        }

        /** The output event. */
        public Event event() {
            if (event == null) {
                try {
                    event = EventJson.fromJson(json);
                } catch (EventFormatException e) {
                    throw new IllegalStateException("output was validated, yet does not parse", e);
                }
            }
            return event;
        }

        /** The guest's output bytes as it produced them: a valid Event, not necessarily canonical formatting. */
        public byte[] json() {
            return json.clone();
        }

        /** The output in canonical form. */
        public byte[] canonicalJson() {
            return EventJson.toJson(event());
        }

        @Override
        public String toString() {
            return "Ok[" + new String(json, java.nio.charset.StandardCharsets.UTF_8) + "]";
        }
    }

    /** The guest filtered the event out ({@code transform} returned -1, or output_len 0). */
    record Filtered() implements TransformResult {}

    /** The transform failed. */
    record Failed(TransformError error) implements TransformResult {}

    Filtered FILTERED = new Filtered();

    default boolean isOk() {
        return this instanceof Ok;
    }
}
