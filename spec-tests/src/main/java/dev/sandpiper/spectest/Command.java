package dev.sandpiper.spectest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command of a spec script: its type as wast2json names it ({@code module},
 * {@code assert_return}, ..., {@code action} for a bare invoke or get), the line in the .wast
 * source, what it does, and, for a command read from a wast2json script, its json object.
 *
 * @param json the wast2json object, or null for a command read from a {@code .wast}
 * @param source the command's text in the {@code .wast} (its whole form), or null for a command
 *     read from wast2json
 */
public record Command(String type, int line, Directive directive, JsonNode json, String source) {
    /** A command read from wast2json (no source text). */
    public Command(String type, int line, Directive directive, JsonNode json) {
        this(type, line, directive, json, null);
    }

    /** Name used for the command's test: {@code file.wast:line type}. */
    public String displayName(String sourceFile) {
        return sourceFile + ":" + line + " " + type;
    }

    /** A text field of the command's json object, or null when absent (always null for a .wast command). */
    public String text(String field) {
        JsonNode n = json == null ? null : json.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
