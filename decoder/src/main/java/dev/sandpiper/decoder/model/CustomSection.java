package dev.sandpiper.decoder.model;

/**
 * A custom section: its name and the range of its content (after the name) in the module's bytes.
 *
 * <p>Spec: 2.0, Binary Format > Modules > Custom Section, {@code binary/modules.html#custom-section}.
 */
public record CustomSection(String name, int contentStart, int contentEnd) {}
