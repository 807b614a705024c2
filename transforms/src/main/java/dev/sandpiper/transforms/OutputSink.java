package dev.sandpiper.transforms;

/**
 * Receives the events that leave the transform graph: those published to a topic that no deployed
 * transform reads. Called from the transforms' threads, possibly concurrently (make it
 * thread-safe); per topic and producer in input order. Sort by {@link Origin} for one order across
 * producers.
 */
@FunctionalInterface
public interface OutputSink {
    /**
     * @param topic the topic
     * @param origin where the event comes from
     * @param eventJson the event as canonical JSON (the array is the sink's)
     */
    void accept(String topic, Origin origin, byte[] eventJson);
}
