package dev.sandpiper.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputLocationsTest {
    @Test
    void everyEventMapsBackToItsFileAndLine() {
        Random random = new Random(42);
        InputLocations where = new InputLocations();
        List<long[]> added = new ArrayList<>();
        for (int file = 0; file < 5; file++) {
            long line = 1;
            for (int i = 0; i < 1_000; i++) {
                line += random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1; // skipped (blank) lines now and then
                where.add(file, line);
                added.add(new long[] {file, line});
            }
        }
        for (int seq = 0; seq < added.size(); seq++) {
            assertEquals(added.get(seq)[0], where.file(seq), "file of " + seq);
            assertEquals(added.get(seq)[1], where.line(seq), "line of " + seq);
        }
    }

    @Test
    void consecutiveLinesOfOneFileFormOneStretch() {
        InputLocations where = new InputLocations();
        for (int line = 1; line <= 100_000; line++) {
            where.add(0, line);
        }
        where.add(1, 1);
        assertEquals(0, where.file(99_999));
        assertEquals(100_000, where.line(99_999));
        assertEquals(1, where.file(100_000));
        assertEquals(1, where.line(100_000));
    }
}
