package dev.sandpiper.interpreter;

/**
 * Something an instance can import or export: a function, table, memory, global or (3.0) tag.
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > External Values, {@code exec/runtime.html#external-values}.
 */
public sealed interface Extern permits FunctionInstance, Table, Memory, Global, Tag {}
