package dev.sandpiper.transforms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a spec or pipeline file into a {@link Node} tree: JSON when the name ends in {@code .json},
 * YAML otherwise (YAML 1.1 scalars, as SnakeYAML reads them: {@code yes} and {@code on} are
 * booleans, {@code "3"} is a string). A duplicate key, a second YAML document and syntax errors are
 * problems with their line.
 */
final class SpecParser {
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(200).build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /** An empty plain value ({@code key:}) is null, as YAML says; {@code ""} stays the empty string. */
    private static final YAMLFactory YAML = YAMLFactory.builder().streamReadConstraints(LIMITS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    private final Path file;
    private final List<Problem> problems;
    private JsonParser parser;

    private SpecParser(Path file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Parses {@code file}; returns null (with a problem added) when it cannot be read or parsed.
     *
     * @param field what the problem names when the file cannot be read (e.g. {@code transforms[1]})
     * @param line the line to report a read failure at, and the file to report it in
     */
    static Node parse(Path file, List<Problem> problems, Path referrer, int line, String field) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(referrer, line, field, "file not found: " + file));
            return null;
        } catch (MalformedInputException e) {
            problems.add(new Problem(referrer, line, field, "cannot read " + file + ": not UTF-8 text"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(referrer, line, field, "cannot read " + file + ": " + e));
            return null;
        }
        return parse(file, text, problems);
    }

    /** Parses {@code text} as the content of {@code file} (whose name picks JSON or YAML). */
    static Node parse(Path file, String text, List<Problem> problems) {
        return new SpecParser(file, problems).parse(text);
    }

    static boolean isJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private Node parse(String text) {
        int before = problems.size();
        try {
            parser = isJson(file) ? JSON.createParser(text) : YAML.createParser(text);
            JsonToken t = parser.nextToken();
            if (t == null) {
                problems.add(new Problem(file, 1, "(file)", "the file is empty"));
                return null;
            }
            Node root = value(t, "(file)");
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                problems.add(new Problem(file, line(), "(file)", isJson(file)
                        ? "unexpected content after the JSON value" : "more than one YAML document"));
            }
            return problems.size() == before ? root : null;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            int nl = message.indexOf('\n');
            problems.add(new Problem(file, Math.max(line, 0), "(syntax)",
                    (nl < 0 ? message : message.substring(0, nl)).strip()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "(file)", "cannot parse: " + e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed documents (bad aliases, recursion) unchecked.
            problems.add(new Problem(file, parser == null ? 0 : line(), "(syntax)", String.valueOf(e.getMessage())));
            return null;
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private Node value(JsonToken t, String path) throws IOException {
        int line = line();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node.Member> members = new LinkedHashMap<>();
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line();
                    Node v = value(parser.nextToken(), key);
                    if (members.containsKey(key)) {
                        problems.add(new Problem(file, keyLine, key, "duplicate key (first at line "
                                + members.get(key).line() + ")"));
                    } else {
                        members.put(key, new Node.Member(key, keyLine, v));
                    }
                }
                return new Node.Obj(line, members);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(t, path));
                }
                return new Node.Arr(line, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(line, parser.getText());
            case VALUE_NUMBER_INT:
                return new Node.Scalar(line, switch (parser.getNumberType()) {
                    case INT, LONG -> parser.getLongValue();
                    default -> parser.getBigIntegerValue();
                });
            case VALUE_NUMBER_FLOAT: {
                try {
                    BigDecimal d = parser.getDecimalValue();
                    return new Node.Scalar(line, d);
                } catch (NumberFormatException e) {
                    problems.add(new Problem(file, line, path, "not a finite number: " + parser.getText()));
                    return new Node.Scalar(line, null);
                }
            }
            case VALUE_TRUE:
                return new Node.Scalar(line, Boolean.TRUE);
            case VALUE_FALSE:
                return new Node.Scalar(line, Boolean.FALSE);
            case VALUE_NULL:
                return new Node.Scalar(line, null);
            default:
                problems.add(new Problem(file, line, path, "unsupported value (" + t + ")"));
                return new Node.Scalar(line, null);
        }
    }
}
