package dev.sandpiper.transforms;

import dev.sandpiper.abi.Event;
import dev.sandpiper.abi.EventFormatException;
import dev.sandpiper.abi.EventJson;

/** One event on a topic: its canonical JSON, the parsed event when at hand, and where it comes from. */
final class Message {
    final byte[] json;
    final Origin origin;
    private Event event;

    Message(byte[] json, Event event, Origin origin) {
        this.json = json;
        this.event = event;
        this.origin = origin;
    }

    /** The ordering key ({@link EventKey}); parses the JSON on first use. */
    Object key() {
        if (event == null) {
            try {
                event = EventJson.fromJson(json);
            } catch (EventFormatException e) {
                return null; // cannot happen: messages hold validated events
            }
        }
        return EventKey.of(event);
    }
}
