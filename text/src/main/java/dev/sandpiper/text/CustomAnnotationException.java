package dev.sandpiper.text;

import dev.sandpiper.decoder.WasmException;

/**
 * A custom annotation (3.0, Appendix > Custom Annotations: {@code @custom}, {@code @name}, branch
 * hints) is malformed, or well formed but invalid for its module (a branch hint on an instruction
 * that does not branch). The text around it may be fine: an implementation may ignore custom
 * annotations, so this is the annotation's error, not the text format's. The message reads
 * {@code FILE:LINE:COL: reason}.
 */
public final class CustomAnnotationException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean invalid;

    public CustomAnnotationException(String fileName, int line, int column, String reason, boolean invalid) {
        super(fileName + ":" + line + ":" + column + ": " + reason);
        this.reason = reason;
        this.invalid = invalid;
    }

    /** The wording alone, e.g. {@code "@custom annotation: malformed placement"}. */
    public String reason() {
        return reason;
    }

    /** Whether the annotation is well formed but invalid (else malformed). */
    public boolean invalid() {
        return invalid;
    }
}
