package dev.sandpiper.transforms;

import java.util.Arrays;

/**
 * The input file (its index among the run's inputs) and line of each event {@link PipelineRun}
 * publishes, by sequence number. Stored as stretches of consecutive lines of one file (a new
 * stretch where a file starts or lines are skipped, such as blank ones), so it stays small whatever
 * the input's size.
 */
final class InputLocations {
    private long[] firstSeq = new long[16];
    private int[] files = new int[16];
    private long[] firstLine = new long[16];
    private int size;
    private long next;

    /** Records where the next event (sequence 0, then 1, ...) was read. */
    void add(int file, long line) {
        boolean continues = size > 0 && files[size - 1] == file
                && firstLine[size - 1] + (next - firstSeq[size - 1]) == line;
        if (!continues) {
            if (size == files.length) {
                firstSeq = Arrays.copyOf(firstSeq, size * 2);
                files = Arrays.copyOf(files, size * 2);
                firstLine = Arrays.copyOf(firstLine, size * 2);
            }
            firstSeq[size] = next;
            files[size] = file;
            firstLine[size] = line;
            size++;
        }
        next++;
    }

    /** The input file of event {@code seq}, which must have been added. */
    int file(long seq) {
        return files[stretch(seq)];
    }

    /** The line of event {@code seq} in its file. */
    long line(long seq) {
        int i = stretch(seq);
        return firstLine[i] + (seq - firstSeq[i]);
    }

    private int stretch(long seq) {
        int i = Arrays.binarySearch(firstSeq, 0, size, seq);
        return i >= 0 ? i : -i - 2;
    }
}
