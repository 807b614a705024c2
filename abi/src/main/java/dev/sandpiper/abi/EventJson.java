package dev.sandpiper.abi;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The canonical JSON form of an {@link Event} (envelope version 1): serialisation, strict parsing and validation.
 * All methods are static and thread-safe; they share one configured Jackson {@link JsonFactory} and use its
 * streaming parser and generator only (no data binding, no tree model).
 *
 * <h2>Writing</h2>
 * Fields in the contract's order; {@code null} for absent values ({@code total_events} included);
 * {@code unavailable_columns} and {@code before_unavailable_columns} omitted when empty; {@code before_is_key_only}
 * always written; no whitespace; UTF-8. Strings use the standard JSON escapes: {@code \"}, {@code \\}, {@code \b},
 * {@code \f}, {@code \n}, {@code \r}, {@code \t}, other control characters as <code>&#92;u00xx</code> (hex in
 * lower case); everything else, including U+007F, {@code /}, U+2028 and characters outside the Basic Multilingual
 * Plane, as raw UTF-8. Row numbers are
 * written from their exact value: {@code Long} and {@code BigInteger} in decimal, {@code BigDecimal} by its
 * {@link java.math.BigDecimal#toString()} ({@code 100.50}, {@code 1E+400}), which reads back to the same value and
 * scale. Unsigned 64-bit fields are written unsigned.
 *
 * <h2>Reading</h2>
 * The input must be one UTF-8 JSON object, optionally surrounded by JSON whitespace, and a canonical Event:
 * <ul>
 *   <li>required: {@code op} (one of the six wire names, case-sensitive), {@code source} (with
 *       {@code source_name}, {@code offset}, {@code timestamp}), {@code ts}, {@code table},
 *       {@code envelope_version}; {@code snapshot} and {@code transaction} objects need all their fields except
 *       {@code total_events};</li>
 *   <li>optional, null when absent: {@code before}, {@code after} (object or null), {@code schema},
 *       {@code primary_key}, {@code snapshot}, {@code transaction}, {@code total_events}; {@code before_is_key_only}
 *       is false when absent; {@code unavailable_columns} and {@code before_unavailable_columns} are empty when
 *       absent or null;</li>
 *   <li>unsigned fields take only JSON integers in range: {@code ts}, {@code source.timestamp},
 *       {@code transaction.tx_id} 0..2^64-1; {@code chunk_index}, {@code total_events}, {@code event_index}
 *       0..2^32-1; {@code envelope_version} 0..65535 (any version is accepted and kept). {@code 1.0},
 *       {@code "1"} and {@code -1} are errors;</li>
 *   <li>{@code before_is_key_only: true} requires a non-null {@code before} and an empty
 *       {@code before_unavailable_columns};</li>
 *   <li>unknown fields, at the top level and inside {@code source}, {@code snapshot}, {@code transaction}, are
 *       ignored (checked as JSON, then dropped, so they are not written back), as the reference does;</li>
 *   <li>errors: a duplicate key anywhere (rows and ignored values included), anything after the object, a wrong
 *       JSON type, a string with an unpaired surrogate escape (<code>"&#92;uD800"</code>, which is not Unicode
 *       text; serde_json rejects it too), a byte order mark, non-UTF-8 input.</li>
 * </ul>
 * Row values are read as described at {@link Event}: key order and exact numbers are kept. Limits: nesting depth
 * {@value #MAX_NESTING_DEPTH} (the event object counts as one level), numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters (any PostgreSQL {@code numeric} fits); strings and documents are not
 * limited beyond the input's own size.
 *
 * <h2>Validating</h2>
 * {@link #validate(byte[], int, int)} applies exactly the reading rules, with the same messages, without building
 * the event: strings, numbers and containers of row images are checked in place. Use it where the bytes themselves
 * go on (a bytes-level transform entry point checking a guest's output). It first tries a single pass over the
 * bytes ({@code QuickEventCheck}) that accepts only what is certainly canonical and leaves everything else, every
 * problem and its message included, to the reader.
 */
public final class EventJson {
    /** Deepest nesting accepted, the event object being level 1 (so a row image may nest 999 levels). */
    public static final int MAX_NESTING_DEPTH = 1000;
    /**
     * Longest number accepted, in characters. Parsing a huge number costs more than linear time, so this is the one
     * bound set below the input size; it still holds PostgreSQL's largest {@code numeric} (131072 digits before the
     * point, 16383 after).
     */
    public static final int MAX_NUMBER_LENGTH = 150_000;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    // Bounded by the input array already; Jackson's defaults (20M chars, 50k name chars) are not.
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            // Duplicate keys are detected by the reader itself (see RowReader), with field paths in the message.
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Exact numbers: BigDecimal/BigInteger straight from the text (never via double), with the
            // sub-quadratic parser for long ones.
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            // Strict JSON: no comments, single quotes, NaN, leading zeros, trailing commas, control characters.
            // One feature per call: Jackson 2.18's disable(first, other...) *enables* the others.
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(JsonReadFeature.ALLOW_MISSING_VALUES)
            .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .disable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            // BigDecimal as toString() (100.50, 1E+400): exact, and reads back with the same scale.
            .disable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            // Astral characters go out as raw 4-byte UTF-8, as serde_json writes them (this feature corrupted
            // U+F800..U+FFFF in Jackson 2.18.1; fixed from 2.18.2). The model excludes unpaired surrogates.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private EventJson() {
    }

    /** The canonical JSON bytes (UTF-8) of the event. */
    public static byte[] toJson(Event event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            write(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return out.toByteArray();
    }

    /** The canonical JSON of the event as a String. */
    public static String toJsonString(Event event) {
        return new String(toJson(event), StandardCharsets.UTF_8);
    }

    /**
     * Writes the canonical JSON bytes of the event to {@code out}, with no line terminator. Neither flushes nor
     * closes {@code out}.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(Event event, OutputStream out) throws IOException {
        Objects.requireNonNull(event, "event");
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            EventWriter.write(g, event);
        }
    }

    /**
     * Parses a canonical Event (rules in the class description).
     *
     * @throws EventFormatException naming the field path of the first problem
     */
    public static Event fromJson(byte[] json) throws EventFormatException {
        return fromJson(json, 0, json.length);
    }

    /**
     * Parses a canonical Event from {@code json[off, off+len)}; the array is not kept.
     *
     * @throws EventFormatException naming the field path of the first problem
     */
    public static Event fromJson(byte[] json, int off, int len) throws EventFormatException {
        return read(json, off, len, true);
    }

    /**
     * Parses a canonical Event from text, read as its UTF-8 encoding (error columns count bytes). Text holding an
     * unpaired surrogate has no UTF-8 encoding and is rejected.
     *
     * @throws EventFormatException naming the field path of the first problem
     */
    public static Event fromJson(String json) throws EventFormatException {
        int bad = JsonValues.unpairedSurrogate(json);
        if (bad >= 0) {
            throw new EventFormatException(null, "invalid JSON text: character " + bad + " "
                    + JsonValues.surrogateProblem(json.charAt(bad)));
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return fromJson(bytes, 0, bytes.length);
    }

    /**
     * Checks that {@code json} is a canonical Event, exactly as {@link #fromJson(byte[])} would, without building it.
     *
     * @throws EventFormatException naming the field path of the first problem
     */
    public static void validate(byte[] json) throws EventFormatException {
        validate(json, 0, json.length);
    }

    /**
     * Checks that {@code json[off, off+len)} is a canonical Event, exactly as {@link #fromJson(byte[], int, int)}
     * would (same rules, same messages), without building it.
     *
     * @throws EventFormatException naming the field path of the first problem
     */
    public static void validate(byte[] json, int off, int len) throws EventFormatException {
        Objects.checkFromIndexSize(off, len, json.length);
        if (QuickEventCheck.accepts(json, off, len)) {
            return; // certainly canonical; everything else (and every message) is the reader's
        }
        read(json, off, len, false);
    }

    private static Event read(byte[] json, int off, int len, boolean build) throws EventFormatException {
        Objects.checkFromIndexSize(off, len, json.length);
        checkUtf8Start(json, off, len);
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(json, off, len);
            return new EventReader(parser, build).read();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new EventFormatException(parser == null ? null : Describe.path(parser),
                    "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: reading from memory", e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing to release for an array
                }
            }
        }
    }

    /**
     * Jackson detects UTF-16 and UTF-32 (by NUL bytes) and skips a UTF-8 byte order mark; the contract allows
     * neither. Valid UTF-8 JSON text has no NUL among its first four bytes and starts with an ASCII byte.
     */
    private static void checkUtf8Start(byte[] json, int off, int len) throws EventFormatException {
        if (len > 0 && json[off] < 0) {
            throw new EventFormatException(null, String.format("invalid JSON at line 1 column 1: unexpected byte"
                    + " 0x%02X (a byte order mark, or not UTF-8 JSON text)", json[off] & 0xFF));
        }
        for (int i = 0; i < Math.min(4, len); i++) {
            if (json[off + i] == 0) {
                throw new EventFormatException(null, "invalid JSON at line 1 column " + (i + 1)
                        + ": unexpected NUL byte (UTF-16 or UTF-32 text? only UTF-8 is accepted)");
            }
        }
    }
}
