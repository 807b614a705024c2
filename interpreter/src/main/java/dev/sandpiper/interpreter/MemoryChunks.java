package dev.sandpiper.interpreter;

import java.util.Arrays;

/**
 * Little-endian accesses to a memory held as chunks: {@code chunks[i]} holds bytes
 * {@code [i << shift, (i + 1) << shift)} (the last chunk may be shorter), so a 64-bit memory can
 * pass the 2 GiB of one Java array. Every address here has been checked against the memory's size
 * by the caller. An access within one chunk is one {@link MemoryViews} read or write; one that
 * straddles two chunks goes byte by byte. A 32-bit memory is one chunk of shift 31 (its whole
 * array), so bulk operations between memories of both kinds share this code.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Memory Instances (a memory of address type i64
 * may hold up to 2^64 bytes; here up to the store's limit).
 */
final class MemoryChunks {
    private MemoryChunks() {}

    /** {@code n} bytes (1, 2, 4 or 8) at {@code ea}, sign-extended to a long. */
    static long read(byte[][] chunks, int shift, long ea, int n) {
        byte[] c = chunks[(int) (ea >>> shift)];
        int at = (int) (ea & ((1L << shift) - 1));
        if (at + n <= c.length) {
            return switch (n) {
                case 1 -> c[at];
                case 2 -> (short) MemoryViews.SHORT.get(c, at);
                case 4 -> (int) MemoryViews.INT.get(c, at);
                default -> (long) MemoryViews.LONG.get(c, at);
            };
        }
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (byteAt(chunks, shift, ea + i) & 0xFF);
        }
        int unused = 64 - 8 * n;
        return (v << unused) >> unused;
    }

    /** Writes the low {@code n} bytes (1, 2, 4 or 8) of {@code v} at {@code ea}. */
    static void write(byte[][] chunks, int shift, long ea, int n, long v) {
        byte[] c = chunks[(int) (ea >>> shift)];
        int at = (int) (ea & ((1L << shift) - 1));
        if (at + n <= c.length) {
            switch (n) {
                case 1 -> c[at] = (byte) v;
                case 2 -> MemoryViews.SHORT.set(c, at, (short) v);
                case 4 -> MemoryViews.INT.set(c, at, (int) v);
                default -> MemoryViews.LONG.set(c, at, v);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            chunks[(int) ((ea + i) >>> shift)][(int) ((ea + i) & ((1L << shift) - 1))] = (byte) (v >>> (8 * i));
        }
    }

    private static byte byteAt(byte[][] chunks, int shift, long ea) {
        return chunks[(int) (ea >>> shift)][(int) (ea & ((1L << shift) - 1))];
    }

    /** Sets {@code n} bytes from {@code at} to {@code value}, chunk by chunk. */
    static void fill(byte[][] chunks, int shift, long at, long n, byte value) {
        long end = at + n;
        while (at < end) {
            int i = (int) (at >>> shift);
            int from = (int) (at & ((1L << shift) - 1));
            int len = (int) Math.min(end - at, (1L << shift) - from);
            Arrays.fill(chunks[i], from, from + len, value);
            at += len;
        }
    }

    /** Copies {@code len} bytes at {@code at} into {@code dst[off, off+len)}. */
    static void get(byte[][] chunks, int shift, long at, byte[] dst, int off, int len) {
        while (len > 0) {
            int from = (int) (at & ((1L << shift) - 1));
            int k = (int) Math.min(len, (1L << shift) - from);
            System.arraycopy(chunks[(int) (at >>> shift)], from, dst, off, k);
            at += k;
            off += k;
            len -= k;
        }
    }

    /** Copies {@code src[off, off+len)} to {@code at}. */
    static void put(byte[][] chunks, int shift, long at, byte[] src, int off, int len) {
        while (len > 0) {
            int to = (int) (at & ((1L << shift) - 1));
            int k = (int) Math.min(len, (1L << shift) - to);
            System.arraycopy(src, off, chunks[(int) (at >>> shift)], to, k);
            at += k;
            off += k;
            len -= k;
        }
    }

    /**
     * Copies {@code n} bytes from {@code s} in one chunked memory to {@code d} in another (or the
     * same: then overlapping ranges copy as if through a temporary buffer, spec 2.0 {@code
     * memory.copy}), in pieces that lie within one chunk on both sides.
     */
    static void copy(byte[][] src, int srcShift, long s, byte[][] dst, int dstShift, long d, long n) {
        boolean backwards = src == dst && d > s && d < s + n;
        long done = 0;
        while (done < n) {
            long left = n - done;
            long sa;
            long da;
            int k;
            if (backwards) {
                // the piece ending at the current end, within one chunk on both sides
                long sEnd = s + left;
                long dEnd = d + left;
                int sRoom = (int) (((sEnd - 1) & ((1L << srcShift) - 1)) + 1);
                int dRoom = (int) (((dEnd - 1) & ((1L << dstShift) - 1)) + 1);
                k = (int) Math.min(left, Math.min(sRoom, dRoom));
                sa = sEnd - k;
                da = dEnd - k;
            } else {
                sa = s + done;
                da = d + done;
                long sRoom = (1L << srcShift) - (sa & ((1L << srcShift) - 1));
                long dRoom = (1L << dstShift) - (da & ((1L << dstShift) - 1));
                k = (int) Math.min(left, Math.min(sRoom, dRoom));
            }
            System.arraycopy(src[(int) (sa >>> srcShift)], (int) (sa & ((1L << srcShift) - 1)),
                    dst[(int) (da >>> dstShift)], (int) (da & ((1L << dstShift) - 1)), k);
            done += k;
        }
    }
}
