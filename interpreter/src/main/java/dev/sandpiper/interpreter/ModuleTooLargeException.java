package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;

/**
 * The JVM's heap cannot hold what loading a module needs (its decoded model, validation facts or
 * translated code): a module far beyond what a host sized for it expects, refused like any other
 * bad module instead of letting an {@link OutOfMemoryError} reach the host.
 */
public final class ModuleTooLargeException extends WasmException {
    private static final long serialVersionUID = 1L;

    public ModuleTooLargeException(String message) {
        super(message);
    }
}
