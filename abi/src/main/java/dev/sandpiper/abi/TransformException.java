package dev.sandpiper.abi;

/**
 * An explicit lifecycle call ({@link WasmRuntime#init()}, {@link WasmRuntime#shutdown()}) failed.
 * Per-event failures are {@link TransformResult.Failed} values instead.
 */
public final class TransformException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TransformError error;

    public TransformException(TransformError error) {
        super(error.toString());
        this.error = error;
    }

    public TransformError error() {
        return error;
    }
}
