package dev.sandpiper.abi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Splits a JSON lines stream (one event per line) into lines, as contract point 12 reads it:
 * <ul>
 *   <li>lines end with LF or CRLF (the CR is dropped); the last line needs no terminator;</li>
 *   <li>blank lines (nothing but spaces, tabs and CRs) are skipped, but still count for line numbers, which are
 *       1-based physical line numbers, so an error can point into the file;</li>
 *   <li>a UTF-8 byte order mark at the very start is skipped;</li>
 *   <li>a line longer than the maximum line size ({@link #JsonLines(InputStream, long)}; by default the largest Java
 *       array) is not buffered: it is read through in chunks and discarded up to its newline, and comes back as an
 *       {@linkplain Line#oversized() oversized} line, with its number and size but no bytes, so the lines after it
 *       are read as usual;</li>
 *   <li>memory use is one 64 KiB buffer plus the longest line kept so far (at most the maximum), and falls back
 *       after a line above 1 MiB.</li>
 * </ul>
 * The bytes are not interpreted otherwise: parse each with {@link EventJson#fromJson(byte[])}.
 *
 * <pre>{@code
 * try (JsonLines lines = new JsonLines(in)) {
 *     for (JsonLines.Line line : lines) {
 *         try {
 *             Event e = EventJson.fromJson(line.bytes());
 *         } catch (EventFormatException ex) {
 *             System.err.println("line " + line.number() + ": " + ex.getMessage());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #next()} reports I/O failures as {@link IOException}; the {@link Iterable} view wraps
 * them in {@link UncheckedIOException} and can be iterated once.
 */
public final class JsonLines implements Iterable<JsonLines.Line>, Closeable {
    private static final int BUFFER = 64 * 1024;
    private static final int KEEP_AT_MOST = 1024 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * One non-blank line, or an oversized one.
     *
     * @param number the 1-based physical line number
     * @param bytes  the line without its terminator (a fresh array the caller owns), or null when the line was
     *               longer than the maximum and skipped
     * @param size   the line's length in bytes, without its terminator
     */
    public record Line(long number, byte[] bytes, long size) {
        /** A line that was kept. */
        public Line(long number, byte[] bytes) {
            this(number, bytes, bytes.length);
        }

        /** A line longer than the maximum: skipped, only its size is known. */
        public static Line oversized(long number, long size) {
            return new Line(number, null, size);
        }

        /** Whether the line was longer than the maximum and skipped (then {@link #bytes()} is null). */
        public boolean oversized() {
            return bytes == null;
        }

        /** The line decoded as UTF-8 (invalid bytes become U+FFFD); empty for an oversized line. */
        public String text() {
            return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && l.number == number && l.size == size && Arrays.equals(l.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(number) * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Line[" + number + ": " + (bytes == null ? "oversized, " + size + " bytes" : Describe.quote(text()))
                    + "]";
        }
    }

    private final InputStream in;
    private final long maxLine;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private long lineNumber;
    /** The current line when it spans buffer refills. */
    private byte[] acc = new byte[256];
    private int accLen;
    private boolean iterated;

    /** Reads lines from {@code in}, which {@link #close()} closes, of any length up to the largest Java array. */
    public JsonLines(InputStream in) {
        this(in, MAX_ARRAY);
    }

    /**
     * Reads lines from {@code in}, which {@link #close()} closes; a line of more than {@code maxLineBytes} bytes
     * (terminator excluded) is skipped without being held in memory and returned as {@linkplain Line#oversized()
     * oversized}.
     *
     * @throws IllegalArgumentException if {@code maxLineBytes} is not 1 to the largest Java array
     */
    public JsonLines(InputStream in, long maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1 || maxLineBytes > MAX_ARRAY) {
            throw new IllegalArgumentException("the maximum line size must be 1.." + MAX_ARRAY + " bytes, not "
                    + maxLineBytes);
        }
        this.maxLine = maxLineBytes;
    }

    /** The longest line kept, in bytes; longer ones come back {@linkplain Line#oversized() oversized}. */
    public long maxLineBytes() {
        return maxLine;
    }

    /**
     * The next non-blank line (or oversized line), or null at the end of the stream.
     *
     * @throws IOException when reading fails
     */
    public Line next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            // Find the next physical line: either inside buf, or accumulated in acc across refills, or (past the
            // maximum) only counted.
            byte[] line;
            int off;
            int len;
            accLen = 0;
            long skipped = -1; // bytes of an oversized line seen so far, or -1 while it is kept
            byte last = 0; // the oversized line's last byte, to drop a CR before LF from its size
            while (true) {
                int nl = indexOfNewline();
                int end = nl >= 0 ? nl : lim;
                int n = end - pos;
                if (skipped < 0 && accLen + (long) n > Math.min(maxLine + 1, MAX_ARRAY)) { // + 1: a CRLF's CR
                    skipped = accLen;
                    if (accLen > 0) {
                        last = acc[accLen - 1];
                    }
                    accLen = 0;
                }
                if (skipped >= 0) {
                    skipped += n;
                    if (n > 0) {
                        last = buf[end - 1];
                    }
                } else if (nl < 0 || accLen > 0) {
                    append(pos, n);
                }
                if (nl >= 0) {
                    if (skipped >= 0 || accLen > 0) {
                        line = acc;
                        off = 0;
                        len = accLen;
                    } else {
                        line = buf;
                        off = pos;
                        len = n;
                    }
                    pos = nl + 1;
                    break;
                }
                pos = lim;
                if (!fill()) {
                    if (accLen == 0 && skipped < 0) {
                        return null;
                    }
                    line = acc;
                    off = 0;
                    len = accLen;
                    break;
                }
            }
            lineNumber++;
            if (skipped >= 0) {
                return Line.oversized(lineNumber, last == '\r' ? skipped - 1 : skipped);
            }
            if (len > 0 && line[off + len - 1] == '\r') {
                len--;
            }
            if (len > maxLine) {
                return Line.oversized(lineNumber, len);
            }
            if (!isBlank(line, off, len)) {
                Line result = new Line(lineNumber, Arrays.copyOfRange(line, off, off + len));
                if (acc.length > KEEP_AT_MOST) {
                    acc = new byte[256];
                }
                return result;
            }
        }
    }

    /** The remaining lines; can be iterated once, I/O failures as {@link UncheckedIOException}. */
    @Override
    public Iterator<Line> iterator() {
        if (iterated) {
            throw new IllegalStateException("JsonLines can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private Line next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = JsonLines.this.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next != null;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = next;
                next = null;
                return line;
            }
        };
    }

    /** Closes the underlying stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    private int indexOfNewline() {
        for (int i = pos; i < lim; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int n) throws IOException {
        if (n == 0) {
            return;
        }
        if (accLen + n > acc.length) {
            long wanted = Math.max((long) acc.length * 2, (long) accLen + n);
            if ((long) accLen + n > MAX_ARRAY) {
                throw new IOException("line " + (lineNumber + 1) + " is longer than " + MAX_ARRAY + " bytes");
            }
            acc = Arrays.copyOf(acc, (int) Math.min(wanted, MAX_ARRAY));
        }
        System.arraycopy(buf, from, acc, accLen, n);
        accLen += n;
    }

    /** Refills buf; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        while (lim < 3 && !eof) {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        if (lim >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
