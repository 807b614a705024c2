package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.DefinedTypes;
import dev.sandpiper.decoder.model.FuncType;

/**
 * A tag instance: the identity exceptions are thrown and caught by, with the types of their
 * payload. Two tags are the same only if they are the same object (a module's tag imported
 * elsewhere stays that object); a host creates its own to throw from host functions
 * ({@link ThrownException}) or to import into modules ({@link Linker#define}).
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Tag Instances; Structure > Modules > Tags.
 */
public final class Tag implements Extern {
    private final String name;
    private final FuncType type;
    private final int typeId;

    /**
     * A host's tag: {@code type}'s parameters are the payload, its results must be empty.
     *
     * @param name how messages name the tag (e.g. {@code "env.overflow"})
     */
    public Tag(String name, FuncType type) {
        this(name, type, DefinedTypes.id(type));
    }

    Tag(String name, FuncType type, int typeId) {
        if (!type.results().isEmpty()) {
            throw new IllegalArgumentException("non-empty tag result type " + type);
        }
        this.name = name;
        this.type = type;
        this.typeId = typeId;
    }

    /** The tag's type: its parameters are the payload's types. */
    public FuncType type() {
        return type;
    }

    /** The closed id of the type, which import matching compares. */
    int typeId() {
        return typeId;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "tag " + name + " " + type;
    }
}
