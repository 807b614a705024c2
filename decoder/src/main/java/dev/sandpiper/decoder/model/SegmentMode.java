package dev.sandpiper.decoder.model;

/**
 * How an element or data segment is used.
 *
 * <p>Spec: 2.0, Structure > Modules > Element Segments, {@code syntax/modules.html#element-segments}.
 */
public enum SegmentMode {
    /** Copied into a table or memory at instantiation. */
    ACTIVE,
    /** Available to {@code table.init} / {@code memory.init}. */
    PASSIVE,
    /** Element segments only: declares function references, never copied. */
    DECLARATIVE
}
