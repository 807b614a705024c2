package dev.sandpiper.interpreter;

/** What a {@link HostFunction} sees of its caller: the calling instance and its memory. */
public final class HostContext {
    private final Instance caller;

    HostContext(Instance caller) {
        this.caller = caller;
    }

    /** The instance whose code made the call, or null when the host called the function directly. */
    public Instance caller() {
        return caller;
    }

    /** The caller's memory 0, or null. */
    public Memory memory() {
        return caller == null ? null : caller.memory();
    }
}
