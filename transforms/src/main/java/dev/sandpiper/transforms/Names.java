package dev.sandpiper.transforms;

import java.util.regex.Pattern;

/** The rules for transform names and topic names; each check returns null or what is wrong. */
final class Names {
    /** Kebab case: lower-case letters and digits in words joined by single hyphens. */
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_NAME = 63;
    /** Kafka's topic rule: these characters, at most 249 of them, not "." or "..". */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private Names() {}

    static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.length() > MAX_NAME || !KEBAB.matcher(name).matches()) {
            return "\"" + name + "\" is not kebab-case (lower-case letters and digits in words joined by single"
                    + " hyphens, like mask-pii; at most " + MAX_NAME + " characters)";
        }
        return null;
    }

    /**
     * Topic names are Kafka's ({@code [A-Za-z0-9._-]}, at most 249 characters, not {@code .} or
     * {@code ..}), which also makes them safe file names for {@code DIR/TOPIC.jsonl}; names starting
     * with {@code _} are the runtime's own ({@code _dlq}).
     */
    static String topicProblem(String topic) {
        if (topic.isEmpty()) {
            return "must not be empty";
        }
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            return "\"" + topic + "\" is not a valid topic name (letters, digits, '.', '_' and '-', at most 249"
                    + " characters, not . or ..)";
        }
        if (topic.startsWith("_")) {
            return "\"" + topic + "\": topic names starting with '_' are reserved (_dlq holds dead letters)";
        }
        return null;
    }
}
