package dev.sandpiper.decoder;

/**
 * Base of every failure the engine reports about a WebAssembly module or its execution. Subclasses
 * are named after the spec test suite's assertion kinds (malformed, invalid, unlinkable,
 * uninstantiable, trap, exhaustion), so a caller can tell the classes of failure apart.
 */
public class WasmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WasmException(String message) {
        super(message);
    }

    public WasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
