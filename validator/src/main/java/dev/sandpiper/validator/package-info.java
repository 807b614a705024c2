/**
 * Validation of decoded modules (spec 2.0, 3 Validation, {@code valid/index.html}).
 *
 * <p>{@link dev.sandpiper.validator.ModuleValidator#validate} checks every rule of chapter 3 and
 * returns a {@link dev.sandpiper.validator.ValidatedModule}: the module plus, per function, the
 * {@link dev.sandpiper.validator.analysis.FunctionAnalysis} execution needs. Function bodies are
 * checked with the algorithm of the spec's appendix ("Validation Algorithm",
 * {@code appendix/algorithm.html}), whose state lives in {@code TypeStack}; the rules for each
 * instruction family live in one class each ({@code ControlRules}, {@code VariableRules},
 * {@code ParametricRules}, {@code ReferenceRules}, {@code TableRules}, {@code MemoryRules},
 * {@code VectorRules}); instructions with a fixed signature in
 * {@link dev.sandpiper.decoder.code.Opcode} are typed from that table alone. The 3.0 rules of the
 * features the module was decoded with ({@link dev.sandpiper.decoder.Features}) apply too: tail
 * calls ({@code ControlRules}), memory indices ({@code MemoryRules}), several memories, and
 * arithmetic and defined globals in constant expressions ({@code ConstantExpressions}), and typed
 * function references: subtyping wherever types meet ({@code Subtyping}; {@code TypeStack} encodes a
 * concrete reference type as an int above the 2.0 types), the initialisation of locals without a
 * default ({@code TypeStack}'s inits, after the 3.0 appendix), {@code call_ref},
 * {@code br_on_null}, {@code br_on_non_null} ({@code ControlRules}), {@code ref.as_non_null}
 * ({@code ReferenceRules}), tables with initialisers ({@code ModuleValidator}).
 *
 * Type indices compare as the types they name ({@link dev.sandpiper.decoder.model.DefinedTypes}:
 * closed ids of whole recursion groups, also what the interpreter compares across modules); a type
 * definition may name its own recursion group and earlier types only.
 *
 * <p>GC (3.0): recursion groups and sub types ({@code TypeDefinitionRules}: at most one, earlier,
 * non-final supertype whose composite type the sub type's matches), the three heap type
 * hierarchies ({@code Subtyping}), the structure, array, i31, cast and conversion instructions and
 * {@code br_on_cast} ({@code GcRules}), and the allocating ones in constant expressions
 * ({@code ConstantGcTypes}).
 */
package dev.sandpiper.validator;
