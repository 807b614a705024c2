package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Translation of vector (0xFD) instructions into {@link Op#VECTOR} words:
 * {@code [VECTOR words subop immediates...]}, where {@code words} counts the immediate words, itself
 * included, so the interpreter can step over the instruction without decoding it. Not supported by
 * this version of the interpreter: compiling a module that uses one fails with
 * {@link UnsupportedOperationException}.
 */
final class VectorTranslation {
    private VectorTranslation() {}

    /** Immediate words of the {@link Op#VECTOR} op at {@code pc}. */
    static int immediates(int[] code, int pc) {
        return code[pc + 1];
    }

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        throw new UnsupportedOperationException("vector instruction " + op + " is not supported yet");
    }
}
