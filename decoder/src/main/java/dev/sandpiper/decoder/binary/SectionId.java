package dev.sandpiper.decoder.binary;

/**
 * Section ids and the order in which the non-custom sections must appear (the data count section,
 * id 12, sits between the element and code sections; 3.0's tag section, id 13, between the memory and
 * global sections).
 *
 * <p>Spec: 2.0, Binary Format > Modules > Sections and Modules, {@code binary/modules.html#binary-module}.
 */
public enum SectionId {
    CUSTOM(0, 0),
    TYPE(1, 1),
    IMPORT(2, 2),
    FUNCTION(3, 3),
    TABLE(4, 4),
    MEMORY(5, 5),
    GLOBAL(6, 7),
    EXPORT(7, 8),
    START(8, 9),
    ELEMENT(9, 10),
    DATA_COUNT(12, 11),
    CODE(10, 12),
    DATA(11, 13),
    /** The tag section (3.0, exception handling), between the memory and global sections. */
    TAG(13, 6);

    private static final SectionId[] BY_ID = new SectionId[14];

    static {
        for (SectionId s : values()) {
            BY_ID[s.id] = s;
        }
    }

    private final int id;
    private final int rank;

    SectionId(int id, int rank) {
        this.id = id;
        this.rank = rank;
    }

    public int id() {
        return id;
    }

    /** Position in the required order; custom sections (rank 0) may appear anywhere. */
    public int rank() {
        return rank;
    }

    /** The section with binary id {@code id}, or null when there is none. */
    public static SectionId of(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
