package dev.sandpiper.text;

import dev.sandpiper.decoder.WasmException;

/**
 * A module's text is not well formed (spec 6: lexical, syntactic or abbreviation rules broken, an
 * unknown identifier, a constant out of range, ...). The message reads {@code FILE:LINE:COL: reason}
 * where {@link #reason()} uses the spec test suite's wording when the suite expects one (for example
 * {@code unknown operator}, {@code constant out of range}, {@code mismatching label}).
 */
public final class TextFormatException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String fileName;
    private final int line;
    private final int column;

    public TextFormatException(String fileName, int line, int column, String reason) {
        super(fileName + ":" + line + ":" + column + ": " + reason);
        this.reason = reason;
        this.fileName = fileName;
        this.line = line;
        this.column = column;
    }

    /** The wording alone, without the position (e.g. {@code "unknown label $l"}). */
    public String reason() {
        return reason;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** 1-based column (in UTF-16 units) of the offending token. */
    public int column() {
        return column;
    }
}
