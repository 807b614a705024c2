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
 *   <li>lines may be of any length up to the largest Java array; memory use is one 64 KiB buffer plus the longest
 *       line so far, and falls back after a line above 1 MiB.</li>
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
     * One non-blank line.
     *
     * @param number the 1-based physical line number
     * @param bytes  the line without its terminator (a fresh array the caller owns)
     */
    public record Line(long number, byte[] bytes) {
        /** The line decoded as UTF-8 (invalid bytes become U+FFFD). */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line && ((Line) o).number == number && Arrays.equals(((Line) o).bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(number) * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Line[" + number + ": " + Describe.quote(text()) + "]";
        }
    }

    private final InputStream in;
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

    /** Reads lines from {@code in}, which {@link #close()} closes. */
    public JsonLines(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * The next non-blank line, or null at the end of the stream.
     *
     * @throws IOException when reading fails
     */
    public Line next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            // Find the next physical line: either inside buf, or accumulated in acc across refills.
            byte[] line;
            int off;
            int len;
            accLen = 0;
            while (true) {
                int nl = indexOfNewline();
                if (nl >= 0) {
                    if (accLen == 0) {
                        line = buf;
                        off = pos;
                        len = nl - pos;
                    } else {
                        append(pos, nl - pos);
                        line = acc;
                        off = 0;
                        len = accLen;
                    }
                    pos = nl + 1;
                    break;
                }
                append(pos, lim - pos);
                pos = lim;
                if (!fill()) {
                    if (accLen == 0) {
                        return null;
                    }
                    line = acc;
                    off = 0;
                    len = accLen;
                    break;
                }
            }
            lineNumber++;
            if (len > 0 && line[off + len - 1] == '\r') {
                len--;
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
