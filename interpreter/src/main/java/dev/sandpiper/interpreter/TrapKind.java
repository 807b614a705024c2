package dev.sandpiper.interpreter;

/**
 * Why execution trapped: the spec's traps with the reference interpreter's messages, and the
 * engine's own guardrails.
 *
 * <p>Spec: 2.0, Execution > Runtime Structure > Results (traps), {@code exec/runtime.html#results}.
 */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION("invalid conversion to integer"),
    MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
    TABLE_OUT_OF_BOUNDS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    /** {@code call_ref} or {@code return_call_ref} of null (3.0). */
    NULL_FUNCTION_REFERENCE("null function reference"),
    /** {@code ref.as_non_null} of null (3.0). */
    NULL_REFERENCE("null reference"),
    /** {@code struct.get}/{@code struct.set} of null (3.0 GC). */
    NULL_STRUCTURE_REFERENCE("null structure reference"),
    /** An array instruction on null (3.0 GC). */
    NULL_ARRAY_REFERENCE("null array reference"),
    /** {@code i31.get_s}/{@code i31.get_u} of null (3.0 GC). */
    NULL_I31_REFERENCE("null i31 reference"),
    /** An array index or range past the array's length (3.0 GC). */
    ARRAY_OUT_OF_BOUNDS("out of bounds array access"),
    /** {@code ref.cast} of a reference of another type (3.0 GC). */
    CAST_FAILURE("cast failure"),
    /** A GC allocation past the store's memory limit or budget (guardrail; {@link GcHeap}). */
    GC_OUT_OF_MEMORY("out of memory"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    /** The call's instruction budget ran out (guardrail). */
    FUEL_EXHAUSTED("fuel exhausted"),
    /** The call ran past its wall-clock deadline (guardrail). */
    DEADLINE_EXCEEDED("deadline exceeded"),
    /** Another thread asked the call to stop ({@link Store#interrupt()}). */
    INTERRUPTED("interrupted"),
    /** A host function threw; the cause is attached. */
    HOST_FAILURE("host function failed"),
    /** {@code throw_ref} of null (3.0, exception handling). */
    NULL_EXCEPTION_REFERENCE("null exception reference"),
    /** More caught exceptions held as {@code exnref} values than the store keeps (guardrail). */
    EXCEPTION_REFERENCES_EXHAUSTED("too many exception references"),
    /**
     * A reference the host kept past its validity, whose object the store's collection has freed
     * ({@link Store}: when references handed to the host stay valid).
     */
    STALE_REFERENCE("stale reference");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    /** The message, worded as the spec test suite expects. */
    public String message() {
        return message;
    }
}
