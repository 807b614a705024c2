package dev.sandpiper.decoder.model;

/**
 * A data segment: its mode, target memory and offset when active, and its bytes, kept as a range
 * of the module's bytes ({@link Module#copyData}).
 *
 * <p>Spec: 2.0, Structure > Modules > Data Segments, {@code syntax/modules.html#data-segments}.
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstExpr offset, int dataStart, int length) {}
