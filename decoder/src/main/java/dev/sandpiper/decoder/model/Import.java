package dev.sandpiper.decoder.model;

/**
 * One import: module name, field name and what is imported.
 *
 * <p>Spec: 2.0, Structure > Modules > Imports, {@code syntax/modules.html#imports}.
 */
public record Import(String module, String name, ImportDesc desc) {
    public ExternKind kind() {
        return desc.kind();
    }

    @Override
    public String toString() {
        return module + "." + name;
    }
}
