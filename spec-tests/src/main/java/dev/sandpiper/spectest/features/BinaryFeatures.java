package dev.sandpiper.spectest.features;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 3.0 features a binary module uses, from its bytes: sections, type forms, value and heap
 * type codes, limits flags, memory-argument flags and opcodes that a 2.0 decoder does not know,
 * each mapped to the feature that gave it meaning (3.0, Binary Format). The walk stops, keeping what it found,
 * at the first byte it cannot place (a malformed module, or an opcode of no known feature): what is
 * left is the engine's to judge. Never throws.
 *
 * <p>Like the reference decoder, the walk reads a section's content and only then would compare
 * its length with the section's size, so a truncated section is read on into the next one: the
 * 3.0 suite's "init expression with missing end marker" reads the code section's id 0x0a as
 * {@code throw_ref} (exceptions) and ends in "unexpected end", where 2.0 finds an illegal opcode.
 */
public final class BinaryFeatures {
    private final byte[] b;
    private int p;
    private final EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
    private int memories;

    private BinaryFeatures(byte[] bytes) {
        this.b = bytes;
    }

    /** The features {@code module} (a binary module, possibly malformed) needs. */
    public static Set<Feature> of(byte[] module) {
        BinaryFeatures f = new BinaryFeatures(module);
        try {
            f.module();
        } catch (Stop stop) {
            // the rest is the engine's to judge
        }
        return f.out;
    }

    /** Unwinds the walk at a byte it cannot place. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private void module() {
        p = 8;
        while (p < b.length) {
            int id = u8();
            long size = leb();
            int end = (int) Math.min(b.length, p + size);
            try {
                section(id, end);
            } catch (Stop stop) {
                // a section we could not walk to its end: go on with the next one
            }
            p = end;
        }
        if (memories > 1) {
            out.add(Feature.MULTI_MEMORY); // 2.0, Validation > Modules: at most one memory
        }
    }

    private void section(int id, int end) {
        switch (id) {
            case 1 -> vec(this::typeEntry);
            case 2 -> vec(this::importEntry);
            case 4 -> vec(this::table);
            case 5 -> vec(() -> {
                memories++;
                limits();
            });
            case 6 -> vec(() -> {
                valType();
                u8();
                constExpr();
            });
            case 9 -> vec(this::elem);
            case 10 -> vec(() -> code());
            case 11 -> vec(this::data);
            case 13 -> out.add(Feature.EXCEPTIONS); // the tag section (3.0, Binary Format > Modules > Tag Section)
            default -> { }
        }
    }

    private void typeEntry() {
        int form = u8();
        switch (form) {
            case 0x60 -> funcType();
            // rec, sub, sub final, struct, array (3.0, Binary Format > Types > Recursive Types)
            case 0x4e, 0x50, 0x4f, 0x5f, 0x5e -> {
                out.add(Feature.GC);
                throw new Stop();
            }
            default -> throw new Stop();
        }
    }

    private void funcType() {
        vec(this::valType);
        vec(this::valType);
    }

    private void importEntry() {
        skipName();
        skipName();
        switch (u8()) {
            case 0 -> leb();
            case 1 -> {
                valType();
                limits();
            }
            case 2 -> {
                memories++;
                limits();
            }
            case 3 -> {
                valType();
                u8();
            }
            case 4 -> { // a tag import (3.0, Binary Format > Modules > Import Section)
                out.add(Feature.EXCEPTIONS);
                u8();
                leb();
            }
            default -> throw new Stop();
        }
    }

    private void table() {
        // a table with an initializer (3.0, Binary Format > Modules > Table Section)
        if (peek() == 0x40 && p + 1 < b.length && b[p + 1] == 0) {
            out.add(Feature.FUNCTION_REFERENCES);
            p += 2;
            valType();
            limits();
            constExpr();
            return;
        }
        valType();
        limits();
    }

    /**
     * 2.0 limits: a 1-bit flag. 3.0 reads a flags byte whose bit 1 is {@code shared} (threads) and
     * bit 2 an {@code i64} address type (memory64), and calls any other value "malformed limits
     * flags" (3.0, Binary Format > Types > Limits), so a flag other than 0 or 1 is read by memory64's rule.
     */
    private void limits() {
        int flags = u8();
        if (flags > 1) {
            out.add((flags & ~0x03) == 0 ? Feature.THREADS : Feature.MEMORY64);
            if ((flags & 0x02) != 0 && flags < 8) {
                out.add(Feature.THREADS);
            }
            throw new Stop();
        }
        wideLeb();
        if (flags == 1) {
            wideLeb();
        }
    }

    /**
     * A u32 of 2.0 that 3.0 reads as a u64 (limits, memory offsets) and checks in validation: one
     * wider than u32 (value or encoding) is read by memory64's rule (3.0, Binary Format > Types >
     * Limits; Instructions > Memory Instructions).
     */
    private void wideLeb() {
        int start = p;
        long v = leb();
        if (p - start > 5 || (v >>> 32) != 0) {
            out.add(Feature.MEMORY64);
        }
    }

    /**
     * An element segment (2.0, Binary Format > Modules > Element Section): bit 0 passive or
     * declarative, bit 1 a table index, bit 2 expressions.
     */
    private void elem() {
        long kind = leb();
        if (kind > 7) {
            throw new Stop();
        }
        if ((kind & 1) == 0) {
            if ((kind & 2) != 0) {
                leb();
            }
            constExpr();
        }
        boolean exprs = (kind & 4) != 0;
        if (kind != 0 && kind != 4) {
            if (exprs) {
                valType();
            } else {
                u8();
            }
        }
        vec(exprs ? this::constExpr : () -> leb());
    }

    private void data() {
        long kind = leb();
        if (kind == 0) {
            constExpr();
        } else if (kind == 2) {
            if (leb() != 0) {
                out.add(Feature.MULTI_MEMORY);
            }
            constExpr();
        } else if (kind != 1) {
            throw new Stop();
        }
        p += (int) leb();
    }

    /**
     * A constant expression: 2.0 allows {@code t.const}, {@code ref.null}, {@code ref.func}, {@code
     * global.get} (2.0, Validation > Instructions > Constant Expressions); 3.0 adds {@code
     * i32/i64.add, sub, mul} (extended constant expressions) and GC's allocations.
     */
    private void constExpr() {
        while (true) {
            int op = u8();
            switch (op) {
                case 0x0b -> {
                    return;
                }
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> out.add(Feature.EXTENDED_CONST);
                default -> {
                    p--;
                    instruction();
                }
            }
        }
    }

    private void code() {
        long size = leb();
        int end = (int) Math.min(b.length, p + size);
        vec(() -> {
            leb();
            valType();
        });
        try {
            while (p < end) {
                instruction();
            }
        } finally {
            p = end;
        }
    }

    /**
     * One instruction (2.0, Binary Format > Instructions) with its immediates; an opcode 2.0 lacks
     * names its feature.
     */
    private void instruction() {
        int op = u8();
        switch (op) {
            case 0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1 -> { }
            case 0x02, 0x03, 0x04 -> blockType();
            case 0x0c, 0x0d, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0xd2 -> leb();
            case 0x0e -> {
                vec(() -> leb());
                leb();
            }
            case 0x11 -> {
                leb();
                leb();
            }
            case 0x1c -> vec(this::valType);
            case 0x3f, 0x40 -> memoryIndex();
            case 0x41, 0x42 -> leb();
            case 0x43 -> p += 4;
            case 0x44 -> p += 8;
            case 0xd0 -> heapType();
            case 0xfc -> prefixFc();
            case 0xfd -> prefixFd();
            // 3.0 opcodes (3.0, Binary Format > Instructions); the walk cannot go on past them without their immediates
            case 0x06, 0x07, 0x09, 0x18, 0x19 -> stop(Feature.LEGACY_EXCEPTIONS);
            case 0x08, 0x0a, 0x1f -> stop(Feature.EXCEPTIONS);
            case 0x12, 0x13 -> stop(Feature.TAIL_CALLS);
            case 0x15 -> {
                out.add(Feature.TAIL_CALLS);
                stop(Feature.FUNCTION_REFERENCES);
            }
            case 0x14, 0xd4, 0xd5, 0xd6 -> stop(Feature.FUNCTION_REFERENCES);
            case 0xd3, 0xfb -> stop(Feature.GC);
            case 0xfe -> stop(Feature.THREADS);
            default -> {
                if (op >= 0x28 && op <= 0x3e) {
                    memarg();
                } else if (op < 0x45 || op > 0xc4) {
                    throw new Stop();
                }
            }
        }
    }

    private void prefixFc() {
        long sub = leb();
        if (sub <= 7) {
            return;
        }
        switch ((int) sub) {
            case 8 -> {
                leb();
                memoryIndex();
            }
            case 9, 13, 15, 16, 17 -> leb();
            case 10 -> {
                memoryIndex();
                memoryIndex();
            }
            case 11 -> memoryIndex();
            case 12, 14 -> {
                leb();
                leb();
            }
            default -> throw new Stop();
        }
    }

    private void prefixFd() {
        long sub = leb();
        if (sub <= 0x0b || sub == 0x5c || sub == 0x5d) {
            memarg();
        } else if (sub == 0x0c || sub == 0x0d) {
            p += 16;
        } else if (sub >= 0x15 && sub <= 0x22) {
            p++;
        } else if (sub >= 0x54 && sub <= 0x5b) {
            memarg();
            p++;
        } else if (sub >= 0x100 && sub <= 0x113) {
            stop(Feature.RELAXED_SIMD); // 3.0, Binary Format > Instructions > Vector Instructions
        } else if (sub > 0xff) {
            throw new Stop();
        }
    }

    /**
     * A memory argument. 3.0 reads the alignment field as flags: bit 6 announces a memory index,
     * and a value of 128 or more is malformed (3.0, Binary Format > Instructions > Memory
     * Instructions, from multiple memories).
     */
    private void memarg() {
        long flags = leb();
        if (flags >= 0x40) {
            out.add(Feature.MULTI_MEMORY);
            if (flags >= 0x80) {
                throw new Stop();
            }
            leb();
        }
        wideLeb();
    }

    /** The reserved zero byte of 2.0's memory instructions, a memory index in 3.0. */
    private void memoryIndex() {
        if (leb() != 0) {
            out.add(Feature.MULTI_MEMORY);
        }
    }

    private void blockType() {
        int t = peek();
        if (t == 0x40) {
            p++;
        } else if ((t & 0x40) != 0 && (t & 0x80) == 0) {
            valType();
        } else {
            leb();
        }
    }

    /**
     * A value type: 2.0 has {@code i32 i64 f32 f64 v128 funcref externref}; 3.0 adds {@code (ref
     * null? ht)} and the GC and exception shorthands (3.0, Binary Format > Types > Reference Types,
     * Value Types).
     */
    private void valType() {
        int t = u8();
        switch (t) {
            case 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f -> { }
            case 0x63, 0x64 -> {
                out.add(Feature.FUNCTION_REFERENCES);
                heapType();
            }
            default -> abstractHeapType(t);
        }
    }

    private void heapType() {
        int t = peek();
        if (t == 0x70 || t == 0x6f) {
            p++;
        } else if ((t & 0x40) != 0 && (t & 0x80) == 0) {
            abstractHeapType(u8());
        } else {
            leb(); // a type index: typed function references
            out.add(Feature.FUNCTION_REFERENCES);
        }
    }

    private void abstractHeapType(int t) {
        switch (t) {
            case 0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x71, 0x73, 0x72 -> out.add(Feature.GC);
            case 0x69, 0x74 -> out.add(Feature.EXCEPTIONS);
            default -> throw new Stop();
        }
    }

    private void stop(Feature f) {
        out.add(f);
        throw new Stop();
    }

    private void vec(Runnable item) {
        long n = leb();
        for (long i = 0; i < n; i++) {
            item.run();
        }
    }

    private void skipName() {
        long n = leb();
        p += (int) Math.min(n, b.length);
    }

    private int peek() {
        if (p >= b.length) {
            throw new Stop();
        }
        return b[p] & 0xff;
    }

    private int u8() {
        int v = peek();
        p++;
        return v;
    }

    /** An unsigned or signed LEB128 of up to 10 bytes, as raw low bits (enough to classify). */
    private long leb() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int x = u8();
            if (shift < 64) {
                v |= (long) (x & 0x7f) << shift;
            }
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new Stop();
    }
}
