package dev.sandpiper.text.num;

/**
 * A literal is malformed or out of range for its type. The parser turns it into a
 * {@link dev.sandpiper.text.TextFormatException} at the literal's position; {@link #getMessage()} is
 * the suite's wording (e.g. {@code constant out of range}).
 */
public final class LiteralException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LiteralException(String reason) {
        super(reason, null, false, false);
    }
}
