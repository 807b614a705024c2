package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.WasmException;
import java.util.ArrayList;
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
    /** Most distinct entries kept in {@link #wasmStack()}; deeper frames are only counted. */
    static final int MAX_STACK_ENTRIES = 16;

    private final List<String> wasmStack = new ArrayList<>();
    private String lastFrame;
    private int lastFrameRepeats;
    private int omittedFrames;

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

    /**
     * Functions active at the trap, innermost first (e.g. {@code "func 3 transform"}); a run of
     * recursive calls is one entry ({@code "func 0 x9999"}), and at most {@value #MAX_STACK_ENTRIES}
     * entries are kept.
     */
    public List<String> wasmStack() {
        List<String> out = new ArrayList<>(wasmStack);
        if (lastFrame != null) {
            out.add(entry(lastFrame, lastFrameRepeats));
        }
        if (omittedFrames > 0) {
            out.add("... " + omittedFrames + " more");
        }
        return out;
    }

    /** Adds the next frame outwards. */
    void addFrame(String frame) {
        if (frame.equals(lastFrame)) {
            lastFrameRepeats++;
            return;
        }
        if (lastFrame != null) {
            if (wasmStack.size() < MAX_STACK_ENTRIES - 1) {
                wasmStack.add(entry(lastFrame, lastFrameRepeats));
            } else {
                omittedFrames += lastFrameRepeats;
            }
        }
        lastFrame = frame;
        lastFrameRepeats = 1;
    }

    private static String entry(String frame, int repeats) {
        return repeats == 1 ? frame : frame + " x" + repeats;
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
        List<String> frames = wasmStack();
        if (!frames.isEmpty()) {
            sb.append(" (at ").append(String.join(" < ", frames)).append(')');
        }
        return sb.toString();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
