package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonParser;
import java.util.HashSet;
import java.util.Set;

/**
 * For one object of fixed shape (the event, {@code source}, {@code snapshot}, {@code transaction}): which known
 * fields were seen (a bit each) and, lazily, the names of unknown ones, so that any repeated key is an error and
 * missing required fields are found.
 */
final class SeenFields {
    private final JsonParser parser;
    private final String prefix;
    private int seen;
    private Set<String> unknown;

    /** @param prefix the object's path, or null for the event itself */
    SeenFields(JsonParser parser, String prefix) {
        this.parser = parser;
        this.prefix = prefix;
    }

    /** Records a known field, failing if it was seen before. */
    void once(int bit, String name) throws EventFormatException {
        if ((seen & bit) != 0) {
            throw new EventFormatException(path(name), RowReader.DUPLICATE);
        }
        seen |= bit;
    }

    /** Records an unknown field (the parser is on its value), failing if it was seen before. */
    void unknown(String name) throws EventFormatException {
        if (unknown == null) {
            unknown = new HashSet<>();
        }
        if (!unknown.add(name)) {
            throw RowReader.here(parser, RowReader.DUPLICATE);
        }
        int bad = JsonValues.unpairedSurrogate(name);
        if (bad >= 0) {
            throw RowReader.here(parser, "key " + JsonValues.surrogateProblem(name.charAt(bad)));
        }
    }

    /** Fails with "missing required field" unless the field was seen. */
    void require(int bit, String name) throws EventFormatException {
        if ((seen & bit) == 0) {
            throw new EventFormatException(path(name), "missing required field");
        }
    }

    private String path(String name) {
        return prefix == null ? name : prefix + "." + name;
    }
}
