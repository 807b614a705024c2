package dev.sandpiper.interpreter.code;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Translation of vector (0xFD) instructions. Not supported by this version of the interpreter:
 * compiling a module that uses one fails with {@link UnsupportedOperationException}.
 */
final class VectorTranslation {
    private VectorTranslation() {}

    /** Immediate words of the {@link Op#VECTOR} op at {@code pc}. */
    static int immediates(int[] code, int pc) {
        return 1;
    }

    static void emit(CodeTranslator t, Opcode op, CodeReader r) {
        throw new UnsupportedOperationException("vector instruction " + op + " is not supported yet");
    }
}
