package dev.sandpiper.decoder.code;

/**
 * Instruction families, as the subsections of spec 2.0, Structure > Instructions
 * ({@code syntax/instructions.html}).
 */
public enum Family {
    NUMERIC,
    VECTOR,
    REFERENCE,
    PARAMETRIC,
    VARIABLE,
    TABLE,
    MEMORY,
    CONTROL
}
