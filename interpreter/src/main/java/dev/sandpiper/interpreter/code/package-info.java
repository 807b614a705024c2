/**
 * Translation of validated function bodies into the interpreter's code ({@link
 * dev.sandpiper.interpreter.code.Op}, {@link dev.sandpiper.interpreter.code.FunctionCode}).
 *
 * <p>Each body is translated once, when the module is compiled, by {@link
 * dev.sandpiper.interpreter.code.CodeTranslator}. Branch targets become absolute word indices;
 * the validator's {@link dev.sandpiper.validator.analysis.FunctionAnalysis} supplies how many slots
 * each branch keeps and drops, so nothing about types is derived here. Structure markers
 * ({@code block}, {@code loop}, {@code else}, {@code end}) emit no code. Every basic block that
 * executes at least one instruction opens with one {@link dev.sandpiper.interpreter.code.Op#FUEL}
 * charging all of its instructions at once; unreachable code is not translated.
 *
 * <p>Worked example: {@code (func (param i32) (result i32) (block (result i32) (i32.const 7)
 * (local.get 0) (br_if 0) (drop) (i32.const 9)))}. The validator reports one branch site: the
 * {@code br_if}, keeping 1 slot (the block's i32) and dropping 0. The code is
 * <pre>
 *  0: FUEL 3             i32.const, local.get, br_if
 *  2: CONST32 7
 *  4: LOCAL_GET 0
 *  6: BR_IF 14           to the block's end
 *  8: FUEL 2             drop, i32.const (the fall-through path)
 * 10: DROP
 * 11: CONST32 9
 * 13: (the block's end: no code; a merge point, so the next block starts here)
 * 13: RETURN 1
 * </pre>
 * (offsets illustrate the layout; {@link dev.sandpiper.interpreter.code.CodeDump} prints the real one).
 */
package dev.sandpiper.interpreter.code;
