package dev.sandpiper.abi;

/**
 * The kind of change an {@link Event} describes: the {@code op} field of the canonical JSON.
 *
 * <p>Wire names are lower case and matched case-sensitively; an unknown name is a decoding error.
 */
public enum Op {
    /** A row was inserted; {@code after} holds it. Wire name {@code insert}. */
    INSERT("insert"),
    /** A row was updated; {@code before} (if the source supplies it) and {@code after}. Wire name {@code update}. */
    UPDATE("update"),
    /** A row was deleted; {@code before} holds what the source knows of it. Wire name {@code delete}. */
    DELETE("delete"),
    /** A row read by a snapshot (initial load), not a live change. Wire name {@code read}. */
    READ("read"),
    /** The table's schema changed. Wire name {@code schema_change}. */
    SCHEMA_CHANGE("schema_change"),
    /** The table was truncated. Wire name {@code truncate}. */
    TRUNCATE("truncate");

    private final String wireName;

    Op(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the canonical JSON, e.g. {@code "schema_change"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The operation with this wire name.
     *
     * @throws IllegalArgumentException if {@code wireName} is not one of the six names (case-sensitive)
     */
    public static Op fromWireName(String wireName) {
        Op op = lookup(wireName);
        if (op == null) {
            throw new IllegalArgumentException("op: unknown value " + Describe.quote(wireName));
        }
        return op;
    }

    /** The operation with this wire name, or null. */
    static Op lookup(String wireName) {
        if (wireName == null) {
            return null;
        }
        switch (wireName) {
            case "insert": return INSERT;
            case "update": return UPDATE;
            case "delete": return DELETE;
            case "read": return READ;
            case "schema_change": return SCHEMA_CHANGE;
            case "truncate": return TRUNCATE;
            default: return null;
        }
    }
}
