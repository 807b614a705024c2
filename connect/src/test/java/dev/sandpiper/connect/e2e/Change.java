package dev.sandpiper.connect.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * One change as it came out of a pipeline, whatever its shape: a Debezium envelope (before/after/op),
 * a canonical Sandpiper Event (op spelled out), or a flattened row (ExtractNewRecordState with an
 * {@code __op} field). Values may be Connect Structs/Maps (embedded engine) or JSON text (topic).
 */
record Change(String op, int id, JsonNode before, JsonNode after, JsonNode raw) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonConverter CONVERTER = new JsonConverter();

    static {
        CONVERTER.configure(Map.of("schemas.enable", "false", "converter.type", "value"));
    }

    /** From a Connect value and its schema (a record of the embedded engine). */
    static Change ofConnect(String topic, Schema schema, Object value) {
        byte[] bytes = CONVERTER.fromConnectData(topic, schema, value);
        return ofJson(bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8));
    }

    /** From JSON text (a topic's record value, written by JsonConverter with schemas disabled). */
    static Change ofJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isTextual()) {
                node = JSON.readTree(node.asText()); // a transform that emits the event as a JSON string
            }
            if (node != null && node.has("schema") && node.has("payload")) {
                node = node.get("payload"); // schemas enabled after all
            }
            if (node == null || node.isNull()) {
                NullNode none = NullNode.getInstance();
                return new Change("tombstone", -1, none, none, none);
            }
            JsonNode before;
            JsonNode after;
            String op;
            if (node.has("after") || node.has("before")) {
                before = node.path("before");
                after = node.path("after");
                op = normalizeOp(node.path("op").asText(""));
            } else {
                before = NullNode.getInstance();
                after = node;
                op = normalizeOp(node.path("__op").asText(""));
            }
            JsonNode image = after.isObject() ? after : before;
            int id = image.path("id").asInt(-1);
            return new Change(op, id, before, after, node);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static String normalizeOp(String op) {
        switch (op) {
            case "c":
            case "insert":
                return "insert";
            case "u":
            case "update":
                return "update";
            case "d":
            case "delete":
                return "delete";
            case "r":
            case "read":
                return "read";
            default:
                return op;
        }
    }

    /** The row images present (after, and before when the pipeline carries a full one). */
    List<JsonNode> images() {
        List<JsonNode> out = new ArrayList<>();
        if (before != null && before.isObject()) {
            out.add(before);
        }
        if (after != null && after.isObject()) {
            out.add(after);
        }
        return out;
    }

    /**
     * Why this change is not masked as mask-pii must mask it ({@code null} when it is): every image's
     * email/phone/ssn that is a string must be the redaction; {@code name} must be left alone.
     */
    String maskingProblem() {
        if (images().isEmpty()) {
            return "no row image in " + raw;
        }
        for (JsonNode img : images()) {
            for (String col : List.of("email", "phone", "ssn")) {
                JsonNode v = img.path(col);
                if (v.isTextual() && !E2e.REDACTED.equals(v.asText())) {
                    return col + " not masked in " + abbreviate(img.toString());
                }
                if (v.isMissingNode()) {
                    return col + " missing in " + abbreviate(img.toString());
                }
            }
            if (!img.path("name").asText("").startsWith("user ")) {
                return "name changed in " + abbreviate(img.toString());
            }
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…(" + s.length() + " chars)";
    }

    @Override
    public String toString() {
        return op + "#" + id + " " + abbreviate(raw.toString());
    }
}
