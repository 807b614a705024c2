package dev.sandpiper.abi;

/**
 * A transform module cannot be used: the configuration is wrong, the file is not a valid
 * WebAssembly module, or the module breaks the transform contract. Checked, because a caller that
 * loads a user's module must decide what to do when it is rejected. The message names the
 * offending item (a config field, {@code module.name} of an import, an export).
 */
public final class WasmLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** A {@link WasmConfig} value or the module path. */
        CONFIG,
        /** Not a well-formed, valid WebAssembly 2.0 module. */
        MODULE,
        /** A forbidden import, a missing or mistyped export, or memory beyond the limit. */
        CONTRACT
    }

    private final Kind kind;

    public WasmLoadException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WasmLoadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
