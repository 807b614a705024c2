package dev.sandpiper.interpreter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sandpiper.decoder.model.Limits;
import dev.sandpiper.decoder.model.MemoryType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A 64-bit memory held in chunks ({@link MemoryChunks}), with chunks of one page (2^16 bytes)
 * injected so that small memories cross chunk boundaries: every access, bulk operation and growth
 * must behave as on one flat array, which a plain byte array mirrors here. One test grows a memory
 * past 2 GiB with the real 1 GiB chunks when the heap allows; it is skipped (not passed) otherwise.
 */
class ChunkedMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;
    private static final int ONE_PAGE_CHUNKS = 16;

    private static Memory memory64(long minPages, int limitPages, int chunkShift) {
        MemoryType type = new MemoryType(new Limits(minPages, Limits.NO_MAX, false, true));
        return new Memory(type, limitPages, null, null, chunkShift);
    }

    @Test
    void accessesStraddlingAChunkBoundaryReadWhatWasWritten() {
        Memory m = memory64(3, 8, ONE_PAGE_CHUNKS);
        assertEquals(3L * PAGE, m.byteSize64());
        for (int width : new int[] {2, 4, 8}) {
            for (long at = PAGE - width + 1; at < PAGE; at++) {
                long v = 0x0102030405060708L * (at + width);
                MemoryChunks.write(m.chunks, m.chunkShift, at, width, v);
                long expected = width == 8 ? v : (v << (64 - 8 * width)) >> (64 - 8 * width);
                assertEquals(expected, MemoryChunks.read(m.chunks, m.chunkShift, at, width),
                        width + " bytes at " + at);
            }
        }
        m.writeLong(2L * PAGE - 3, 0x1122334455667788L);
        assertEquals(0x88, m.readByte(2L * PAGE - 3) & 0xFF, "little-endian across the boundary");
        assertEquals(0x11, m.readByte(2L * PAGE + 4) & 0xFF);
        assertEquals(0x1122334455667788L, m.readLong(2L * PAGE - 3));
    }

    @Test
    void bulkOperationsMatchAFlatArray() {
        Memory m = memory64(4, 8, ONE_PAGE_CHUNKS);
        byte[] flat = new byte[4 * PAGE];
        Random random = new Random(14);
        for (int round = 0; round < 300; round++) {
            long n = random.nextInt(3 * PAGE);
            long d = random.nextInt((int) (4L * PAGE - n + 1));
            long s = random.nextInt((int) (4L * PAGE - n + 1));
            switch (round % 3) {
                case 0 -> {
                    byte value = (byte) random.nextInt();
                    m.fill(d, value, n);
                    java.util.Arrays.fill(flat, (int) d, (int) (d + n), value);
                }
                case 1 -> {
                    m.copy(d, s, n);
                    System.arraycopy(flat, (int) s, flat, (int) d, (int) n);
                }
                default -> {
                    byte[] data = new byte[(int) n + 5];
                    random.nextBytes(data);
                    m.init(d, data, 5, n);
                    System.arraycopy(data, 5, flat, (int) d, (int) n);
                }
            }
        }
        assertArrayEquals(flat, m.readBytes(0, flat.length));
    }

    @Test
    void copiesBetweenAThirtyTwoBitAndAChunkedMemory() {
        Memory wide = memory64(3, 8, ONE_PAGE_CHUNKS);
        Memory narrow = new Memory(new MemoryType(new Limits(2, Limits.NO_MAX)), 8);
        byte[] pattern = new byte[PAGE + 100];
        new Random(3).nextBytes(pattern);
        narrow.write(10, pattern);
        wide.copyFrom(narrow, PAGE - 50, 10, pattern.length);
        assertArrayEquals(pattern, wide.readBytes(PAGE - 50, pattern.length));
        narrow.copyFrom(wide, 7, PAGE - 50, pattern.length);
        assertArrayEquals(pattern, narrow.readBytes(7, pattern.length));
        assertThrows(TrapException.class, () -> wide.copyFrom(narrow, 0, PAGE, 2L * PAGE));
    }

    @Test
    void growingAddsZeroedChunksUpToTheLimitAndNoFurther() {
        Memory m = memory64(1, 5, ONE_PAGE_CHUNKS);
        m.writeInt(PAGE - 4, 77);
        assertEquals(1, m.grow64(3));
        assertEquals(4L * PAGE, m.byteSize64());
        assertEquals(77, m.readInt(PAGE - 4), "contents survive growth");
        assertEquals(0, m.readLong(3L * PAGE + 8), "new pages are zero");
        assertEquals(-1L, m.grow64(2), "5 + 1 pages pass the limit of 5");
        assertEquals(4, m.pages());
        long allocated = 0;
        for (byte[] c : m.chunks) {
            allocated += c.length;
        }
        assertEquals(4L * PAGE, allocated, "nothing allocated past the size with one-page chunks");
        assertThrows(TrapException.class, () -> m.readInt(4L * PAGE - 3));
    }

    /** Past 2 GiB with the real chunk size: needs a heap of more than 3 GiB, else skipped. */
    @Test
    void aSixtyFourBitMemoryGrowsPastTwoGibibytes() {
        long needed = 3L << 30;
        assumeTrue(Runtime.getRuntime().maxMemory() > needed,
                "skipped: a memory past 2 GiB needs a heap over 3 GiB (-Xmx), this JVM has "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        int pages = (int) ((2L << 30) / PAGE) + 16;
        Memory m = memory64(0, pages, Memory.CHUNK_SHIFT);
        assertEquals(0, m.grow64(pages));
        long top = (long) pages * PAGE;
        m.writeLong(top - 8, 0x0123456789ABCDEFL);
        m.writeInt((1L << 31) - 2, -1);
        assertEquals(0x0123456789ABCDEFL, m.readLong(top - 8));
        assertEquals(-1, m.readInt((1L << 31) - 2));
        assertThrows(TrapException.class, () -> m.readLong(top - 7));
        assertEquals(-1L, m.grow64(1), "the configured limit holds");
    }

    /** A limit above 2 GiB is for 64-bit memories: a 32-bit one still stops at one array's worth. */
    @Test
    void aThirtyTwoBitMemoryStaysWithinOneArrayWhateverTheLimit() {
        Memory narrow = new Memory(new MemoryType(new Limits(1, Limits.NO_MAX)), ExecutionLimits.MAX_MEMORY64_PAGES);
        assertEquals(ExecutionLimits.MAX_MEMORY_PAGES, narrow.maxPages());
        Memory wide = memory64(1, ExecutionLimits.MAX_MEMORY64_PAGES, Memory.CHUNK_SHIFT);
        assertEquals(ExecutionLimits.MAX_MEMORY64_PAGES, wide.maxPages());
    }
}
