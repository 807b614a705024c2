package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;

/**
 * An import could not be resolved or does not match ("unknown import", "incompatible import
 * type"), naming {@code module.name}.
 *
 * <p>Spec: 2.0, Execution > Modules > Instantiation, step 3 and Import Matching,
 * {@code exec/modules.html#instantiation}.
 */
public final class UnlinkableException extends WasmException {
    private static final long serialVersionUID = 1L;

    public UnlinkableException(String message) {
        super(message);
    }
}
