package dev.sandpiper.decoder;

/**
 * The bytes are not a well-formed WebAssembly binary (spec 5). The message opens with the wording of
 * the spec's reference interpreter (for example {@code "integer too large"}), followed by the
 * absolute byte offset at which decoding stopped.
 */
public final class MalformedModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;

    public MalformedModuleException(String reason, int offset) {
        super(reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** The spec wording alone, without the offset. */
    public String reason() {
        return reason;
    }

    /** Absolute byte offset in the module where the defect was found. */
    public int offset() {
        return offset;
    }
}
