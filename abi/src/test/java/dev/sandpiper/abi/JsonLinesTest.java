package dev.sandpiper.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line splitting as contract point 12 reads it. */
class JsonLinesTest {

    private static List<String> lines(byte[] input) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(input))) {
            for (JsonLines.Line line : lines) {
                out.add(line.number() + ":" + line.text());
            }
        }
        return out;
    }

    private static List<String> lines(String input) throws IOException {
        return lines(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out at most {@code chunk} bytes per read, to cross every buffer boundary. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void splitsOnNewlinesAndNumbersFromOne() throws IOException {
        assertEquals(List.of("1:a", "2:b", "3:c"), lines("a\nb\nc\n"));
    }

    @Test
    void lastLineNeedsNoNewline() throws IOException {
        assertEquals(List.of("1:a", "2:b"), lines("a\nb"));
        assertEquals(List.of("1:only"), lines("only"));
    }

    @Test
    void emptyInputHasNoLines() throws IOException {
        assertEquals(List.of(), lines(""));
        assertEquals(List.of(), lines("\n\n"));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertEquals(List.of("2:a", "5:b", "7: c"), lines("\na\n  \t \n\r\nb\n\n c\n \n"));
    }

    @Test
    void crlfIsAccepted() throws IOException {
        assertEquals(List.of("1:a", "2:b", "4:c"), lines("a\r\nb\r\n\r\nc\r\n"));
        assertEquals(List.of("1:a"), lines("a\r"));
        assertEquals(List.of("1:a\rb"), lines("a\rb\n"), "a lone CR is not a line end");
    }

    @Test
    void byteOrderMarkAtTheStartIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals(List.of("1:{}", "2:x"), lines(concat(bom, "{}\nx".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), lines(bom));
        // Only at the very start: elsewhere the bytes are part of the line.
        assertEquals(List.of("1:a", "2:\ufeffb"), lines(concat("a\n".getBytes(StandardCharsets.UTF_8),
                concat(bom, new byte[] {'b'}))));
        // Split across reads.
        try (JsonLines lines = new JsonLines(trickle(concat(bom, "{}".getBytes(StandardCharsets.UTF_8)), 1))) {
            assertEquals("{}", lines.next().text());
            assertNull(lines.next());
        }
    }

    @Test
    void bytesAreGivenUnchanged() throws IOException {
        byte[] input = {'a', (byte) 0xFF, 0, '\n'};
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(input))) {
            assertEquals(new JsonLines.Line(1, new byte[] {'a', (byte) 0xFF, 0}), lines.next());
            assertNull(lines.next());
            assertNull(lines.next());
        }
    }

    @Test
    void veryLongLinesAcrossManyReads() throws IOException {
        int size = 17 * 1024 * 1024;
        byte[] big = new byte[size];
        Arrays.fill(big, (byte) 'x');
        byte[] input = concat(concat("short\r\n".getBytes(StandardCharsets.UTF_8), big),
                "\r\n\nafter".getBytes(StandardCharsets.UTF_8));
        try (JsonLines lines = new JsonLines(trickle(input, 10_000))) {
            assertEquals("short", lines.next().text());
            JsonLines.Line line = lines.next();
            assertEquals(2, line.number());
            assertEquals(size, line.bytes().length);
            assertEquals(new JsonLines.Line(4, "after".getBytes(StandardCharsets.UTF_8)), lines.next());
            assertNull(lines.next());
        }
    }

    private static List<String> bounded(byte[] input, long max, int chunk) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonLines lines = new JsonLines(trickle(input, chunk), max)) {
            for (JsonLines.Line line : lines) {
                out.add(line.number() + ":" + (line.oversized() ? "skipped " + line.size() : line.text()));
            }
        }
        return out;
    }

    @Test
    void linesLongerThanTheMaximumAreSkippedAndTheNextOnesRead() throws IOException {
        byte[] input = "ab\r\nabcde\nabcdef\r\n\nabcdefgh\nxyz".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("1:ab", "2:abcde", "3:skipped 6", "5:skipped 8", "6:xyz");
        for (int chunk : new int[] {1, 2, 3, 7, 64 * 1024}) {
            assertEquals(expected, bounded(input, 5, chunk), "chunk " + chunk);
        }
        assertEquals(List.of("1:skipped 6"), bounded("abcdef".getBytes(StandardCharsets.UTF_8), 5, 2),
                "the last line, without a newline");
        assertEquals(List.of("1:abcde"), bounded("abcde\r".getBytes(StandardCharsets.UTF_8), 5, 1),
                "a CR before the end is not counted");
    }

    @Test
    void aSkippedLineIsNotHeldInMemory() throws IOException {
        // 64 MiB of one line, streamed: never an array of its size (the maximum is 1 KiB).
        long size = 64L << 20;
        InputStream huge = new InputStream() {
            private long left = size;
            private boolean tail;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    return n;
                }
                if (!tail) {
                    tail = true;
                    byte[] t = "\n{}\n".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(t, 0, b, off, t.length);
                    return t.length;
                }
                return -1;
            }
        };
        try (JsonLines lines = new JsonLines(huge, 1024)) {
            JsonLines.Line first = lines.next();
            assertTrue(first.oversized());
            assertEquals(1, first.number());
            assertEquals(size, first.size());
            assertNull(first.bytes());
            assertEquals(new JsonLines.Line(2, "{}".getBytes(StandardCharsets.UTF_8)), lines.next());
            assertNull(lines.next());
        }
    }

    @Test
    void theMaximumIsChecked() {
        InputStream in = new ByteArrayInputStream(new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> new JsonLines(in, 0));
        assertThrows(IllegalArgumentException.class, () -> new JsonLines(in, Integer.MAX_VALUE));
    }

    @Test
    void linesFeedTheParser() throws Exception {
        String file = Fixtures.CONTRACT_EXAMPLE + "\r\n\r\n" + Fixtures.CONTRACT_EXAMPLE.replace("alice", "bob");
        List<Event> events = new ArrayList<>();
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            for (JsonLines.Line line : lines) {
                events.add(EventJson.fromJson(line.bytes()));
            }
        }
        assertEquals(2, events.size());
        assertEquals("bob", events.get(1).after().get("name"));
    }

    @Test
    void iteratesOnce() throws IOException {
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(new byte[0]))) {
            lines.iterator();
            assertThrows(IllegalStateException.class, lines::iterator);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
