package dev.sandpiper.decoder.binary;

/**
 * The tag section and the tag type of a tag import: an attribute byte that must be 0 (exception),
 * then a type index. Spec: 3.0, Binary Format > Modules > Tag Section, {@code binary/modules.html#tag-section};
 * Binary Format > Types > Tag Types.
 */
final class TagSectionReader {
    private TagSectionReader() {}

    /** The type index of each tag, in order. */
    static int[] read(WasmReader in) {
        int n = in.count();
        int[] tags = new int[n];
        for (int i = 0; i < n; i++) {
            tags[i] = tagType(in);
        }
        return tags;
    }

    /** {@code 0x00 typeidx}: returns the type index. */
    static int tagType(WasmReader in) {
        int at = in.position();
        if (in.u8() != 0) {
            throw in.error("malformed tag attribute", at);
        }
        return in.u32();
    }
}
