package dev.sandpiper.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Failed events as JSON lines: {@code {"line": N, "kind": "...", "message": "...", "event": ...}},
 * where {@code event} is the input event, or the raw line as a string when it was not an event; a
 * line longer than the maximum event size, skipped unread, has {@code "size": N} (its bytes) instead.
 */
final class ErrorRecords {
    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;

    ErrorRecords(OutputStream out) {
        this.out = out;
    }

    void write(long line, String kind, String message, Event input, byte[] raw) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeNumberField("line", line);
        g.writeStringField("kind", kind);
        g.writeStringField("message", message);
        g.writeFieldName("event");
        if (input != null) {
            g.writeRawValue(new String(EventJson.toJson(input), StandardCharsets.UTF_8));
        } else {
            g.writeString(new String(raw, StandardCharsets.UTF_8));
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    /** The record of a line of {@code size} bytes skipped for being longer than the maximum event size. */
    void writeOversized(long line, String message, long size) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeNumberField("line", line);
        g.writeStringField("kind", "invalid_input");
        g.writeStringField("message", message);
        g.writeNumberField("size", size);
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    void flush() throws IOException {
        out.flush();
    }
}
