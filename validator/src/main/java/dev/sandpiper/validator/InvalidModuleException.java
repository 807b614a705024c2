package dev.sandpiper.validator;

import dev.sandpiper.decoder.WasmException;

/**
 * The module is well formed but not valid (spec 2.0, 3 Validation). The message opens with the spec
 * test suite's wording (for example {@code "type mismatch"}), then details, then where: the function
 * index and instruction offset for a rule broken inside a function body.
 */
public final class InvalidModuleException extends WasmException {
    private static final long serialVersionUID = 1L;

    /** {@link #functionIndex()} of an error outside any function body. */
    public static final int NO_FUNCTION = -1;

    private final String reason;
    private final int functionIndex;
    private final int offset;

    public InvalidModuleException(String reason, int functionIndex, int offset) {
        super(reason + where(functionIndex, offset));
        this.reason = reason;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    /** An error outside function bodies, at a known byte offset or -1. */
    public static InvalidModuleException atModule(String reason, int offset) {
        return new InvalidModuleException(reason, NO_FUNCTION, offset);
    }

    private static String where(int functionIndex, int offset) {
        if (functionIndex >= 0) {
            return " in function " + functionIndex + " at offset " + offset;
        }
        return offset >= 0 ? " at offset " + offset : "";
    }

    /** The rule broken, with details, without the location. */
    public String reason() {
        return reason;
    }

    /** Index (in the function index space) of the function whose body is invalid, or {@link #NO_FUNCTION}. */
    public int functionIndex() {
        return functionIndex;
    }

    /** Absolute byte offset of the offending instruction or construct, or -1 when unknown. */
    public int offset() {
        return offset;
    }
}
