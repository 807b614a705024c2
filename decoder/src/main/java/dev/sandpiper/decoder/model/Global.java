package dev.sandpiper.decoder.model;

/**
 * A global defined by the module: its type and initialiser.
 *
 * <p>Spec: 2.0, Structure > Modules > Globals, {@code syntax/modules.html#globals}.
 */
public record Global(GlobalType type, ConstExpr init) {}
