package dev.sandpiper.transforms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An event a transform failed on (with {@code on_error: dlq}), or an input that is not an event.
 * {@link #toJson()} is one line of {@code _dlq.jsonl}:
 * <pre>
 * {"transform":"mask-pii","input_topic":"cdc.raw","kind":"trap","message":"transform trapped: unreachable",
 *  "event":{...the input event...},"time":"2026-11-21T09:30:00.123Z"}
 * </pre>
 * For an input that is not an event, {@code transform} is null, {@code kind} is {@code invalid_input}
 * and {@code event} is the input line as a string.
 *
 * @param transform the transform that failed, or null for an input that is not an event
 * @param inputTopic the topic the event was read from
 * @param kind the error kind: {@code trap}, {@code timeout}, {@code limit}, {@code guest_failure},
 *     {@code invalid_output}, {@code invalid_input}
 * @param message what went wrong
 * @param event the input event's canonical JSON, or null when the input was not an event
 * @param raw the input as text when it was not an event, else null
 * @param time when it failed
 * @param origin which input it comes from, and through which transforms
 */
public record DeadLetter(String transform, String inputTopic, String kind, String message, byte[] event, String raw,
        Instant time, Origin origin) {
    private static final JsonFactory JSON = new JsonFactory();

    /** The dead letter as one line of JSON (no line terminator). */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("transform", transform);
            g.writeStringField("input_topic", inputTopic);
            g.writeStringField("kind", kind);
            g.writeStringField("message", message);
            g.writeFieldName("event");
            if (event != null) {
                g.writeRawValue(new String(event, StandardCharsets.UTF_8));
            } else {
                g.writeString(raw);
            }
            g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(time));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
