package dev.sandpiper.transforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where an output or dead letter comes from: the input event's position in publish order and the
 * transforms it went through. Origins order outputs deterministically ({@link #compareTo}): by
 * input position, then by path, so a file written in origin order is the same on every run whatever
 * the parallelism, even where several transforms write one topic.
 */
public final class Origin implements Comparable<Origin> {
    private final long sequence;
    private final Origin parent;
    private final String transform;
    private final int depth;

    private Origin(long sequence, Origin parent, String transform, int depth) {
        this.sequence = sequence;
        this.parent = parent;
        this.transform = transform;
        this.depth = depth;
    }

    /** The origin of the {@code sequence}-th published input event (0-based). */
    static Origin input(long sequence) {
        return new Origin(sequence, null, null, 0);
    }

    /** This origin after one more transform. */
    Origin then(String transformName) {
        return new Origin(sequence, this, transformName, depth + 1);
    }

    /** The input event's position in publish order, from 0. */
    public long sequence() {
        return sequence;
    }

    /** The transforms the event went through, first to last. */
    public List<String> path() {
        List<String> p = new ArrayList<>(depth);
        for (Origin o = this; o.transform != null; o = o.parent) {
            p.add(o.transform);
        }
        Collections.reverse(p);
        return p;
    }

    /** Whether the event went through {@code transformName}. */
    boolean passed(String transformName) {
        for (Origin o = this; o.transform != null; o = o.parent) {
            if (o.transform.equals(transformName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(Origin o) {
        int c = Long.compare(sequence, o.sequence);
        if (c != 0 || this == o) {
            return c;
        }
        List<String> a = path();
        List<String> b = o.path();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + path().hashCode();
    }

    /** {@code #17 mask-pii > route-by-table}. */
    @Override
    public String toString() {
        List<String> p = path();
        return "#" + sequence + (p.isEmpty() ? "" : " " + String.join(" > ", p));
    }
}
