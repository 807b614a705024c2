package dev.sandpiper.interpreter;

/**
 * Executes vector (SIMD, 0xFD) instructions for the interpreter loop: {@code code[at]} is the
 * 0xFD sub-opcode, its immediates follow (as {@link dev.sandpiper.interpreter.code.VectorTranslation}
 * lays them out). A v128 takes two stack slots, low half first. Returns the new stack top.
 */
final class VectorOps {
    private VectorOps() {}

    static int execute(int[] code, int at, long[] stack, int sp, Instance inst) {
        throw new UnsupportedOperationException("vector instructions are not supported yet");
    }
}
