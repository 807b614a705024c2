package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the codec over random events. */
class EventJsonPropertyTest {

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }

    @Property(tries = 500)
    void serialisedEventsParseBackEqualAndReserialiseIdentically(@ForAll("events") Event e) throws Exception {
        byte[] json = EventJson.toJson(e);
        EventJson.validate(json);
        Event back = EventJson.fromJson(json);
        assertEquals(e, back);
        assertEquals(e.hashCode(), back.hashCode());
        assertArrayEquals(json, EventJson.toJson(back));
        assertEquals(e, EventJson.fromJson(new String(json, StandardCharsets.UTF_8)));
    }

    @Property(tries = 200)
    void deepRowsRoundTrip(@ForAll("deepValues") Object value) throws Exception {
        Event e = Fixtures.contractExample().toBuilder().after(Fixtures.row("deep", value)).build();
        byte[] json = EventJson.toJson(e);
        Event back = EventJson.fromJson(json);
        assertEquals(e, back);
        assertArrayEquals(json, EventJson.toJson(back));
    }

    @Provide
    Arbitrary<Object> deepValues() {
        return EventArbitraries.deep(50);
    }

    /**
     * Damaged canonical JSON: parsing and validation agree (both accept, or both fail with the same message), fail
     * only with EventFormatException, and whatever is accepted is a canonical event again.
     */
    @Property(tries = 1000)
    void parsingAndValidationAgreeOnDamagedInput(@ForAll("damaged") byte[] input) throws Exception {
        String parseError = null;
        Event parsed = null;
        try {
            parsed = EventJson.fromJson(input);
        } catch (EventFormatException e) {
            parseError = e.getMessage();
        }
        String validateError = null;
        try {
            EventJson.validate(input);
        } catch (EventFormatException e) {
            validateError = e.getMessage();
        }
        assertEquals(parseError, validateError);
        if (parsed != null) {
            assertEquals(parsed, EventJson.fromJson(EventJson.toJson(parsed)));
        } else {
            assertTrue(!parseError.isEmpty());
        }
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> replacement = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "1", "-", ".", "e",
                "null", "\\", "\\u", "\\ud800", "\"x\":1", "\"ts\":1", " ", "\u00e9", "\u0000", "\"op\":\"read\"")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return EventArbitraries.damaged(replacement);
    }
}
