package dev.sandpiper.decoder.model;

/**
 * An expression that initialises a global, or gives a segment's offset or element: a byte range of
 * the module, from its first instruction up to and including its {@code end}. Whether it really is
 * constant is for the validator to decide.
 *
 * <p>Spec: 2.0, Structure > Instructions > Expressions, {@code syntax/instructions.html#expressions};
 * Validation > Instructions > Constant Expressions, {@code valid/instructions.html#constant-expressions}.
 */
public record ConstExpr(int start, int end) {}
