package dev.sandpiper.decoder;

/**
 * Limits this implementation places on modules, beyond those of the spec (spec 2.0, Appendix A.1
 * "Embedding > Implementation Limitations" allows them). Each is generous for real modules and keeps
 * a hostile module from making the host allocate without bound.
 */
public final class ImplementationLimits {
    /** Most locals one function may declare, parameters excluded; beyond it: "too many locals". */
    public static final int MAX_FUNCTION_LOCALS = 50_000;

    /** Most parameters or results in one function type. */
    public static final int MAX_FUNCTION_ARITY = 1_000;

    private ImplementationLimits() {}
}
