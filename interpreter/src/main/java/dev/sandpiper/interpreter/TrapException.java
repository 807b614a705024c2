package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;
import java.util.List;

/**
 * Execution trapped. The message opens with {@link TrapKind#message()}, followed by detail when
 * there is any, then the WebAssembly call stack at the trap, innermost function first. Traps are
 * frequent enough in a transform pipeline (a bad event) that no Java stack trace is captured.
 */
public final class TrapException extends WasmException {
    private static final long serialVersionUID = 1L;

    private final TrapKind kind;
    private final String detail;
    private final long index;
    private List<String> wasmStack = List.of();

    public TrapException(TrapKind kind) {
        this(kind, null, null);
    }

    public TrapException(TrapKind kind, String detail) {
        this(kind, detail, null);
    }

    public TrapException(TrapKind kind, String detail, Throwable cause) {
        super(kind.message(), cause);
        this.kind = kind;
        this.detail = detail;
        this.index = -1;
    }

    /** A trap about one element of a table: the message names its index ("uninitialized element 2"). */
    public TrapException(TrapKind kind, long index) {
        super(kind.message());
        this.kind = kind;
        this.detail = null;
        this.index = index;
    }

    public TrapKind kind() {
        return kind;
    }

    /** Detail beyond the kind's message, or null. */
    public String detail() {
        return detail;
    }

    /** Functions active at the trap, innermost first (e.g. {@code "func 3 transform"}). */
    public List<String> wasmStack() {
        return wasmStack;
    }

    void wasmStack(List<String> frames) {
        this.wasmStack = List.copyOf(frames);
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(kind.message());
        if (index >= 0) {
            sb.append(' ').append(index);
        }
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        if (!wasmStack.isEmpty()) {
            sb.append(" (at ").append(String.join(" < ", wasmStack)).append(')');
        }
        return sb.toString();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
