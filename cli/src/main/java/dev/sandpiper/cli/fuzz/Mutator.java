package dev.sandpiper.cli.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates binary modules, byte-wise and section-wise: bit flips, random bytes, byte runs inserted
 * and deleted, LEB128 values lengthened (overlong encodings, sizes fixed up or not), section sizes and
 * the counts that open them corrupted (zero, off by one, huge), sections dropped, duplicated, swapped,
 * spliced in from another module, and garbage custom sections. Each call applies one to three.
 */
public final class Mutator {
    private static final long[] COUNTS = {0, 1, 2, 0x7F, 0x80, 0xFFFF, 0x10000, 1_000_000, 0x7FFF_FFFFL, 0xFFFF_FFFFL};

    private final SplittableRandom rnd;
    private final List<byte[]> donors;

    /** A mutator drawing randomness from {@code rnd} and splicing sections of {@code donors}. */
    public Mutator(SplittableRandom rnd, List<byte[]> donors) {
        this.rnd = rnd;
        this.donors = donors;
    }

    /** {@code module} with one to three mutations applied (the argument is not changed). */
    public byte[] mutate(byte[] module) {
        byte[] b = module;
        int n = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0);
        for (int i = 0; i < n; i++) {
            b = once(b);
        }
        return b;
    }

    private byte[] once(byte[] b) {
        List<int[]> sections = Sections.of(b);
        int kind = rnd.nextInt(12);
        if (sections == null || sections.isEmpty()) {
            kind = kind % 4; // byte-wise only
        }
        return switch (kind) {
            case 0 -> flipBits(b);
            case 1 -> setBytes(b);
            case 2 -> insert(b);
            case 3 -> delete(b);
            case 4, 5 -> lengthenLeb(b, sections);
            case 6 -> corruptSize(b, sections);
            case 7 -> corruptCount(b, sections);
            case 8 -> rearrange(b, sections);
            case 9 -> splice(b, sections);
            case 10 -> garbageCustom(b, sections);
            default -> flipInSection(b, sections);
        };
    }

    private byte[] flipBits(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = rnd.nextInt(c.length);
            c[at] ^= (byte) (1 << rnd.nextInt(8));
        }
        return c;
    }

    private byte[] setBytes(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        int at = rnd.nextInt(c.length);
        int[] interesting = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0B, 0x40, 0x41, 0x10, 0xFC, 0xFD, 0x70, 0x6F, 0x7B};
        c[at] = (byte) (rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : rnd.nextInt(256));
        return c;
    }

    private byte[] insert(byte[] b) {
        int at = rnd.nextInt(b.length + 1);
        byte[] extra = new byte[1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 64 : 4)];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = (byte) rnd.nextInt(256);
        }
        return join(Arrays.copyOf(b, at), extra, Arrays.copyOfRange(b, at, b.length));
    }

    private byte[] delete(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int at = rnd.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 64 : 4));
        return join(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, b.length));
    }

    /** Re-encodes a LEB128 found in a section's content with more bytes; fixes up the section's size mostly. */
    private byte[] lengthenLeb(byte[] b, List<int[]> sections) {
        int[] s = sections.get(rnd.nextInt(sections.size()));
        int start = s[2];
        int end = s[3];
        if (end <= start) {
            return b;
        }
        int at = start + rnd.nextInt(Math.min(end - start, 64));
        int len = WasmWriter.lebLength(b, at);
        if (len < 0 || at + len > end) {
            return b;
        }
        long value = WasmWriter.readLeb(b, at);
        int newLen = Math.min(len + 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 10 : 4), 12);
        byte[] leb = WasmWriter.uleb(value, newLen);
        byte[] content = join(Arrays.copyOfRange(b, start, at), leb, Arrays.copyOfRange(b, at + len, end));
        return replaceSection(b, s, content, rnd.nextInt(5) != 0);
    }

    private byte[] corruptSize(byte[] b, List<int[]> sections) {
        int[] s = sections.get(rnd.nextInt(sections.size()));
        long size = s[3] - s[2];
        long[] choices = {0, size - 1, size + 1, size + 1000, 0xFFFF_FFFFL, 0x7FFF_FFFFL, rnd.nextInt(1 << 20)};
        long bad = Math.max(0, choices[rnd.nextInt(choices.length)]);
        WasmWriter w = new WasmWriter().bytes(b, 0, s[0]).byte_(b[s[0]]);
        w.u32Padded(bad, rnd.nextInt(4) == 0 ? 5 : Math.max(1, lebBytes(bad)));
        w.bytes(b, s[2], b.length - s[2]);
        return w.toByteArray();
    }

    /** Replaces the count that opens a section's content (every standard section but start is a vector). */
    private byte[] corruptCount(byte[] b, List<int[]> sections) {
        int[] s = sections.get(rnd.nextInt(sections.size()));
        int len = WasmWriter.lebLength(b, s[2]);
        if (len < 0 || s[2] + len > s[3]) {
            return b;
        }
        long value = WasmWriter.readLeb(b, s[2]);
        long bad = rnd.nextInt(3) == 0 ? value + rnd.nextInt(5) - 2 : COUNTS[rnd.nextInt(COUNTS.length)];
        bad = Math.max(0, bad);
        byte[] content = join(new WasmWriter().u32(bad).toByteArray(), Arrays.copyOfRange(b, s[2] + len, s[3]));
        return replaceSection(b, s, content, rnd.nextInt(4) != 0);
    }

    /** Drops, duplicates or swaps whole sections. */
    private byte[] rearrange(byte[] b, List<int[]> sections) {
        List<byte[]> parts = new ArrayList<>();
        for (int[] s : sections) {
            parts.add(Arrays.copyOfRange(b, s[0], s[3]));
        }
        int i = rnd.nextInt(parts.size());
        switch (rnd.nextInt(3)) {
            case 0 -> parts.remove(i);
            case 1 -> parts.add(i, parts.get(i));
            default -> {
                int j = rnd.nextInt(parts.size());
                byte[] t = parts.get(i);
                parts.set(i, parts.get(j));
                parts.set(j, t);
            }
        }
        return assemble(b, sections, parts);
    }

    /** Inserts or substitutes a section of another module. */
    private byte[] splice(byte[] b, List<int[]> sections) {
        if (donors.isEmpty()) {
            return flipBits(b);
        }
        byte[] donor = donors.get(rnd.nextInt(donors.size()));
        List<int[]> theirs = Sections.of(donor);
        if (theirs == null || theirs.isEmpty()) {
            return b;
        }
        int[] d = theirs.get(rnd.nextInt(theirs.size()));
        byte[] section = Arrays.copyOfRange(donor, d[0], d[3]);
        List<byte[]> parts = new ArrayList<>();
        int replace = -1;
        for (int k = 0; k < sections.size(); k++) {
            int[] s = sections.get(k);
            parts.add(Arrays.copyOfRange(b, s[0], s[3]));
            if (s[1] == d[1] && d[1] != 0) {
                replace = k;
            }
        }
        if (replace >= 0 && rnd.nextInt(4) != 0) {
            parts.set(replace, section);
        } else {
            parts.add(rnd.nextInt(parts.size() + 1), section);
        }
        return assemble(b, sections, parts);
    }

    /** A custom section with a random (maybe not UTF-8) name and content, maybe with a bad name length. */
    private byte[] garbageCustom(byte[] b, List<int[]> sections) {
        WasmWriter content = new WasmWriter();
        int nameLen = rnd.nextInt(12);
        int declared = rnd.nextInt(6) == 0 ? nameLen + 100 : nameLen;
        content.u32(declared);
        for (int i = 0; i < nameLen; i++) {
            content.byte_(rnd.nextBoolean() ? 'a' + rnd.nextInt(26) : rnd.nextInt(256));
        }
        int n = rnd.nextInt(rnd.nextInt(10) == 0 ? 4096 : 32);
        for (int i = 0; i < n; i++) {
            content.byte_(rnd.nextInt(256));
        }
        byte[] section = new WasmWriter().section(0, content).toByteArray();
        List<byte[]> parts = new ArrayList<>();
        for (int[] s : sections) {
            parts.add(Arrays.copyOfRange(b, s[0], s[3]));
        }
        parts.add(rnd.nextInt(parts.size() + 1), section);
        return assemble(b, sections, parts);
    }

    /** Flips a bit inside one section's content (most of a module is code: aim there). */
    private byte[] flipInSection(byte[] b, List<int[]> sections) {
        int[] s = sections.get(rnd.nextInt(sections.size()));
        if (s[3] <= s[2]) {
            return b;
        }
        byte[] c = b.clone();
        int at = s[2] + rnd.nextInt(s[3] - s[2]);
        if (rnd.nextBoolean()) {
            c[at] ^= (byte) (1 << rnd.nextInt(8));
        } else {
            c[at] = (byte) rnd.nextInt(256);
        }
        return c;
    }

    // ---------------------------------------------------------------- helpers

    private static int lebBytes(long v) {
        int n = 1;
        for (long x = v >>> 7; x != 0; x >>>= 7) {
            n++;
        }
        return n;
    }

    /** {@code b} with section {@code s}'s content replaced, its size updated or (when not {@code fix}) kept. */
    private static byte[] replaceSection(byte[] b, int[] s, byte[] content, boolean fix) {
        WasmWriter w = new WasmWriter().bytes(b, 0, s[0]).byte_(b[s[0]]);
        if (fix) {
            w.u32(content.length);
        } else {
            w.bytes(b, s[0] + 1, s[2] - s[0] - 1);
        }
        return w.bytes(content).bytes(b, s[3], b.length - s[3]).toByteArray();
    }

    /** The header of {@code b}, then {@code parts}, then whatever followed the last parsed section. */
    private static byte[] assemble(byte[] b, List<int[]> sections, List<byte[]> parts) {
        WasmWriter w = new WasmWriter().bytes(b, 0, 8);
        for (byte[] p : parts) {
            w.bytes(p);
        }
        int tail = sections.get(sections.size() - 1)[3];
        return w.bytes(b, tail, b.length - tail).toByteArray();
    }

    private static byte[] join(byte[]... parts) {
        WasmWriter w = new WasmWriter();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }
}
