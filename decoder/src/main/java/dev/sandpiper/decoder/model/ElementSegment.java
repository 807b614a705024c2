package dev.sandpiper.decoder.model;

import java.util.List;

/**
 * An element segment. Its elements come in one of two encodings: function indices (binary flags 0 to
 * 3), or expressions (flags 4 to 7); exactly one of {@link #functionIndices()} and {@link #exprs()}
 * is non-null.
 *
 * <p>Spec: 2.0, Structure > Modules > Element Segments, {@code syntax/modules.html#element-segments};
 * Binary Format > Modules > Element Section, {@code binary/modules.html#element-section}.
 *
 * @param mode active, passive or declarative
 * @param tableIndex target table of an active segment (0 otherwise)
 * @param offset offset expression of an active segment, else null
 * @param type the element reference type
 * @param functionIndices elements as function indices, or null; never modify the array
 * @param exprs elements as expressions, or null
 */
public record ElementSegment(
        SegmentMode mode,
        int tableIndex,
        ConstExpr offset,
        ValType type,
        int[] functionIndices,
        List<ConstExpr> exprs) {

    public ElementSegment {
        exprs = exprs == null ? null : List.copyOf(exprs);
    }

    /** Number of elements. */
    public int size() {
        return functionIndices != null ? functionIndices.length : exprs.size();
    }
}
