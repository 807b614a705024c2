/**
 * Translation of validated function bodies into the interpreter's register-form code ({@link
 * dev.sandpiper.interpreter.code.Op}, {@link dev.sandpiper.interpreter.code.FunctionCode}).
 *
 * <p>Each body is translated once, when the module is compiled, by {@link
 * dev.sandpiper.interpreter.code.CodeTranslator}, which lowers instruction by instruction with the
 * help of {@link dev.sandpiper.interpreter.code.Operands} (where each operand is), {@link
 * dev.sandpiper.interpreter.code.ControlFrames} (the enclosing blocks and their pending branches),
 * {@link dev.sandpiper.interpreter.code.OpSelection} (which op an instruction becomes) and {@link
 * dev.sandpiper.interpreter.code.CodeBuffer} (the words, fuel charges and refunds).
 *
 * <p>Ops name their operands and results by frame slot: a local's, or the canonical slot of a Wasm
 * operand-stack position (locals first, then one slot per stack position). Because the translator
 * tracks where each operand is, {@code local.get} and constants emit nothing and a
 * {@code local.set} after an operator retargets the operator's result. Branch targets become
 * absolute word indices, and values a branch carries are copied to its label's slots. Structure
 * markers ({@code block}, {@code loop}, {@code else}, {@code end}) emit no code. Every basic block
 * that executes at least one instruction opens with one {@link
 * dev.sandpiper.interpreter.code.Op#FUEL} charging all of its instructions at once; unreachable
 * code is not translated. The validator's {@link
 * dev.sandpiper.validator.analysis.FunctionAnalysis} supplies the largest stack height and the
 * width of {@code select} operands; its branch sites are checked to stay in step.
 *
 * <p>Worked example: {@code (func (param i32) (result i32) (block (result i32) (i32.const 7)
 * (local.get 0) (br_if 0) (drop) (i32.const 9)))}. Slot 0 is the parameter; slot 1 is the canonical
 * slot of stack height 0, where the block's result goes. {@link
 * dev.sandpiper.interpreter.code.CodeDump} prints
 * <pre>
 *     0  FUEL 3            i32.const, local.get, br_if
 *     2  CONST32 1 7       the value the br_if carries, written to the block's result slot
 *     5  BR_IF 0 14        tests the local itself: local.get emitted nothing
 *     8  FUEL 2            drop, i32.const (the fall-through path)
 *    10  CONST32 1 9       the drop emitted nothing: the 7 is overwritten
 * L14:
 *    13  FUEL 0            the block's end: a merge point, so a new block
 *    15  RETURN1 1
 * </pre>
 * The branch targets word 14, the {@code n} of the {@code FUEL} at 13: a branch charges the block
 * it enters and continues after its {@code FUEL}.
 */
package dev.sandpiper.interpreter.code;
