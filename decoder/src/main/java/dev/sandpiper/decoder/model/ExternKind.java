package dev.sandpiper.decoder.model;

/**
 * What an import or export refers to, with its binary encoding.
 *
 * <p>Spec: 2.0, Structure > Types > External Types, {@code syntax/types.html#external-types}.
 */
public enum ExternKind {
    FUNC(0, "func"),
    TABLE(1, "table"),
    MEMORY(2, "memory"),
    GLOBAL(3, "global"),
    /** A tag (3.0, exception handling). */
    TAG(4, "tag");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return text;
    }
}
