package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared test data and assertions. */
final class Fixtures {
    /** The example of contract.md, "Canonical Event JSON", without the line breaks the page adds. */
    static final String CONTRACT_EXAMPLE = "{\"before\":null,\"after\":{\"id\":1,\"name\":\"alice\","
            + "\"email\":\"a@example.com\"},\"op\":\"insert\",\"source\":{\"source_name\":\"postgres\","
            + "\"offset\":\"0/16B6A70\",\"timestamp\":1700000000000},\"ts\":1700000000123,\"schema\":\"public\","
            + "\"table\":\"users\",\"primary_key\":[\"id\"],\"snapshot\":null,\"transaction\":null,"
            + "\"envelope_version\":1,\"before_is_key_only\":false}";

    /** The required fields, valid, without the braces; append more fields with a leading comma. */
    static final String REQUIRED = "'op':'insert','source':{'source_name':'pg','offset':'0/1','timestamp':1},"
            + "'ts':2,'table':'t','envelope_version':1";

    private Fixtures() {
    }

    /** JSON written with single quotes for readability: every ' becomes ". */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    /** A minimal valid event with the given extra fields ({@code "'after':{...}"}), single-quoted. */
    static String withFields(String extra) {
        return q("{" + REQUIRED + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** The event of the contract's example, built with the builder. */
    static Event contractExample() {
        return Event.builder()
                .after(row("id", 1, "name", "alice", "email", "a@example.com"))
                .op(Op.INSERT)
                .source("postgres", "0/16B6A70", 1700000000000L)
                .ts(1700000000123L)
                .schema("public")
                .table("users")
                .primaryKey("id")
                .build();
    }

    static Event parse(String json) throws EventFormatException {
        Event e = EventJson.fromJson(json);
        EventJson.validate(utf8(json)); // validation must agree with parsing
        return e;
    }

    /** Asserts that parsing and validating both fail with exactly {@code message}; returns the parse failure. */
    static EventFormatException assertRejected(String json, String message) {
        return assertRejected(utf8(json), message);
    }

    static EventFormatException assertRejected(byte[] json, String message) {
        EventFormatException parsed = assertThrows(EventFormatException.class, () -> EventJson.fromJson(json));
        EventFormatException validated = assertThrows(EventFormatException.class, () -> EventJson.validate(json));
        assertEquals(message, parsed.getMessage());
        assertEquals(message, validated.getMessage());
        return parsed;
    }

    /** Like {@link #assertRejected(String, String)}, for messages whose tail is Jackson's wording. */
    static EventFormatException assertRejectedStartingWith(byte[] json, String prefix) {
        EventFormatException parsed = assertThrows(EventFormatException.class, () -> EventJson.fromJson(json));
        EventFormatException validated = assertThrows(EventFormatException.class, () -> EventJson.validate(json));
        if (!parsed.getMessage().startsWith(prefix)) {
            throw new AssertionError("expected a message starting with <" + prefix + "> but was <"
                    + parsed.getMessage() + ">");
        }
        assertEquals(parsed.getMessage(), validated.getMessage());
        return parsed;
    }

    static String json(Event e) {
        return new String(EventJson.toJson(e), StandardCharsets.UTF_8);
    }
}
