package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.GlobalType;

/**
 * A global variable: raw bits as the interpreter keeps values (a v128 in {@link #value()} and
 * {@link #high()}).
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Global Instances, {@code exec/runtime.html#global-instances}.
 */
public final class Global implements Extern {
    private final GlobalType type;
    private final int heapId;
    long value;
    long high;

    public Global(GlobalType type, long value) {
        this(type, value, -1);
    }

    /**
     * {@code heapId}: the closed id ({@link dev.sandpiper.decoder.model.DefinedTypes}) of the value
     * type's type index in the defining module when it has one, else -1.
     */
    Global(GlobalType type, long value, int heapId) {
        this.type = type;
        this.value = value;
        this.heapId = heapId;
    }

    /** The closed id of the value type's type index, or -1 when it names none. */
    int heapId() {
        return heapId;
    }

    public GlobalType type() {
        return type;
    }

    /** The value's bits (the low 64 bits of a v128). */
    public long value() {
        return value;
    }

    /** The high 64 bits of a v128 value; 0 for other types. */
    public long high() {
        return high;
    }

    /** Sets the value from the host; only a mutable global can be set. */
    public void set(long bits) {
        if (!type.mutable()) {
            throw new IllegalStateException("global is immutable");
        }
        this.value = bits;
    }

    void setV128(long low, long highBits) {
        this.value = low;
        this.high = highBits;
    }
}
