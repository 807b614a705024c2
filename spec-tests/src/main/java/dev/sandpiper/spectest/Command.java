package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command of a spec script: its type ({@code module}, {@code assert_return}, ...), the line in
 * the .wast source, and the command's json object for the fields that type carries.
 */
public record Command(String type, int line, JsonNode json) {
    /** Name used for the command's test: {@code file.wast:line type}. */
    public String displayName(String sourceFile) {
        return sourceFile + ":" + line + " " + type;
    }

    /** A text field of the command, or null when absent. */
    public String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
