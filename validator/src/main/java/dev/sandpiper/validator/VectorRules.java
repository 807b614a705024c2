package dev.sandpiper.validator;

import dev.sandpiper.decoder.code.CodeReader;
import dev.sandpiper.decoder.code.Opcode;

/**
 * Lane indices of vector instructions: below the shape's lane count, and below 32 for the 16
 * indices of {@code i8x16.shuffle} (which picks from two vectors).
 *
 * <p>Spec: 2.0, Validation > Instructions > Vector Instructions,
 * {@code valid/instructions.html#vector-instructions}.
 */
final class VectorRules {
    private VectorRules() {}

    static void lane(FunctionValidator v, Opcode op, int lane) {
        if (lane >= op.lanes()) {
            throw v.invalid("invalid lane index " + lane + " for " + op + " (" + op.lanes() + " lanes)");
        }
    }

    static void shuffle(FunctionValidator v, CodeReader code) {
        for (int i = 0; i < 16; i++) {
            long bytes = i < 8 ? code.v128Low() : code.v128High();
            int lane = (int) (bytes >>> ((i & 7) * 8)) & 0xFF;
            if (lane >= 32) {
                throw v.invalid("invalid lane index " + lane + " for i8x16.shuffle (32 lanes)");
            }
        }
    }
}
