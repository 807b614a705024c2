package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;

/**
 * Instantiation failed: an active segment did not fit its table or memory, the start function
 * trapped, or a table or memory exceeded the store's limits. For a trap, the message is the
 * trap's and the trap is the cause. Writes made before the trap into
 * tables or memories that other instances share remain (spec 2.0 semantics).
 *
 * <p>Spec: 2.0, Execution > Modules > Instantiation, {@code exec/modules.html#instantiation}.
 */
public final class UninstantiableException extends WasmException {
    private static final long serialVersionUID = 1L;

    public UninstantiableException(TrapException trap) {
        super(trap.getMessage(), trap);
    }

    /** Instantiation refused before anything ran, e.g. a memory larger than the store allows. */
    public UninstantiableException(String message) {
        super(message);
    }

    /** The trap that stopped instantiation, or null when it was refused before running. */
    public TrapException trap() {
        return getCause() instanceof TrapException t ? t : null;
    }
}
