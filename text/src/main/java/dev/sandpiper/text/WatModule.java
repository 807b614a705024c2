package dev.sandpiper.text;

/**
 * A module read from text: its optional identifier ({@code (module $id ...)}, which a script's
 * {@code register} and actions refer to), how it was written, and its binary encoding.
 *
 * @param id the module's {@code $id}, or null
 * @param form text fields, {@code binary} strings or {@code quote} strings
 * @param binary the binary format; decode it with {@code ModuleDecoder}. Do not modify.
 */
public record WatModule(String id, Form form, byte[] binary) {

    /** The three ways a script writes a module (spec: the reference interpreter's script format). */
    public enum Form {
        TEXT,
        BINARY,
        QUOTE
    }
}
