package dev.sandpiper.jmh.transform;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;
import dev.sandpiper.abi.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The event mix of the transform benchmarks: the 40 events of {@code examples/events/sample.jsonl}
 * (packaged in the jar as {@value #RESOURCE}), in file order. Both users tables and orders, every op
 * (5 deletes), key-only and full {@code before}s, unicode, escapes, big and exact numbers; 431 bytes
 * per event on average in canonical JSON.
 */
public final class Sample {
    public static final String RESOURCE = "/examples/events/sample.jsonl";
    public static final int SIZE = 40;

    private static final List<Event> EVENTS = load();

    private Sample() {}

    /** The events, in file order (immutable). */
    public static List<Event> events() {
        return EVENTS;
    }

    /** Each event's canonical JSON ({@link EventJson#toJson}), fresh arrays. */
    public static List<byte[]> json() {
        List<byte[]> out = new ArrayList<>(EVENTS.size());
        for (Event e : EVENTS) {
            out.add(EventJson.toJson(e));
        }
        return out;
    }

    private static List<Event> load() {
        List<Event> events = new ArrayList<>();
        try (InputStream in = Sample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + RESOURCE);
            }
            try (JsonLines lines = new JsonLines(in)) {
                for (JsonLines.Line line : lines) {
                    events.add(EventJson.fromJson(line.bytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EventFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
        }
        if (events.size() != SIZE) {
            throw new IllegalStateException(RESOURCE + ": expected " + SIZE + " events, found " + events.size());
        }
        return List.copyOf(events);
    }
}
