package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The quick check may only say yes to what the full reader accepts, and says yes to ordinary events (so the
 * fast path is the one taken).
 */
class QuickEventCheckTest {
    private static boolean quick(byte[] json) {
        return QuickEventCheck.accepts(json, 0, json.length);
    }

    private static boolean reader(byte[] json) {
        try {
            EventJson.fromJson(json);
            return true;
        } catch (EventFormatException e) {
            return false;
        }
    }

    @Test
    void acceptsEverySampleEvent() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../examples/events/sample.jsonl"));
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            byte[] canonical = EventJson.toJson(EventJson.fromJson(line.getBytes(StandardCharsets.UTF_8)));
            assertTrue(quick(canonical), line);
        }
    }

    @Test
    void leavesProblemsAndRareFormsToTheReader() {
        String ok = "{\"op\":\"insert\",\"source\":{\"source_name\":\"s\",\"offset\":\"1\",\"timestamp\":1},"
                + "\"ts\":2,\"table\":\"t\",\"envelope_version\":1,\"after\":{\"a\":1}}";
        assertTrue(quick(bytes(ok)));
        for (String bad : List.of(
                ok.replace("\"a\":1", "\"a\":1,\"a\":2"),       // duplicate row key
                ok.replace("\"a\":1", "\"a\":01"),               // leading zero
                ok.replace("\"a\":1", "\"a\":1e1234567890"),     // exponent: the reader checks its range
                ok.replace("\"a\":1", "\"\\u0061\":1"),          // escaped key
                ok.replace("\"a\":1", "\"a\":\"\\ud800\""),      // surrogate escape
                ok.replace("\"a\":1", "\"a\":\"\u0001\""),       // control character
                ok.replace("\"insert\"", "\"inserted\""),        // unknown op
                ok.replace(",\"ts\":2", ""),                     // missing required
                ok.replace("\"ts\":2", "\"ts\":-2"),
                ok.replace("\"envelope_version\":1", "\"envelope_version\":65536"),
                ok.replace("\"after\"", "\"extra\""),            // unknown envelope field
                ok + " x",
                ok.replace("{\"a\":1}", "{\"a\":1"))) {
            assertFalse(quick(bytes(bad)), bad);
        }
        byte[] overlong = bytes(ok.replace("\"a\":1", "\"a\":\"xx\""));
        int at = indexOf(overlong, (byte) 'x');
        overlong[at] = (byte) 0xC0;
        overlong[at + 1] = (byte) 0xAF;
        assertFalse(quick(overlong));
    }

    @Property(tries = 3000)
    void saysYesOnlyToWhatTheReaderAccepts(@ForAll("damaged") byte[] json) {
        if (quick(json)) {
            assertTrue(reader(json), () -> new String(json, StandardCharsets.UTF_8));
            assertDoesNotThrow(() -> EventJson.validate(json));
        }
    }

    @Property(tries = 300)
    void acceptsGeneratedCanonicalEventsWithoutEscapes(@ForAll("canonical") byte[] json) {
        boolean hugeExponent = new String(json, StandardCharsets.UTF_8).matches("(?s).*[0-9][eE][-+]?[0-9]{10}.*");
        if (indexOf(json, (byte) '\\') < 0 && !hugeExponent && reader(json)) {
            assertTrue(quick(json), () -> new String(json, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<byte[]> canonical() {
        return EventArbitraries.events().map(EventJson::toJson);
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<byte[]> insert = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "0", "1", "-", ".", "e",
                "null", "true", "\\", "\\u", "\\ud800", "\\u0041", "\"x\":1", "\"ts\":1", " ", "\t", "\u00e9",
                "\u0000", "\u0001", "\"op\":\"read\"", "\"op\":\"", "\"before\":null", "\"a\":{}", "\"a\":[]",
                "\"before_is_key_only\":true", "00", "-0", "1.", ".5", "\uD83D\uDE00")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> rawByte = Arbitraries.bytes().map(x -> new byte[] {x});
        return EventArbitraries.damaged(Arbitraries.oneOf(insert, rawByte));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int k = 0; k < b.length; k++) {
            if (b[k] == x) {
                return k;
            }
        }
        return -1;
    }
}
