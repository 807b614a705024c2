package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.GlobalType;

/**
 * A global variable: raw bits as the interpreter keeps values (a v128 in {@link #value()} and
 * {@link #high()}).
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Global Instances, {@code exec/runtime.html#global-instances}.
 */
public sealed class Global implements Extern permits Global.OfDefinedType {
    private final GlobalType type;
    long value;
    long high;

    public Global(GlobalType type, long value) {
        this.type = type;
        this.value = value;
    }

    /**
     * A module's global: {@code heapId} is the closed id ({@link dev.sandpiper.decoder.model.DefinedTypes})
     * of the value type's type index in the defining module when it has one, else -1.
     */
    static Global of(GlobalType type, long value, int heapId) {
        return heapId < 0 ? new Global(type, value) : new OfDefinedType(type, value, heapId);
    }

    /** The closed id of the value type's type index, or -1 when it names none. */
    int heapId() {
        return -1;
    }

    /**
     * A global whose value type names a type index, with that type's closed id: a class apart so
     * that the others stay as small as they were (a module may define a million globals).
     */
    static final class OfDefinedType extends Global {
        private final int heapId;

        OfDefinedType(GlobalType type, long value, int heapId) {
            super(type, value);
            this.heapId = heapId;
        }

        @Override
        int heapId() {
            return heapId;
        }
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
