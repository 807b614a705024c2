package dev.sandpiper.decoder.model;

/**
 * One export: its name and the index, in the index space of its kind, of what is exported.
 *
 * <p>Spec: 2.0, Structure > Modules > Exports, {@code syntax/modules.html#exports}.
 */
public record Export(String name, ExternKind kind, int index) {}
