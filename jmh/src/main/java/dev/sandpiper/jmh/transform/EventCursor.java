package dev.sandpiper.jmh.transform;

import dev.sandpiper.abi.Event;
import java.util.List;

/**
 * The sample events cycled: each call of {@link #next()} advances to the next event, wrapping after the
 * 40th, so a benchmark sees the realistic mix rather than one event the JIT could specialise on. The
 * events and their canonical JSON are prepared once; advancing costs an increment and a compare.
 */
public class EventCursor {
    public Event[] events;
    public byte[][] json;
    private int next;

    public EventCursor() {
        List<Event> e = Sample.events();
        events = e.toArray(new Event[0]);
        json = Sample.json().toArray(new byte[0][]);
    }

    /** The index of the event to use now; the next call returns the one after it. */
    public final int next() {
        int i = next;
        next = i + 1 == events.length ? 0 : i + 1;
        return i;
    }
}
