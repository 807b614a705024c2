package dev.sandpiper.spectest.features;

/**
 * A WebAssembly 3.0 feature (a proposal merged into the 3.0 spec, or one of the suite's proposal
 * folders) that a spec-script command may need beyond 2.0. The label is what reports print.
 */
public enum Feature {
    /**
     * Tail calls: {@code return_call}, {@code return_call_indirect}, {@code return_call_ref} (3.0,
     * Structure > Instructions > Control Instructions).
     */
    TAIL_CALLS("tail calls"),
    /**
     * Extended constant expressions: {@code i32/i64.add, sub, mul} in constant expressions (3.0,
     * Validation > Instructions > Constant Expressions).
     */
    EXTENDED_CONST("extended const"),
    /**
     * Constant expressions reading globals the module defines: a global's initializer any earlier
     * immutable global, a segment's offset any global (3.0, Validation > Modules > Modules; 2.0
     * allows imported globals only). The rule comes from GC (its MVP's constant expressions), but
     * needs nothing else of GC, so it is reported apart: the engine implements it with extended
     * constant expressions (dev.sandpiper.decoder.Features' extended-const enables both).
     */
    DEFINED_GLOBALS_IN_CONSTANTS("defined globals in constants"),
    /**
     * Multiple memories: more than one memory, or a memory index on a memory instruction (3.0,
     * Structure > Modules > Memories; Instructions > Memory Instructions).
     */
    MULTI_MEMORY("multi-memory"),
    /**
     * 64-bit address types for memories and tables ({@code i64} in a memory or table type, 3.0,
     * Structure > Types > Address Types).
     */
    MEMORY64("memory64"),
    /**
     * Exception handling: tags, {@code throw}, {@code throw_ref}, {@code try_table}, {@code exnref}
     * (3.0, Structure > Instructions > Control Instructions; Modules > Tags).
     */
    EXCEPTIONS("exceptions"),
    /**
     * The legacy exception instructions {@code try}, {@code catch}, {@code delegate}, {@code
     * rethrow} (suite's legacy/).
     */
    LEGACY_EXCEPTIONS("legacy exceptions"),
    /**
     * Typed function references: {@code (ref $t)}, non-null types, {@code call_ref}, {@code
     * br_on_null}, table initializers (3.0, Structure > Types > Reference Types).
     */
    FUNCTION_REFERENCES("function references"),
    /**
     * Garbage collection: structs, arrays, i31, subtyping, recursive types, casts, {@code
     * any}/{@code eq} hierarchies (3.0, Structure > Types > Reference Types, Composite Types;
     * Instructions > Aggregate Instructions).
     */
    GC("GC"),
    /**
     * Relaxed SIMD: the {@code relaxed_*} vector instructions (3.0, Structure > Instructions >
     * Vector Instructions).
     */
    RELAXED_SIMD("relaxed SIMD"),
    /** Threads (proposals/threads): shared memories and atomic instructions. */
    THREADS("threads"),
    /**
     * Custom annotations {@code (@id ...)} in the text format and their 3.0 lexical rules (3.0,
     * Text Format > Lexical Format > Annotations; Appendix > Custom Annotations).
     */
    ANNOTATIONS("annotations"),
    /**
     * The 3.0 text format's lexical changes outside annotations: identifiers written as strings
     * ({@code $"name"}, 3.0, Text Format > Values > Identifiers) and a line comment ended by a
     * carriage return alone (3.0, Text Format > Lexical Format > Comments; 2.0 ends it at a line
     * feed only).
     */
    TEXT_3_0("3.0 text syntax"),
    /**
     * The 3.0 script language rather than an engine feature: {@code (module definition ...)},
     * {@code (module instance ...)}, {@code either} results. A feature of the reader, not of the
     * engine: {@link EngineFeatures} supports it whatever the engine's features (as it does
     * {@link #ANNOTATIONS} and {@link #TEXT_3_0}).
     */
    SCRIPT_3_0("3.0 script forms");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** How reports name the feature. */
    public String label() {
        return label;
    }
}
