package dev.sandpiper.decoder.code;

/**
 * The proposal that introduced an instruction or a module construct. The first six are standard in
 * WebAssembly 2.0; the others ({@link #TAIL_CALL}, {@link #EXTENDED_CONST}, {@link #MULTI_MEMORY},
 * {@link #FUNCTION_REFERENCES}, {@link #RELAXED_SIMD}, {@link #EXCEPTIONS}, {@link #MEMORY64}, {@link #GC}) are standard in 3.0
 * ({@link #LEGACY_EXCEPTIONS} is in its appendix). An embedder chooses which of them a module may use with
 * {@link dev.sandpiper.decoder.Features}.
 */
public enum Feature {
    MVP("mvp"),
    SIGN_EXTENSION("sign-extension"),
    SATURATING_FLOAT_TO_INT("saturating-float-to-int"),
    REFERENCE_TYPES("reference-types"),
    BULK_MEMORY("bulk-memory"),
    SIMD("simd"),
    /** {@code return_call}, {@code return_call_indirect}. Spec: 3.0, Control Instructions. */
    TAIL_CALL("tail-call"),
    /** {@code i32/i64.add, sub, mul} in constant expressions. Spec: 3.0, Constant Expressions. */
    EXTENDED_CONST("extended-const"),
    /** More than one memory, and a memory index on every memory instruction. Spec: 3.0, Memory Instructions. */
    MULTI_MEMORY("multi-memory"),
    /**
     * Typed function references: {@code (ref null? ht)}, {@code call_ref}, {@code return_call_ref},
     * {@code ref.as_non_null}, {@code br_on_null}, {@code br_on_non_null}, non-defaultable locals,
     * tables with an initialiser. Spec: 3.0, Types > Reference Types; Reference and Control Instructions.
     */
    FUNCTION_REFERENCES("function-references"),
    /**
     * The 20 {@code relaxed_*} vector instructions (0xFD 0x100-0x113), whose results the spec lets
     * an implementation choose among a set. Spec: 3.0, Instructions > Vector Instructions; Execution >
     * Numerics > Relaxed Operations.
     */
    RELAXED_SIMD("relaxed-simd"),
    /**
     * Exception handling: tags, {@code try_table}, {@code throw}, {@code throw_ref}, {@code exnref}.
     * Spec: 3.0, Modules > Tags; Control Instructions; Types > Reference Types.
     */
    EXCEPTIONS("exceptions"),
    /**
     * The legacy exception instructions {@code try}, {@code catch}, {@code catch_all},
     * {@code delegate}, {@code rethrow}: the exception-handling proposal's first version, which the
     * 3.0 spec keeps in an appendix and the suite in {@code legacy/}. Needs {@link #EXCEPTIONS}'s tags.
     */
    LEGACY_EXCEPTIONS("legacy-exceptions"),
    /**
     * 64-bit memories and tables: limits with an {@code i64} address type, u64 limits and memory
     * offsets, i64 addresses and indices. Spec: 3.0, Types > Address Types; Memory and Table Instructions.
     */
    MEMORY64("memory64"),
    /**
     * Garbage collection: recursion groups, sub types, structure and array types, the abstract heap
     * types any, eq, i31, struct, array, none, nofunc, noextern, and the {@code 0xFB} instructions.
     * Spec: 3.0, Types > Recursive Types and Aggregate Types; Aggregate Reference Instructions.
     */
    GC("gc");

    private final String proposalName;

    Feature(String proposalName) {
        this.proposalName = proposalName;
    }

    /** The proposal's name as the WebAssembly community group writes it, e.g. {@code tail-call}. */
    public String proposalName() {
        return proposalName;
    }

    /** Whether the feature is part of WebAssembly 2.0. */
    public boolean inWasm20() {
        return ordinal() <= SIMD.ordinal();
    }

    /** The feature named {@code name} (its proposal name, or the constant's name in any case), or null. */
    public static Feature named(String name) {
        for (Feature f : values()) {
            if (f.proposalName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }
}
