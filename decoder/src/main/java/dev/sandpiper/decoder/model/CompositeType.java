package dev.sandpiper.decoder.model;

/**
 * What a defined type describes: a function, a structure or an array.
 *
 * <p>Spec: 3.0, Structure > Types > Composite Types, {@code syntax/types.html#composite-types}.
 */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {
}
