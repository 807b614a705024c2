package dev.sandpiper.decoder.model;

/**
 * A global type: value type and mutability.
 *
 * <p>Spec: 2.0, Structure > Types > Global Types, {@code syntax/types.html#global-types}.
 */
public record GlobalType(ValType valType, boolean mutable) implements ImportDesc {
    @Override
    public ExternKind kind() {
        return ExternKind.GLOBAL;
    }

    @Override
    public String toString() {
        return mutable ? "(mut " + valType + ")" : valType.toString();
    }
}
