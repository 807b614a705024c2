package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;
import java.util.Arrays;

/**
 * A WebAssembly exception (3.0, exception handling): a {@link Tag} and its payload, the raw bits of
 * the tag's parameter values (i32 and f32 in the low 32 bits, a v128 in two entries, low half
 * first; a reference is its handle).
 *
 * <p>It crosses the boundary both ways. A {@link HostFunction} throws one to raise an exception
 * in the calling WebAssembly code, where a {@code try_table} (or legacy {@code try}) can catch it by
 * its tag; an exception that no handler catches reaches the host as this class, from
 * {@link FunctionInstance#call} or {@link Instance#call}, naming its tag. A trap is never one of
 * these: WebAssembly cannot catch a trap. The store stays usable afterwards.
 *
 * <p>Inside the engine the object is the exception itself: an {@code exnref} designates it, and
 * {@code throw_ref} throws the same object again. Like traps, it captures no Java stack trace.
 *
 * <p>Spec: 3.0, Execution > Runtime Structure > Exception Instances; Instructions > {@code throw}.
 */
public final class ThrownException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final transient Tag tag;
    private final long[] payload;
    /** The exnref handle once a handler took it as a reference ({@link Store#exceptionHandle}), else -1. */
    long handle = -1;

    /**
     * An exception of {@code tag} carrying {@code payload}, the bits of its parameters in slots (see
     * the class comment): as many as {@code tag.type().paramSlots()}.
     */
    public ThrownException(Tag tag, long... payload) {
        super("uncaught exception");
        if (payload.length != tag.type().paramSlots()) {
            throw new IllegalArgumentException(tag + " carries " + tag.type().paramSlots() + " slots, not "
                    + payload.length);
        }
        this.tag = tag;
        this.payload = payload.clone();
    }

    /** For the interpreter: takes {@code payload} as it is. */
    ThrownException(Tag tag, long[] payload, boolean owned) {
        super("uncaught exception");
        this.tag = tag;
        this.payload = payload;
    }

    public Tag tag() {
        return tag;
    }

    /** The payload's bits, a copy. */
    public long[] payload() {
        return payload.clone();
    }

    /** The payload without copying, for the interpreter. */
    long[] payloadSlots() {
        return payload;
    }

    @Override
    public String getMessage() {
        return "uncaught exception: " + tag.name() + " " + Arrays.toString(payload);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
