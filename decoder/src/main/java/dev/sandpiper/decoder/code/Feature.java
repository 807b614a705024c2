package dev.sandpiper.decoder.code;

/**
 * The proposal that introduced an instruction; all of them are standard in WebAssembly 2.0.
 */
public enum Feature {
    MVP,
    SIGN_EXTENSION,
    SATURATING_FLOAT_TO_INT,
    REFERENCE_TYPES,
    BULK_MEMORY,
    SIMD
}
