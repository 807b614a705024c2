package dev.sandpiper.cli.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Finds the sections of a binary module, leniently, for the {@link Mutator}. */
final class Sections {
    private Sections() {}

    /**
     * The sections after the 8-byte header, each {@code {start, id, contentStart, end}}, as far as they
     * parse (a section whose size runs past the end stops the list); null without a header.
     */
    static List<int[]> of(byte[] b) {
        if (b.length < 8) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        int at = 8;
        while (at < b.length) {
            int len = WasmWriter.lebLength(b, at + 1);
            if (len < 0 || len > 5) {
                break;
            }
            long size = WasmWriter.readLeb(b, at + 1);
            long end = at + 1L + len + size;
            if (end > b.length) {
                break;
            }
            out.add(new int[] {at, b[at] & 0xFF, at + 1 + len, (int) end});
            at = (int) end;
        }
        return out;
    }
}
