package dev.sandpiper.compiler.translate;

import dev.sandpiper.decoder.model.FuncType;
import dev.sandpiper.decoder.model.ValType;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code block}, {@code loop} or {@code if} of a function translated into a method of its own
 * ({@link Outliner}): {@code h<start>(params..., [condition,] locals..., Context, room, left)}
 * returning an exit code: 0 when it falls off its end, {@code f + 1} for a branch to frame {@code f}
 * outside it (frame 0 is the function's: a return). The locals it writes, then the values the exit
 * carries, are in the context's results array, the fuel left in {@code Context.left}.
 */
final class Region {
    /** Offset of the region's instruction in the module's bytes. */
    final int start;
    final FuncType block;
    /** An {@code if}: its condition is a parameter after the block's. */
    final boolean isIf;
    /** The label types of the frames outside the region, by frame index (0: the function's results). */
    final List<List<ValType>> outer;
    /** The WebAssembly locals the region reads or writes (its parameters), and those it writes (sent back). */
    final int[] locals;
    final int[] written;
    /** Entries of the results array the written locals take (a v128 two). */
    final int writtenEntries;
    final String name;
    final String descriptor;

    /** Instructions of the interpreter's block the region starts in that run in the region: the caller charges them. */
    int entryCost;
    /**
     * Instructions of the block the region ends in that run after it, in the caller: the region
     * charges them, or when {@link #boundless} only refunds them at a trap.
     */
    int tailExtra;
    /** No block of the interpreter's starts or ends inside: the caller's block runs through it and charges all. */
    boolean boundless;
    /** The exit codes the region's method can return. */
    final BitSet exits = new BitSet();
    /** The most results-array entries an exit uses. */
    int entries;

    Region(int start, FuncType block, boolean isIf, List<List<ValType>> outer, int[] locals, int[] written,
            int writtenEntries, String descriptor) {
        this.start = start;
        this.block = block;
        this.isIf = isIf;
        this.outer = outer;
        this.locals = locals;
        this.written = written;
        this.writtenEntries = writtenEntries;
        this.name = "h" + start;
        this.descriptor = descriptor;
    }
}
