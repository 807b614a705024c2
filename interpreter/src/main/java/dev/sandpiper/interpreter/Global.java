package dev.sandpiper.interpreter;

import dev.sandpiper.decoder.model.GlobalType;

/**
 * A global variable: raw bits as the interpreter keeps values (a v128 in {@link #value()} and
 * {@link #high()}).
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Global Instances, {@code exec/runtime.html#global-instances}.
 */
public sealed class Global implements Extern permits Global.OfReference {
    private final GlobalType type;
    long value;
    long high;

    public Global(GlobalType type, long value) {
        this.type = type;
        this.value = value;
    }

    /**
     * A module's global in {@code store}: {@code heapId} is the closed id ({@link
     * dev.sandpiper.decoder.model.DefinedTypes}) of the value type's type index in the defining
     * module when it has one, else -1.
     */
    static Global of(GlobalType type, long value, int heapId, Store store) {
        if (heapId < 0 && !GcRoots.mayHoldObjects(type.valType(), -1)) {
            return new Global(type, value);
        }
        return new OfReference(type, value, heapId, store);
    }

    /** The closed id of the value type's type index, or -1 when it names none. */
    int heapId() {
        return -1;
    }

    /**
     * A module's global of a reference type that names a type index or can hold a GC object, with
     * that type's closed id and its store: a class apart so that the others stay as small as they
     * were (a module may define a million globals).
     */
    static final class OfReference extends Global {
        private final int heapId;
        private final Store store;

        OfReference(GlobalType type, long value, int heapId, Store store) {
            super(type, value);
            this.heapId = heapId;
            this.store = store;
        }

        @Override
        int heapId() {
            return heapId;
        }

        @Override
        public long value() {
            long v = value;
            store.handOut(v);
            return v;
        }
    }

    public GlobalType type() {
        return type;
    }

    /**
     * The value's bits (the low 64 bits of a v128). A GC reference read from a module's global stays
     * valid at least until the host's next call into the store returns ({@link Store}).
     */
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
