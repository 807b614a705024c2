package dev.sandpiper.interpreter;

/**
 * What a second tier's generated code needs to throw and catch WebAssembly exceptions (3.0,
 * exception handling), public only for the {@code compiler} module; not an API for hosts. The
 * exceptions are the interpreter's own {@link ThrownException}s, so they cross between the tiers
 * and reach hosts unchanged; an {@code exnref} is the store's handle of one, as in the interpreter.
 *
 * <p>Spec: 3.0, Execution > Instructions > Control Instructions ({@code throw}, {@code throw_ref},
 * {@code try_table}).
 */
public final class TierExceptions {
    private TierExceptions() {}

    /**
     * {@code throw x}: the exception of tag {@code tag} of {@code inst}, carrying {@code payload} (the
     * tag's parameters in slots, owned by the exception from now on). Returned, for the caller to throw.
     */
    public static ThrownException raise(Instance inst, int tag, long[] payload) {
        return new ThrownException(inst.tags[tag], payload, true);
    }

    /**
     * {@code throw_ref}: the exception {@code ref} designates, or the interpreter's trap for a null
     * reference; returned, for the caller to throw.
     */
    public static RuntimeException thrown(long ref, Store s) {
        if (ref == Table.NULL) {
            return new TrapException(TrapKind.NULL_EXCEPTION_REFERENCE);
        }
        return s.exception(ref);
    }

    /** Whether {@code ex} is of tag {@code tag} of {@code inst} (tags compare by identity). */
    public static boolean matches(ThrownException ex, Instance inst, int tag) {
        return ex.tag() == inst.tags[tag];
    }

    /** The payload's slots of {@code ex}, not copied: for reading only. */
    public static long[] payload(ThrownException ex) {
        return ex.payloadSlots();
    }

    /**
     * The {@code exnref} handle of a caught {@code ex} ({@code catch_ref}, {@code catch_all_ref}),
     * given on its first use; traps as the interpreter does when the store holds too many.
     */
    public static long handle(Store s, ThrownException ex) {
        return s.exceptionHandle(ex);
    }
}
