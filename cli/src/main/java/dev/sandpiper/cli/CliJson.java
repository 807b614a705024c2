package dev.sandpiper.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

/** Option values of the command line that are JSON or numbers. */
final class CliJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CliJson() {}

    /** A JSON object given inline or, as {@code @FILE}, in a file. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String option, String value) {
        String text = value;
        if (value.startsWith("@")) {
            try {
                text = Files.readString(Paths.get(value.substring(1)));
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + value.substring(1) + ": " + IoErrors.reason(e));
            }
        }
        Object parsed;
        try {
            parsed = JSON.readValue(text, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(option + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new IllegalArgumentException(option + ": must be a JSON object, like {\"fields_to_mask\": [\"email\"]}");
        }
        return (Map<String, Object>) parsed;
    }

    static long nonNegative(String option, String value) {
        return value.equals("0") ? 0 : positive(option, value);
    }

    static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n <= 0) {
                throw new IllegalArgumentException(option + " must be positive, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }
}
